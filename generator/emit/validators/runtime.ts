/**
 * Shared runtime of the compiled validators: issues, results, companions and Standard Schema v1. No dependencies
 * beyond ./checks.ts beside it (what a value is), which the generated code imports directly: a re-export would be
 * a getter call on every check of CommonJS output.
 */
import { hasOwn, isPlainObject, setOwn } from "./checks.js";

/** Keys and indices from the validated value down to the offending value. */
export type Path = readonly (string | number)[];

export interface Issue {
  readonly path: Path;
  /** The path as a JSON Pointer (RFC 6901): `""` for the root, `"/choices/0/index"` below it. */
  readonly pointer: string;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** The Standard Schema v1 interface (https://standardschema.dev), declared here rather than imported: types only. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** The companion value of a generated type `T`. */
export interface Schema<T> extends StandardSchemaV1<unknown, T> {
  /** The model's title. */
  readonly name: string;
  /** Type guard: true when `value` is a `T`. Allocates nothing. */
  is(value: unknown): value is T;
  /** Every issue of `value`, or the value (with `--unknown-keys strip`, a copy without undocumented keys). */
  validate(value: unknown): Result<T>;
  /** Returns what `validate` returns as value, or throws a `ValidationError` listing every issue. */
  assert(value: unknown): T;
  /** Low level, for generated code: appends the issues of `value`, found at `path`, to `issues`. */
  collect(value: unknown, path: Path, issues: Issue[]): void;
  /** Low level, for generated code: a valid `T` without undocumented keys (the value itself unless `strip`). */
  strip(value: unknown): T;
  /** Object models: required fields with a single literal value, from which unions infer a discriminator. */
  readonly literals?: Readonly<Record<string, string | number | boolean>>;
}

export interface EnumSchema<T> extends Schema<T> {
  /** The documented values (an open enum accepts others too). */
  readonly values: readonly T[];
}

export class ValidationError extends Error {
  readonly issues: readonly Issue[];
  constructor(name: string, issues: readonly Issue[]) {
    super("invalid " + name + ":\n" + issues.map((issue) => "  - " + issue.message).join("\n"));
    this.name = "ValidationError";
    this.issues = issues;
  }
}

type Collect = (value: unknown, path: Path, issues: Issue[]) => void;

export interface Extras<T> {
  strip?: (value: unknown) => T;
  literals?: Readonly<Record<string, string | number | boolean>>;
}

/** Builds a companion from its generated guard and issue collector; the valid path runs the guard only. */
export function schema<T>(
  name: string,
  is: (value: unknown) => value is T,
  collect: Collect,
  extras: Extras<T> = {},
): Schema<T> {
  const strip = extras.strip ?? (identity as (value: unknown) => T);
  const validate = (value: unknown): Result<T> => {
    if (is(value)) return { ok: true, value: strip(value) };
    const issues: Issue[] = [];
    collect(value, [], issues);
    // The guard and the collector are generated from the same model; should they ever disagree, still fail.
    if (issues.length === 0) issues.push(issue([], name, value));
    return { ok: false, issues };
  };
  return {
    name,
    is,
    validate,
    assert(value) {
      const result = validate(value);
      if (!result.ok) throw new ValidationError(name, result.issues);
      return result.value;
    },
    collect,
    strip,
    ...(extras.literals ? { literals: extras.literals } : {}),
    "~standard": {
      version: 1,
      vendor: "docschema",
      validate(value) {
        const result = validate(value);
        return result.ok ? { value: result.value } : { issues: result.issues };
      },
    },
  };
}

/** An enum companion: the schema plus its named values (`FinishReason.Stop`) and `values`. */
export function enumeration<T, M extends Readonly<Record<string, T>>>(
  name: string,
  members: M,
  is: (value: unknown) => value is T,
  expected: string,
): Readonly<M> & EnumSchema<T> {
  const collect: Collect = (value, path, issues) => {
    if (!is(value)) issues.push(issue(path, expected, value));
  };
  const values: readonly T[] = Object.freeze(Object.values(members));
  return Object.freeze({ ...members, ...schema(name, is, collect), values }) as Readonly<M> & EnumSchema<T>;
}

/** What a union tries: a companion, or a generated member for an inline type (`string`, `X[]` ...). */
export interface Member {
  readonly name: string;
  is(value: unknown): boolean;
  collect(value: unknown, path: Path, issues: Issue[]): void;
  strip?(value: unknown): unknown;
  readonly literals?: Readonly<Record<string, string | number | boolean>>;
}

interface Discriminator {
  key: string;
  members: Map<unknown, Member>;
  /** The issue's `expected` when the key holds none of the values: `"text" | "image"`. */
  expected: string;
}

/** A union member whose failure is one issue at its own path: `string`, `"text"`, `number | null`. */
export function member(name: string, is: (value: unknown) => boolean): Member {
  return {
    name,
    is,
    collect(value, path, issues) {
      if (!is(value)) issues.push(issue(path, name, value));
    },
  };
}

/**
 * A union companion. Members come from a function so that cyclic modules can reference each other: they are
 * looked up on first use. When every member is an object with a required literal field of distinct values
 * (`type: "text"`), that field picks the one member to check.
 */
export function union<T>(
  name: string,
  is: (value: unknown) => value is T,
  memberList: () => readonly Member[],
): Schema<T> {
  const members = lazy(memberList);
  let discriminator: Discriminator | null | undefined;
  const discriminate = (value: unknown): Member | null | undefined => {
    if (discriminator === undefined) discriminator = findDiscriminator(members());
    if (discriminator === null || !isPlainObject(value)) return undefined;
    const key = discriminator.key;
    return discriminator.members.get(hasOwn(value, key) ? value[key] : undefined) ?? null;
  };
  const guard = (value: unknown): value is T => {
    const member = discriminate(value);
    return member === undefined ? is(value) : member !== null && member.is(value);
  };
  const collect: Collect = (value, path, issues) => {
    const member = discriminate(value);
    if (member) return member.collect(value, path, issues);
    if (member === null && discriminator) {
      const key = discriminator.key;
      const tag = hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
      issues.push(issue(at(path, key), discriminator.expected, tag));
      return;
    }
    collectUnion(members(), value, path, issues, name);
  };
  return schema(name, guard, collect, { strip: (value) => stripUnion(members(), value) as T });
}

function findDiscriminator(members: readonly Member[]): Discriminator | null {
  const first = members[0]?.literals;
  if (!first || members.length < 2) return null;
  for (const key of Object.keys(first)) {
    const byValue = new Map<unknown, Member>();
    for (const member of members) {
      const literal = member.literals && hasOwn(member.literals, key) ? member.literals[key] : undefined;
      if (literal === undefined || byValue.has(literal)) break;
      byValue.set(literal, member);
    }
    if (byValue.size === members.length) {
      const expected = [...byValue.keys()].map((literal) => JSON.stringify(literal)).join(" | ");
      return { key, members: byValue, expected };
    }
  }
  return null;
}

/**
 * Issues of a value that matches no member: those of the member it came closest to (its first issue lies
 * deepest, then fewest issues), not a wall of every member's failures; one issue naming the members when the
 * value matches none of them even at the top.
 */
export function collectUnion(
  members: readonly Member[],
  value: unknown,
  path: Path,
  issues: Issue[],
  expected: string,
): void {
  let best: Issue[] | undefined;
  let bestDepth = path.length;
  for (const member of members) {
    const found: Issue[] = [];
    member.collect(value, path, found);
    if (found.length === 0) return;
    const depth = shallowest(found);
    if (depth > bestDepth || (depth === bestDepth && depth > path.length && best && found.length < best.length)) {
      best = found;
      bestDepth = depth;
    }
  }
  if (best) issues.push(...best);
  else issues.push(issue(path, expected, value));
}

function shallowest(issues: readonly Issue[]): number {
  let depth = Infinity;
  for (const found of issues) if (found.path.length < depth) depth = found.path.length;
  return depth;
}

/** The copy the first member that accepts the value makes (the order of the docs, as zod's `z.union`). */
export function stripUnion(members: readonly Member[], value: unknown): unknown {
  for (const member of members) if (member.is(value)) return member.strip ? member.strip(value) : value;
  return value;
}

/** A copy of a valid map, each entry copied by `strip`; a plain object, whatever its keys are called. */
export function stripMap(value: unknown, strip: (value: unknown) => unknown): Record<string, unknown> {
  const map = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in map) if (hasOwn(map, key)) setOwn(copy, key, strip(map[key]));
  return copy;
}

function identity<T>(value: T): T {
  return value;
}

/** `make()`, called once, on first use: lists of union members, which may name companions of cyclic modules. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export function issue(path: Path, expected: string, value: unknown): Issue {
  const received = receivedOf(value);
  const pointer = pointerOf(path);
  const message = (pointer || "/") + ": expected " + expected + ", received " + received;
  return { path, pointer, expected, received, message };
}

export function missing(path: Path, key: string, expected: string): Issue {
  const below = at(path, key);
  const pointer = pointerOf(below);
  const message = pointer + ": required " + expected + " is missing";
  return { path: below, pointer, expected, received: "nothing", message };
}

export function unknownKey(path: Path, key: string): Issue {
  const below = at(path, key);
  const pointer = pointerOf(below);
  const message = pointer + ": undocumented key";
  return { path: below, pointer, expected: "no undocumented key", received: JSON.stringify(key), message };
}

/** `path` plus one key, as a new array: a plain copy loop, several times cheaper than `[...path, key]`. */
export function at(path: Path, key: string | number): Path {
  const length = path.length;
  const below: (string | number)[] = new Array(length + 1);
  for (let i = 0; i < length; i++) below[i] = path[i]!;
  below[length] = key;
  return below;
}

/** RFC 6901: `~` and `/` in keys are escaped. */
export function pointerOf(path: Path): string {
  let pointer = "";
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === "number") pointer += "/" + key;
    else pointer += "/" + (needsEscape(key) ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key);
  }
  return pointer;
}

function needsEscape(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === 0x7e || code === 0x2f) return true;
  }
  return false;
}

function receivedOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalid Date" : "Date";
  switch (typeof value) {
    case "string":
      return quote(value.length > 40 ? value.slice(0, 40) + "..." : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    default:
      return typeof value;
  }
}

/** JSON.stringify of a string, skipped when nothing needs escaping (the common case; it is the slow part). */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escaped = code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff);
    if (escaped) return JSON.stringify(text);
  }
  return '"' + text + '"';
}
