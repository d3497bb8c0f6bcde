/**
 * Type expression → validator code, shared by the per-kind emitters. Every type gets three spellings:
 * - `isExpr`: a boolean expression (the fast guard: no allocation, primitive checks inline);
 * - `reportStatement`: a statement recording the issues of a value already known to fail `isExpr`;
 * - `stripExpr`: an expression copying a valid value without undocumented keys (unknown keys "strip" only).
 * Arrays, maps and inline unions get small hoisted helpers named for what they check (`isStringArray`,
 * `collectPetRecord`, `stringOrPetArrayMembers`), so loops stay loops and recursive types need no closures.
 */
import { unreachable } from "../../model/type-expr.js";
import type { Model, ModelId, PrimitiveName, TypeExpr } from "../../model/types.js";
import {
  anyOf,
  block,
  call,
  conditional,
  flat,
  functionDeclaration,
  ifThen,
  layout,
  line,
  list,
  sequence,
  statement,
  stringLiteral,
  type Code,
  type Statement,
} from "../lib/code.js";
import { enumMemberName, literal, typeText } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

/** What an emitter needs to know about the file it writes into. */
export interface ValidatorContext {
  options: EmitOptions;
  /** The local name of a directly referenced model (type and companion), with the model; undefined when unresolved. */
  ref(id: ModelId): { local: string; model: Model } | undefined;
  /** Names the file imports from the runtime. */
  runtime: Set<string>;
  /** Every name declared in the file so far (imports, the model's, helpers'): a new one must differ. */
  names: Set<string>;
  /** Hoisted helpers by the type they check, in creation order. */
  helpers: Map<string, Helper>;
}

interface Helper {
  /** `isStringArray`, `collectStringArray`; or the members list of an inline union. */
  is?: string;
  collect?: string;
  members?: string;
  declarations: string[];
}

/** What a per-kind emitter gives for a model. */
export interface CompanionStatements {
  /** The expression building the companion `X`. */
  companion: Code;
  /** Its declared type, when inference alone would not name it. */
  companionType?: string;
  /** Hoisted declarations (guard, collector, strip …), after the companion. */
  declarations: string[];
}

/** `taken`: the names the file already declares (its model, its imports). */
export function validatorContext(options: EmitOptions, ref: ValidatorContext["ref"], taken: Iterable<string>): ValidatorContext {
  return { options, ref, runtime: new Set(), names: new Set(taken), helpers: new Map() };
}

/** `base`, or `base2`, `base3` … : the first that no declaration of the file uses yet, for every given prefix. */
export function uniqueName(ctx: ValidatorContext, base: string, prefixes: readonly string[] = [""]): string {
  let name = base;
  for (let n = 2; prefixes.some((prefix) => ctx.names.has(prefix + name)); n++) name = `${base}${n}`;
  for (const prefix of prefixes) ctx.names.add(prefix + name);
  return name;
}

export const VALUE = "v";
export const PATH = "path";
export const ISSUES = "issues";
/** The parameters of a collector of `value`. */
export function collectorParameters(value: string, ctx: ValidatorContext): string[] {
  return [`${value}: unknown`, `${PATH}: ${rt(ctx, "Path")}`, `${ISSUES}: ${rt(ctx, "Issue")}[]`];
}

/**
 * A runtime import, recorded for the file's import statement, and its local name `$name`: no model name or
 * generated function starts with `$`, while a model may be called `Schema` (or `Object`, next to `isObject`).
 */
export function rt(ctx: ValidatorContext, name: string): string {
  ctx.runtime.add(name);
  return `$${name}`;
}

/** The type as a reader sees it, for issue messages: `string`, `ChatMessage[]`, `"function"`. */
export function expectedText(type: TypeExpr, ctx: ValidatorContext): string {
  return typeText(type, (id) => ctx.ref(id)?.local ?? "unknown", ctx.options.dates);
}

/** `expectedText` as a string literal of the generated code. */
export function expectedLiteral(type: TypeExpr, ctx: ValidatorContext): string {
  return stringLiteral(expectedText(type, ctx));
}

/** A boolean expression that holds when `x` is of the type; `"true"` when every value is. */
export function isExpr(type: TypeExpr, x: string, ctx: ValidatorContext): Code {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "boolean":
          return `typeof ${x} === "${type.name}"`;
        // JSON has no NaN or Infinity; zod's z.number() refuses them too.
        case "number":
          return `Number.isFinite(${x})`;
        // Beyond 2^53 a number is no longer an exact integer (zod's .int() checks the same).
        case "integer":
          return `Number.isSafeInteger(${x})`;
        case "bigint":
          return `typeof ${x} === "bigint"`;
        case "decimal":
          return `${rt(ctx, "isDecimal")}(${x})`;
        case "date":
          return `${rt(ctx, "isIsoDate")}(${x})`;
        case "any":
        case "unknown":
          return "true";
        case "datetime":
          return ctx.options.dates === "iso" ? `${rt(ctx, "isIsoDateTime")}(${x})` : `${rt(ctx, "isDate")}(${x})`;
        case "binary":
          return `${rt(ctx, "isBinary")}(${x})`;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return `${x} === ${literal(type.value)}`;
    case "ref": {
      const target = ctx.ref(type.id);
      return target ? `${target.local}.is(${x})` : "true"; // unresolved: reported by the graph builder
    }
    case "nullable": {
      const inner = isExpr(type.type, x, ctx);
      return inner === "true" ? "true" : anyOf([`${x} === null`, inner]);
    }
    case "stream":
      return `${rt(ctx, "isAsyncIterable")}(${x})`;
    case "union": {
      const members = type.members.map((member) => isExpr(member, x, ctx));
      return members.includes("true") ? "true" : anyOf(members);
    }
    case "array":
    case "map":
      return `${containerHelper(type, ctx).is}(${x})`;
    default:
      return unreachable(type);
  }
}

/** A statement recording the issues of `x` (found at the path expression `at`), which fails `isExpr(type, x)`. */
export function reportStatement(type: TypeExpr, x: string, at: Code, ctx: ValidatorContext): Statement | undefined {
  switch (type.kind) {
    case "ref": {
      const target = ctx.ref(type.id);
      return target ? statement(call(`${target.local}.collect`, [x, at, ISSUES])) : undefined;
    }
    case "nullable":
      // `expected number | null`, when nothing below says more.
      return isLeaf(type) ? issueStatement(type, x, at, ctx) : reportStatement(type.type, x, at, ctx);
    case "array":
    case "map":
      return statement(call(containerHelper(type, ctx).collect!, [x, at, ISSUES]));
    case "union":
      if (type.members.every(isLeaf)) return issueStatement(type, x, at, ctx);
      return statement(call(rt(ctx, "collectUnion"), [`${membersHelper(type, ctx)}()`, x, at, ISSUES, expectedLiteral(type, ctx)]));
    case "primitive":
    case "literal":
    case "stream":
      return issueStatement(type, x, at, ctx);
    default:
      return unreachable(type);
  }
}

/** One issue at `at`: the value is not of the type, and nothing below it says more. */
function issueStatement(type: TypeExpr, x: string, at: Code, ctx: ValidatorContext): Statement {
  return statement(call(`${ISSUES}.push`, [call(rt(ctx, "issue"), [at, expectedLiteral(type, ctx), x])]));
}

/** `$at(path, key)`: the path of an entry below the value being checked. */
export function pathTo(key: string, ctx: ValidatorContext): Code {
  return call(rt(ctx, "at"), [PATH, key]);
}

/** A copy of the valid value `x` without undocumented keys; `x` itself where nothing below can have any. */
export function stripExpr(type: TypeExpr, x: string, ctx: ValidatorContext): Code {
  if (!needsStrip(type, ctx)) return x;
  switch (type.kind) {
    case "ref":
      return `${ctx.ref(type.id)!.local}.strip(${x})`;
    case "nullable":
      return conditional(`${x} === null`, "null", stripExpr(type.type, x, ctx));
    case "array":
      return `(${x} as unknown[]).map((e) => ${flat(stripExpr(type.items, "e", ctx))})`;
    case "map":
      return call(rt(ctx, "stripMap"), [x, `(e) => ${flat(stripExpr(type.values, "e", ctx))}`]);
    case "union":
      return call(rt(ctx, "stripUnion"), [`${membersHelper(type, ctx)}()`, x]);
    case "primitive":
    case "literal":
    case "stream":
      return x;
    default:
      return unreachable(type);
  }
}

/** Whether a valid value of this type can hold undocumented keys to strip (only objects and unions can). */
export function needsStrip(type: TypeExpr, ctx: ValidatorContext): boolean {
  if (ctx.options.unknownKeys !== "strip") return false;
  switch (type.kind) {
    case "ref": {
      const target = ctx.ref(type.id);
      return target !== undefined && target.model.kind !== "enum";
    }
    case "nullable":
      return needsStrip(type.type, ctx);
    case "array":
      return needsStrip(type.items, ctx);
    case "map":
      return needsStrip(type.values, ctx);
    case "union":
      return type.members.some((member) => needsStrip(member, ctx));
    case "primitive":
    case "literal":
    case "stream":
      return false;
    default:
      return unreachable(type);
  }
}

/** A type whose failure is one issue at its own path: nothing below it to report on. */
function isLeaf(type: TypeExpr): boolean {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "stream":
      return true;
    case "nullable":
      return isLeaf(type.type);
    case "union":
      return type.members.every(isLeaf);
    case "ref":
    case "array":
    case "map":
      return false;
    default:
      return unreachable(type);
  }
}

/** What a helper of the type is named after: `String`, `PetArray`, `StringOrNumber`, `NullablePetRecord`. */
function typeName(type: TypeExpr, ctx: ValidatorContext): string {
  switch (type.kind) {
    case "primitive":
      return PRIMITIVE_NAMES[type.name === "datetime" && ctx.options.dates === "iso" ? "isoDateTime" : type.name];
    case "literal":
      return `${enumMemberName(String(type.value))}Literal`;
    case "ref":
      return pascalCase(ctx.ref(type.id)?.local ?? "Unknown");
    case "array":
      return `${typeName(type.items, ctx)}Array`;
    case "map":
      return `${typeName(type.values, ctx)}Record`;
    case "nullable":
      return `Nullable${typeName(type.type, ctx)}`;
    case "stream":
      return `${typeName(type.type, ctx)}Stream`;
    case "union":
      return type.members.map((member) => typeName(member, ctx)).join("Or");
    default:
      return unreachable(type);
  }
}

const PRIMITIVE_NAMES = {
  string: "String",
  date: "IsoDate",
  bigint: "BigInt",
  decimal: "Decimal",
  unknown: "Unknown",
  number: "Number",
  integer: "Integer",
  boolean: "Boolean",
  any: "Unknown",
  datetime: "Date",
  isoDateTime: "IsoDateTime",
  binary: "Binary",
} as const satisfies Record<PrimitiveName | "isoDateTime", string>;

/** `components_ErrorT` → `ComponentsErrorT`, `Date$` → `Date`. */
function pascalCase(identifier: string): string {
  const words = identifier.match(/[A-Za-z0-9]+/g) ?? ["Unknown"];
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
}

/** `isXArray` / `collectXArray` (or `…Record`) for an array or map type, created once per file. */
function containerHelper(type: Extract<TypeExpr, { kind: "array" | "map" }>, ctx: ValidatorContext): Helper {
  const key = JSON.stringify(type);
  const existing = ctx.helpers.get(key);
  if (existing) return existing;
  const name = uniqueName(ctx, typeName(type, ctx), ["is", "collect"]);
  // Registered before its body is made: an item type may mention the same container (through a union), and
  // recursion must end.
  const helper: Helper = { is: `is${name}`, collect: `collect${name}`, declarations: [] };
  ctx.helpers.set(key, helper);
  const inner = type.kind === "array" ? type.items : type.values;
  const asType = expectedText(type, ctx);
  const itemIs = isExpr(inner, "e", ctx);
  const head =
    type.kind === "array"
      ? { test: `Array.isArray(x)`, loop: `for (let i = 0; i < x.length; i++)`, key: "i", item: "const e: unknown = x[i];" }
      : { test: `${rt(ctx, "isPlainObject")}(x)`, loop: "for (const k in x)", key: "k", item: "const e = x[k];" };
  // A map's inherited keys are not entries: only a failing entry needs the own-property check.
  const failing = (test: Code): Code => (type.kind === "map" ? `${not(test)} && ${rt(ctx, "hasOwn")}(x, k)` : not(test));
  const guard: Statement[] = [line(`if (!${head.test}) return false;`)];
  const notContainer = statement(call(`${ISSUES}.push`, [call(rt(ctx, "issue"), [PATH, stringLiteral(asType), "x"])]));
  const collect: Statement[] = [ifThen([{ test: `!${head.test}`, then: itemIs === "true" ? notContainer : sequence([notContainer, line("return;")]) }])];
  if (itemIs !== "true") {
    guard.push(block(head.loop, [line(head.item), ifThen([{ test: failing(itemIs), then: line("return false;") }])]));
    const report = reportStatement(inner, "e", pathTo(head.key, ctx), ctx);
    if (report) collect.push(block(head.loop, [line(head.item), ifThen([{ test: failing(itemIs), then: report }])]));
  }
  guard.push(line("return true;"));
  helper.declarations.push(
    functionDeclaration(helper.is!, ["x: unknown"], `x is ${asType}`, guard),
    functionDeclaration(helper.collect!, collectorParameters("x", ctx), "void", collect),
  );
  return helper;
}

/**
 * `xMembers()`: the members of an inline union as runtime `Member`s, made on first call (so that companions of
 * cyclic modules are initialised by then).
 */
export function membersHelper(type: Extract<TypeExpr, { kind: "union" }>, ctx: ValidatorContext): string {
  const key = `members:${JSON.stringify(type.members)}`;
  const existing = ctx.helpers.get(key);
  if (existing) return existing.members!;
  const base = typeName(type, ctx);
  const name = uniqueName(ctx, `${base[0]!.toLowerCase()}${base.slice(1)}Members`);
  const helper: Helper = { members: name, declarations: [] };
  ctx.helpers.set(key, helper);
  const members = list("[", memberList(type.members, ctx), "]");
  helper.declarations.push(layout(members, 0, `const ${name} = /* @__PURE__ */ ${rt(ctx, "lazy")}(() => `, ");"));
  return name;
}

/**
 * The members of a union as runtime `Member`s, for `$union` and inline unions: companions as they are, one-issue
 * types as `$member("string", (x) => …)`, arrays and maps with their helpers. A union inside the union adds its
 * members, and `X[] | null` adds a `null` member: the same values, one level of issues fewer.
 */
export function memberList(members: readonly TypeExpr[], ctx: ValidatorContext): Code[] {
  return members.flatMap((member) => membersOf(member, ctx));
}

function membersOf(type: TypeExpr, ctx: ValidatorContext): Code[] {
  const named = (test: Code): Code => call(rt(ctx, "member"), [expectedLiteral(type, ctx), `(x) => ${flat(test)}`]);
  switch (type.kind) {
    case "ref": {
      const target = ctx.ref(type.id);
      return [target ? target.local : named("true")];
    }
    case "union":
      return isLeaf(type) ? [named(isExpr(type, "x", ctx))] : type.members.flatMap((member) => membersOf(member, ctx));
    case "nullable":
      return isLeaf(type) ? [named(isExpr(type, "x", ctx))] : [call(rt(ctx, "member"), ['"null"', "(x) => x === null"]), ...membersOf(type.type, ctx)];
    case "array":
    case "map": {
      const helper = containerHelper(type, ctx);
      const strip = needsStrip(type, ctx) ? [`strip: (x) => ${flat(stripExpr(type, "x", ctx))}`] : [];
      return [list("{", [`name: ${expectedLiteral(type, ctx)}`, `is: ${helper.is}`, `collect: ${helper.collect}`, ...strip], "}")];
    }
    case "primitive":
    case "literal":
    case "stream":
      return [named(isExpr(type, "x", ctx))];
    default:
      return unreachable(type);
  }
}

/** The negation of a generated test, without double negatives: `typeof x !== "string"`, `!X.is(x)`. */
export function not(test: Code): string {
  const text = flat(test);
  if (typeof test === "string") {
    const comparison = /^((?:typeof )?[\w$]+) === ("[^"\\]*"|[\w.-]+)$/.exec(text);
    if (comparison) return `${comparison[1]} !== ${comparison[2]}`;
    if (/^[\w$.]+\([\w$]*\)$/.test(text)) return `!${text}`;
  }
  return `!(${text})`;
}

/** `v["name"]`: bracket access works under every tsconfig (noPropertyAccessFromIndexSignature included). */
export function prop(object: string, key: string): string {
  return `${object}[${JSON.stringify(key)}]`;
}
