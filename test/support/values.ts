/**
 * Values made from a model graph, for differential tests: valid values of a model (seeded, so every run makes the
 * same), and mutations of any value (one node replaced by an odd value, a key dropped, added or set to undefined).
 */
import type { EmitOptions } from "../../generator/emit/options.js";
import { propertiesOf } from "../../generator/emit/lib/properties.js";
import { fieldType } from "../../generator/emit/lib/ts.js";
import type { Model, ModelGraph, ModelId, TypeExpr } from "../../generator/model/types.js";

/** A deterministic random source (mulberry32). */
export interface Random {
  /** In [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (probability) => next() < probability };
}

const STRINGS = ["", "a", "text", "with space", "ünïcödé 😀", 'quote " and \\ backslash', "2024-05-01", "__proto__", "constructor"];
const KEYS = ["a", "b", "key", "with space", "a/b~c", "toString", "__proto__", "constructor"];
const ISO_DATES = ["2024-05-01", "2024-02-29", "2024-05-01T10:00", "2024-05-01T10:00:00Z", "2024-05-01T23:59:59.5+02:00", "1999-12-31T00:00:00-11:30"];

/** A valid value of a model, as the validators generated with `options` must accept it. */
export function validValue(graph: ModelGraph, id: ModelId, options: EmitOptions, rng: Random): unknown {
  const models = new Map(graph.models.map((model) => [model.id, model]));
  const ofType = (type: TypeExpr, depth: number): unknown => {
    const deep = depth > 5;
    switch (type.kind) {
      case "primitive":
        switch (type.name) {
          case "string":
            return rng.pick(STRINGS);
          case "number":
            return rng.pick([0, -1, 1.5, 1e21, -0.25, 2 ** 53 + 2]);
          case "integer":
            return rng.pick([0, 1, -7, 42, 2 ** 53 - 1]);
          case "boolean":
            return rng.chance(0.5);
          case "any":
          case "unknown":
            return rng.pick<unknown>([null, 1, "x", [1, "y"], { nested: true }, undefined]);
          case "date":
            return rng.pick(["2024-05-01", "2024-02-29", "1999-12-31"]);
          case "bigint":
            return rng.pick([0n, -7n, 2n ** 70n]);
          case "decimal":
            return rng.pick<unknown>([0, -1.5, "3.14159265358979344719667586", "-1e-30", ".5"]);
          case "datetime":
            return options.dates === "iso" ? rng.pick(ISO_DATES) : new Date(Date.UTC(2024, rng.int(12), 1 + rng.int(28)));
          case "binary":
            return new Uint8Array(rng.int(3));
          default:
            throw new Error(`no value for ${type.name}`);
        }
      case "literal":
        return type.value;
      case "ref":
        return ofModel(models.get(type.id)!, depth + 1);
      case "array":
        return Array.from({ length: deep ? 0 : rng.int(3) }, () => ofType(type.items, depth + 1));
      case "map": {
        const map: Record<string, unknown> = {};
        for (let i = deep ? 0 : rng.int(3); i > 0; i--) define(map, rng.pick(KEYS), ofType(type.values, depth + 1));
        return map;
      }
      case "nullable":
        return rng.chance(0.3) ? null : ofType(type.type, depth);
      case "stream":
        return { async *[Symbol.asyncIterator]() {} };
      case "union": {
        // Deep down, members that reach no model end the recursion.
        const members = deep ? type.members.filter((member) => member.kind !== "ref" && member.kind !== "array") : type.members;
        return ofType(rng.pick(members.length > 0 ? members : type.members), depth);
      }
    }
  };
  const ofModel = (model: Model, depth: number): unknown => {
    switch (model.kind) {
      case "enum":
        return model.open && rng.chance(0.2) ? (model.values.some((v) => typeof v === "number") ? 12345 : "unlisted value") : rng.pick(model.values);
      case "union":
        return ofType({ kind: "union", members: model.members.map((member) => member.type) }, depth);
      case "object": {
        const value: Record<string, unknown> = {};
        const fields = propertiesOf(model);
        for (const field of fields) {
          if (!field.required && (depth > 5 || rng.chance(0.5))) continue;
          define(value, field.name, ofType(fieldType(field, options.nulls), depth));
        }
        // `reject` refuses undocumented keys.
        if (options.unknownKeys !== "reject" && rng.chance(0.3)) {
          const key = rng.pick(["undocumented", "__proto__", "constructor"]);
          if (!fields.some((field) => field.name === key)) define(value, key, rng.pick<unknown>([1, "x", { inner: 1 }]));
        }
        return value;
      }
    }
  };
  return ofModel(models.get(id)!, 0);
}

/** Values no model accepts where they land, or only some: the odd ones validators get wrong. */
const ODD_VALUES: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => -0,
  () => 2 ** 53,
  () => 1.5,
  () => "",
  () => "stop",
  () => "2023-02-29",
  () => "1e400",
  () => "3.14.15",
  () => "2024-05-01T10:00Z",
  () => "2024-05-01 10:00:00",
  () => true,
  () => 1n,
  () => [],
  () => [undefined],
  () => ({}),
  () => Object.create(null),
  () => JSON.parse('{"__proto__":1}'),
  () => new Date(0),
  () => new Date("nonsense"),
  () => new Map(),
  () => new Uint8Array(1),
  () => new (class Point {})(),
];

/** Copies of `value`, each changed in one place: a node replaced, a key dropped, added or set to undefined. */
export function mutations(value: unknown, count: number, rng: Random): unknown[] {
  const out: unknown[] = [];
  for (let n = 0; n < count; n++) {
    const copy = clone(value);
    const nodes = containers(copy);
    const replaceRoot = nodes.length === 0 || rng.chance(0.1);
    if (replaceRoot) {
      out.push(rng.pick(ODD_VALUES)());
      continue;
    }
    const node = rng.pick(nodes);
    const keys = Object.keys(node);
    const action = rng.int(4);
    if (action === 0 && keys.length > 0) define(node, rng.pick(keys), rng.pick(ODD_VALUES)());
    else if (action === 1 && keys.length > 0 && !Array.isArray(node)) delete node[rng.pick(keys)];
    else if (action === 2 && keys.length > 0) define(node, rng.pick(keys), undefined);
    else if (!Array.isArray(node)) define(node, rng.pick(KEYS), rng.pick(ODD_VALUES)());
    else node.push(rng.pick(ODD_VALUES)());
    out.push(copy);
  }
  return out;
}

/** The plain objects and arrays of a value, itself included. */
function containers(value: unknown): Record<string, unknown>[] & unknown[][] {
  const found: (Record<string, unknown> | unknown[])[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      found.push(node);
      node.forEach(walk);
    } else if (isPlain(node)) {
      found.push(node);
      for (const key of Object.keys(node)) walk(node[key]);
    }
  };
  walk(value);
  return found as Record<string, unknown>[] & unknown[][];
}

/** A deep copy of plain objects and arrays (own keys, `__proto__` included); anything else is shared. */
export function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (!isPlain(value)) return value;
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) define(copy, key, clone(value[key]));
  return copy;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `object[key] = value` as data, `__proto__` included. */
function define(object: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
