/** The compiled validators on a small hand-written graph: each model kind, cycles, and every option. */
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, buildVariants, type BuiltOutput } from "../../../test/support/output.js";
import { compareIds } from "../../model/type-expr.js";
import type { Field, Model, ModelGraph, TypeExpr } from "../../model/types.js";
import type { EmitOptions } from "../options.js";

const at = { file: "fixture.md", line: 1, column: 1 };
const ref = (name: string): TypeExpr => ({ kind: "ref", id: `components.${name}` });
const string: TypeExpr = { kind: "primitive", name: "string" };
const field = (name: string, type: TypeExpr, required: boolean, extra: Partial<Field> = {}): Field => ({ name, type, required, source: at, ...extra });
const base = (name: string) => ({ id: `components.${name}`, name, namespace: "components", source: at });

const models: Model[] = [
  {
    ...base("Pet"),
    kind: "object",
    fields: [
      field("name", string, true),
      field("age", { kind: "primitive", name: "integer" }, false),
      field("kind", ref("PetKind"), true),
      field("born", { kind: "primitive", name: "datetime" }, false),
      field("tags", { kind: "array", items: string }, false),
      field("owner", ref("Person"), false),
    ],
  },
  { ...base("PetKind"), kind: "enum", values: ["cat", "dog"] },
  { ...base("Mood"), kind: "enum", values: ["happy"], open: true },
  { ...base("Person"), kind: "object", fields: [field("name", string, true), field("pets", { kind: "array", items: ref("Pet") }, true), field("friend", ref("Person"), false)] },
  { ...base("Cat"), kind: "object", fields: [field("type", { kind: "literal", value: "cat" }, true), field("meows", { kind: "primitive", name: "boolean" }, true)] },
  { ...base("DogType"), kind: "enum", values: ["dog"] },
  { ...base("Dog"), kind: "object", fields: [field("type", ref("DogType"), true), field("barks", { kind: "primitive", name: "boolean" }, true)] },
  { ...base("Animal"), kind: "union", members: [{ type: ref("Cat"), source: at }, { type: ref("Dog"), source: at }] },
  {
    ...base("Value"),
    kind: "union",
    members: [{ type: string, source: at }, { type: { kind: "primitive", name: "number" }, source: at }, { type: { kind: "array", items: ref("Value") }, source: at }],
  },
  {
    ...base("Open"),
    kind: "object",
    fields: [field("id", string, true), field("payload", { kind: "primitive", name: "any" }, true)],
    additionalProperties: { kind: "primitive", name: "number" },
  },
  { ...base("Nullish"), kind: "object", fields: [field("a", string, false), field("b", string, true, { nullable: true }), field("c", string, true)] },
  // Names the runtime uses too: the output must still compile.
  { ...base("Schema"), kind: "object", fields: [field("union", ref("Union"), false)] },
  { ...base("Union"), kind: "union", members: [{ type: string, source: at }, { type: ref("Schema"), source: at }] },
  { ...base("Zoo"), kind: "object", fields: [field("animals", { kind: "array", items: ref("Animal") }, true), field("byName", { kind: "map", values: ref("Pet") }, false)] },
  // More values than the inline chain of `===` takes: looked up in a set.
  { ...base("Size"), kind: "enum", values: ["xs", "s", "m", "l", "xl", "xxl", "3xl", "4xl", "5xl", "6xl"] },
  // A required literal that is nullable (Python `Nullable[Literal["bird"]]`) cannot pick the member: null must reach it.
  { ...base("Bird"), kind: "object", fields: [field("type", { kind: "literal", value: "bird" }, true, { nullable: true }), field("sings", { kind: "primitive", name: "boolean" }, true)] },
  { ...base("Fish"), kind: "object", fields: [field("type", { kind: "literal", value: "fish" }, true), field("swims", { kind: "primitive", name: "boolean" }, true)] },
  { ...base("Pond"), kind: "union", members: [{ type: ref("Bird"), source: at }, { type: ref("Fish"), source: at }] },
];
const graph: ModelGraph = { format: "docschema-graph", version: 1, flavour: "typescript", models: models.sort((a, b) => compareIds(a.id, b.id)) };

type Result = { ok: true; value: unknown } | { ok: false; issues: { pointer: string; expected: string; received: string; message: string }[] };
interface Companion {
  is(value: unknown): boolean;
  validate(value: unknown): Result;
  values?: readonly unknown[];
}
/** Every option set of this file, compiled by one tsc run. */
const VARIANTS = {
  defaults: {},
  reject: { unknownKeys: "reject" },
  strip: { unknownKeys: "strip" },
  iso: { dates: "iso" },
  "nulls-optional": { nulls: "optional" },
  "nulls-unstated": { nulls: "unstated" },
  zod: { validators: "zod" },
} satisfies Record<string, Partial<EmitOptions>>;
let outputs: Record<keyof typeof VARIANTS, BuiltOutput>;
beforeAll(() => {
  outputs = buildVariants("unit", graph, VARIANTS);
}, BUILD_TIMEOUT);
function companions(name: keyof typeof VARIANTS): Record<string, Companion> {
  return outputs[name].module.components as Record<string, Companion>;
}
const pointers = (result: Result): string[] => (result.ok ? [] : result.issues.map((issue) => issue.pointer));

describe("compiled validators (defaults)", () => {
  let c: Record<string, Companion>;
  beforeAll(() => {
    c = companions("defaults");
  });

  it("check objects field by field and keep undocumented keys", () => {
    const pet = { name: "Rex", kind: "dog", age: 3, born: new Date("2020-01-01"), tags: ["good"], extra: 1 };
    expect(c.Pet!.is(pet)).toBe(true);
    expect(c.Pet!.validate(pet)).toEqual({ ok: true, value: pet });
    expect(pointers(c.Pet!.validate({ name: 1, kind: "cow", age: 1.5, born: "2020", tags: ["a", 2] }))).toEqual(["/name", "/age", "/kind", "/born", "/tags/1"]);
    expect(pointers(c.Pet!.validate([]))).toEqual([""]);
  });

  it("follow cyclic references", () => {
    const person = { name: "Ann", pets: [{ name: "Rex", kind: "dog", owner: { name: "Ann", pets: [] } }], friend: { name: "Bob", pets: [] } };
    expect(c.Person!.is(person)).toBe(true);
    const broken = { ...person, friend: { name: "Bob", pets: [{ name: "Tom", kind: "cat", owner: { name: 7, pets: [] } }] } };
    expect(pointers(c.Person!.validate(broken))).toEqual(["/friend/pets/0/owner/name"]);
  });

  it("expose enum values; open enums accept any string", () => {
    expect(c.PetKind!.values).toEqual(["cat", "dog"]);
    expect((c.PetKind as unknown as Record<string, unknown>).Cat).toBe("cat");
    expect(c.Mood!.is("sad")).toBe(true);
    expect(c.Mood!.is(1)).toBe(false);
  });

  it("discriminate unions on a literal field (a literal type or a one-value enum)", () => {
    expect(c.Animal!.is({ type: "dog", barks: true })).toBe(true);
    expect(c.Animal!.is({ type: "cat", barks: true })).toBe(false);
    const result = c.Animal!.validate({ type: "dog", barks: "loud", meows: 1 });
    expect(pointers(result)).toEqual(["/barks"]);
    expect(c.Animal!.validate({ type: "bird" })).toMatchObject({ ok: false, issues: [{ pointer: "/type", expected: '"cat" | "dog"' }] });
    expect(pointers(c.Zoo!.validate({ animals: [{ type: "cat", meows: true }, { type: "cat", meows: "no" }] }))).toEqual(["/animals/1/meows"]);
  });

  it("check long enums (a set lookup) as short ones", () => {
    const values = ["xs", "s", "m", "l", "xl", "xxl", "3xl", "4xl", "5xl", "6xl"];
    expect(values.filter((value) => !c.Size!.is(value))).toEqual([]);
    expect(["7xl", "XS", "", 1, null, undefined, "toString"].filter((value) => c.Size!.is(value))).toEqual([]);
    expect(c.Size!.validate("7xl")).toMatchObject({ ok: false, issues: [{ pointer: "", expected: values.map((v) => JSON.stringify(v)).join(" | ") }] });
  });

  it("never discriminate on a nullable literal: null in it still reaches its member", () => {
    expect(c.Pond!.is({ type: null, sings: true })).toBe(true);
    expect(c.Pond!.validate({ type: null, sings: true })).toEqual({ ok: true, value: { type: null, sings: true } });
    expect(c.Pond!.is({ type: "fish", swims: true })).toBe(true);
    expect(c.Pond!.is({ type: null, swims: true })).toBe(false);
    expect(pointers(c.Pond!.validate({ type: "bird", sings: 1 }))).toEqual(["/sings"]);
  });

  it("check recursive unions with inline members, reporting the closest member", () => {
    expect(c.Value!.is(["a", 1, ["b", [2]]])).toBe(true);
    expect(pointers(c.Value!.validate(["a", [true]]))).toEqual(["/1/0"]);
    expect(c.Value!.validate(true)).toMatchObject({ ok: false, issues: [{ pointer: "", expected: "Value" }] });
  });

  it("compile models named like runtime helpers (Schema, Union)", () => {
    expect(c.Union!.is({ union: { union: "x" } })).toBe(true);
    expect(pointers(c.Union!.validate({ union: { union: 1 } }))).toEqual(["/union/union"]);
  });

  it("check the open-object catch-all as the SDK's optional additionalProperties property", () => {
    expect(c.Open!.is({ id: "x", payload: 1, additionalProperties: { score: 1 } })).toBe(true);
    expect(c.Open!.is({ id: "x", payload: 1 })).toBe(true);
    expect(pointers(c.Open!.validate({ id: "x", payload: 1, additionalProperties: { score: "high" } }))).toEqual(["/additionalProperties/score"]);
    expect(pointers(c.Open!.validate({ id: "x", payload: 1, additionalProperties: 3 }))).toEqual(["/additionalProperties"]);
    // Keys beside it are undocumented keys, as on any object: passthrough by default.
    expect(c.Open!.is({ id: "x", payload: 1, score: "high" })).toBe(true);
  });

  it("still require a required any field that the type makes optional (as the SDKs do)", () => {
    expect(pointers(c.Open!.validate({ id: "x" }))).toEqual(["/payload"]);
  });

  it("escape pointers (RFC 6901) and quote received strings as JSON.stringify does", () => {
    const strings = ['say "hi"\n', "back\\slash", "lone \ud800 surrogate", "x" + "😀".repeat(25), "plain"];
    for (const text of strings) {
      const result = c.Open!.validate({ id: "x", payload: 1, additionalProperties: { "a/b~c": text } });
      const received = JSON.stringify(text.length > 40 ? text.slice(0, 40) + "..." : text);
      const pointer = "/additionalProperties/a~1b~0c";
      expect(result).toMatchObject({ ok: false, issues: [{ pointer, received, message: `${pointer}: expected number, received ${received}` }] });
    }
  });

  it("name the discriminator's values when a union member's literal field holds none of them", () => {
    expect(c.Animal!.validate({ type: "cow" })).toMatchObject({ ok: false, issues: [{ pointer: "/type", expected: '"cat" | "dog"' }] });
  });

  it("accept null only where the docs say nullable", () => {
    expect(c.Nullish!.is({ b: null, c: "c" })).toBe(true);
    expect(pointers(c.Nullish!.validate({ a: null, b: null, c: null }))).toEqual(["/a", "/c"]);
  });
});

describe("compiled validator options", () => {
  it('unknown keys "reject" reports undocumented keys; an open object holds its own in additionalProperties', () => {
    const c = companions("reject");
    expect(c.Pet!.validate({ name: "Rex", kind: "dog", colour: "brown" })).toMatchObject({ ok: false, issues: [{ pointer: "/colour", message: "/colour: undocumented key" }] });
    expect(c.Open!.is({ id: "x", payload: 1, additionalProperties: { score: 1 } })).toBe(true);
    expect(pointers(c.Open!.validate({ id: "x", payload: 1, score: 1 }))).toEqual(["/score"]);
  });

  it('unknown keys "strip" returns a copy without undocumented keys, through arrays, maps and unions', () => {
    const c = companions("strip");
    const zoo = { animals: [{ type: "cat", meows: true, lives: 9 }], byName: { rex: { name: "Rex", kind: "dog", owner: { name: "A", pets: [], x: 1 } } }, y: 2 };
    const result = c.Zoo!.validate(zoo);
    expect(result).toEqual({ ok: true, value: { animals: [{ type: "cat", meows: true }], byName: { rex: { name: "Rex", kind: "dog", owner: { name: "A", pets: [] } } } } });
    expect(zoo.animals[0]).toHaveProperty("lives", 9);
    const open = { id: "x", payload: 1, additionalProperties: { score: 1 }, colour: 2 };
    expect(c.Open!.validate(open)).toEqual({ ok: true, value: { id: "x", payload: 1, additionalProperties: { score: 1 } } });
  });

  it('dates "iso" expects ISO-8601 strings', () => {
    const c = companions("iso");
    expect(c.Pet!.is({ name: "Rex", kind: "dog", born: "2020-01-01T10:00:00Z" })).toBe(true);
    expect(pointers(c.Pet!.validate({ name: "Rex", kind: "dog", born: new Date() }))).toEqual(["/born"]);
    expect(pointers(c.Pet!.validate({ name: "Rex", kind: "dog", born: "yesterday" }))).toEqual(["/born"]);
  });

  it('nulls "optional" and "unstated" widen where the docs leave nullability open', () => {
    const optional = companions("nulls-optional");
    expect(pointers(optional.Nullish!.validate({ a: null, b: null, c: null }))).toEqual(["/c"]);
    const unstated = companions("nulls-unstated");
    expect(unstated.Nullish!.is({ a: null, b: null, c: null })).toBe(true);
  });
});

describe("zod schemas", () => {
  interface ZodSchema {
    safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[] }[] } };
  }
  let z: Record<string, ZodSchema>;
  beforeAll(() => {
    z = companions("zod") as unknown as Record<string, ZodSchema>;
  });
  const paths = (value: unknown): string[] => z.Open!.safeParse(value).error?.issues.map((issue) => issue.path.join("/")) ?? [];

  it("check the open-object catch-all as the SDK's optional additionalProperties property", () => {
    expect(z.Open!.safeParse({ id: "x", payload: 1, additionalProperties: { score: 1 } }).success).toBe(true);
    expect(paths({ id: "x", payload: 1, additionalProperties: { score: "high" } })).toEqual(["additionalProperties/score"]);
    // Keys beside it are undocumented keys (passthrough: kept, not checked).
    expect(z.Open!.safeParse({ id: "x", payload: 1, score: "high" })).toMatchObject({ success: true, data: { score: "high" } });
  });
});
