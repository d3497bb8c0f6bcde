/**
 * Values from outside: keys named like members of `Object.prototype`, numbers that are not values (`NaN`,
 * `±Infinity`), objects that are not plain (`Date`, `Map`, bytes), explicit `undefined` in optional fields. The
 * compiled validators and the zod schemas give the same verdict on each, under every unknown-keys policy, and the
 * strip copies never take a prototype from the data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { enumModel, field, graphOf, object, prim, ref, union } from "../../../test/helpers/graph.js";
import { BUILD_TIMEOUT, buildVariants, type BuiltOutput } from "../../../test/support/output.js";
import type { TypeExpr } from "../../model/types.js";
import type { EmitOptions } from "../options.js";

const optional = { required: false };
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });

const graph = graphOf([
  object("components.Keys", [
    field("__proto__", prim("string"), optional),
    field("constructor", prim("string"), optional),
    field("toString", prim("string"), optional),
    field("hasOwnProperty", prim("boolean"), optional),
  ]),
  object("components.Inherited", [field("constructor", prim("string")), field("valueOf", prim("number"))]),
  object("components.Measure", [
    field("value", prim("number")),
    field("count", prim("integer"), optional),
    field("values", array(prim("number")), optional),
    field("scores", map(prim("number")), optional),
  ]),
  object("components.Optional", [field("name", prim("string"), optional), field("tags", array(prim("string")), optional)]),
  object("components.Anything", [field("value", prim("any")), field("note", prim("any"), optional)]),
  object("components.Bag", [field("id", prim("string"))], { additionalProperties: prim("any") }),
  object("components.Lookup", [field("byName", map(ref("components.Optional")))]),
  enumModel("components.Code", [100, 200], { open: true }),
  object("components.Circle", [field("kind", { kind: "literal", value: "circle" }), field("radius", prim("number"), optional)]),
  object("components.Square", [field("kind", { kind: "literal", value: "square" }), field("side", prim("number"), optional)]),
  union("components.Shape", [ref("components.Circle"), ref("components.Square")]),
]);

type Verdict = (value: unknown) => boolean;
interface Checker {
  is?(value: unknown): boolean;
  validate?(value: unknown): { ok: boolean; value?: unknown; issues?: { pointer: string }[] };
  safeParse?(value: unknown): { success: boolean; data?: unknown };
}

const VARIANTS = {
  compiled: {},
  "compiled-strip": { unknownKeys: "strip" },
  "compiled-reject": { unknownKeys: "reject" },
  zod: { validators: "zod" },
  "zod-strip": { validators: "zod", unknownKeys: "strip" },
  "zod-reject": { validators: "zod", unknownKeys: "reject" },
} satisfies Record<string, Partial<EmitOptions>>;
type Variant = keyof typeof VARIANTS;

let outputs: Record<Variant, BuiltOutput>;
const checker = (variant: Variant, name: string): Checker => outputs[variant].module.components![name] as Checker;
/** The verdict of one output: `validate(v).ok` (which must equal `is(v)`) or zod's `safeParse(v).success`. */
const verdict = (variant: Variant, name: string): Verdict => {
  const schema = checker(variant, name);
  return (value) => {
    if (schema.safeParse) return schema.safeParse(value).success;
    const ok = schema.validate!(value).ok;
    expect(schema.is!(value), `${variant} ${name}: is() and validate() disagree`).toBe(ok);
    return ok;
  };
};
const json = (text: string): unknown => JSON.parse(text);

/** Without DOM types and without @types/node: no model here needs a binary type, so the output must not name one. */
const NO_DOM = { lib: ["ES2023"] };

beforeAll(() => {
  outputs = buildVariants("untrusted", graph, VARIANTS, NO_DOM);
}, BUILD_TIMEOUT);

/** [model, value, accepted, label]: every output must give the same verdict. */
const CASES: [string, unknown, boolean, string][] = [
  // Keys named like members of Object.prototype: only own properties count.
  ["Keys", {}, true, "no own keys: the inherited toString, constructor … are not fields"],
  ["Keys", json('{"__proto__":"a","constructor":"b","toString":"c","hasOwnProperty":true}'), true, "own keys named like prototype members"],
  ["Keys", json('{"toString":1}'), false, "an own toString of the wrong type"],
  ["Keys", json('{"hasOwnProperty":"yes"}'), false, "an own hasOwnProperty of the wrong type"],
  ["Inherited", {}, false, "required fields that only the prototype has"],
  ["Inherited", { constructor: "Point", valueOf: 3 }, true, "required fields named like prototype members"],
  ["Inherited", { constructor: "Point" }, false, "valueOf inherited, not own"],
  // Numbers that JSON cannot carry.
  ["Measure", { value: 1.5 }, true, "a finite number"],
  ["Measure", { value: Number.NaN }, false, "NaN"],
  ["Measure", { value: Number.POSITIVE_INFINITY }, false, "Infinity"],
  ["Measure", { value: Number.NEGATIVE_INFINITY }, false, "-Infinity"],
  ["Measure", { value: 1, count: 3 }, true, "an integer"],
  ["Measure", { value: 1, count: Number.NaN }, false, "NaN as integer"],
  ["Measure", { value: 1, count: 2 ** 53 }, false, "an integer beyond 2^53 (no longer exact)"],
  ["Measure", { value: 1, values: [1, Number.POSITIVE_INFINITY] }, false, "Infinity in an array"],
  ["Measure", { value: 1, scores: { a: Number.NaN } }, false, "NaN in a map"],
  ["Code", Number.NaN, false, "NaN in an open numeric enum"],
  ["Code", 300, true, "another number in an open numeric enum"],
  ["Code", "300", false, "a string in an open numeric enum"],
  // Plain objects only.
  ["Optional", {}, true, "an empty object"],
  ["Optional", Object.create(null), true, "an object without prototype"],
  ["Optional", new Date(0), false, "a Date"],
  ["Optional", new Map(), false, "a Map"],
  ["Optional", new Uint8Array(2), false, "bytes"],
  ["Optional", new Blob(["x"]), false, "a Blob"],
  ["Optional", [], false, "an array"],
  ["Optional", new (class Point {})(), false, "a class instance"],
  ["Lookup", { byName: new Map() }, false, "a Map as a map"],
  ["Lookup", { byName: Object.create(null) }, true, "a map without prototype"],
  ["Shape", Object.assign(new Date(0), { kind: "circle" }), false, "a Date with the discriminator"],
  // Explicit undefined: `?:` under exactOptionalPropertyTypes means absent, not undefined.
  ["Optional", { name: undefined }, false, "undefined in an optional field"],
  ["Optional", { tags: ["a", undefined] }, false, "undefined in an array"],
  ["Measure", { value: undefined }, false, "undefined in a required field"],
  ["Anything", { value: undefined }, true, "undefined in a required field of any type: present"],
  ["Anything", {}, false, "a required field of any type, absent"],
  ["Anything", { value: 1, note: undefined }, true, "undefined in an optional field of any type"],
  ["Bag", { id: "x", additionalProperties: { extra: undefined } }, true, "undefined under a key of the catch-all"],
];

describe("compiled validators and zod schemas on values from outside", () => {
  it("type-check without DOM types when no model has a binary field; a binary field needs them", () => {
    expect(Object.keys(outputs)).toEqual(Object.keys(VARIANTS));
    const upload = graphOf([object("components.Upload", [field("file", prim("binary"))])]);
    expect(() => buildVariants("untrusted-binary", upload, { compiled: {} }, NO_DOM)).toThrow(/Cannot find name 'Blob'/);
  });

  it("give the documented verdict on each, every one of them, under every unknown-keys policy", () => {
    const wrong: string[] = [];
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      for (const [name, value, accepted, label] of CASES) {
        const got = verdict(variant, name)(value);
        if (got !== accepted) wrong.push(`${variant} ${name}: ${label}: ${got ? "accepted" : "rejected"}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("report an own key of the wrong type where it is, and inherited members as missing", () => {
    const keys = checker("compiled", "Keys").validate!(json('{"__proto__":1}'));
    expect(keys.issues?.map((issue) => issue.pointer)).toEqual(["/__proto__"]);
    const inherited = checker("compiled", "Inherited").validate!({});
    expect(inherited).toMatchObject({ ok: false, issues: [{ pointer: "/constructor", received: "nothing" }, { pointer: "/valueOf", received: "nothing" }] });
  });

  interface Catch {
    additionalProperties: unknown;
  }
  it('"strip" copies never take their prototype from the data, and keep an own __proto__ as data', () => {
    const pollution = '{"polluted":true}';
    const copies = [
      (checker("compiled-strip", "Bag").validate!(json(`{"id":"x","additionalProperties":{"__proto__":${pollution}}}`)).value as Catch).additionalProperties,
      (checker("compiled-strip", "Lookup").validate!(json(`{"byName":{"__proto__":{"name":"a"}}}`)).value as { byName: unknown }).byName,
      checker("compiled-strip", "Keys").validate!(json('{"__proto__":"a","x":1}')).value,
      (checker("zod-strip", "Bag").safeParse!(json(`{"id":"x","additionalProperties":{"__proto__":${pollution}}}`)).data as Catch).additionalProperties,
    ];
    for (const copy of copies) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect((copy as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(Object.getOwnPropertyDescriptor(copies[0], "__proto__")?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(copies[1], "__proto__")?.value).toEqual({ name: "a" });
    expect(Object.getOwnPropertyDescriptor(copies[2], "__proto__")?.value).toBe("a");
    expect(Object.keys(copies[2] as object)).toEqual(["__proto__"]);
  });

  it("never take what a polluted Object.prototype adds for an optional field, an entry or an undocumented key", () => {
    // zod itself does not survive this (its own for…in loops read the added keys), so only the compiled side runs.
    // A required field the prototype supplies is accepted: the application reading the value sees it all the same,
    // and checking every required field for it would halve the guards' speed.
    const ok = (variant: Variant, name: string, value: unknown): boolean => checker(variant, name).validate!(value).ok;
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.name = 42;
    prototype.polluted = "x";
    let results: unknown[];
    try {
      results = [
        ok("compiled", "Optional", {}),
        checker("compiled", "Optional").is!({}),
        ok("compiled-reject", "Optional", {}),
        ok("compiled", "Measure", { value: 1, scores: {} }),
        Object.keys(checker("compiled-strip", "Bag").validate!({ id: "x" }).value as object),
        Object.keys(checker("compiled-strip", "Optional").validate!({}).value as object),
      ];
    } finally {
      delete prototype.name;
      delete prototype.polluted;
    }
    // An inherited `name` is absent (not a number of the wrong type); an inherited key is not an undocumented key of
    // the value, nor an entry of a map, nor copied.
    expect(results).toEqual([true, true, true, true, ["id"], []]);
  });
});
