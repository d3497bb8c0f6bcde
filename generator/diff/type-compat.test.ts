import { describe, expect, it } from "vitest";
import { enumModel, field, object, prim, union as unionModel } from "../../test/helpers/graph.js";
import type { Model, TypeExpr } from "../model/types.js";
import { compareTypes, type Sides } from "./type-compat.js";
import { typeText } from "./type-text.js";

const string: TypeExpr = { kind: "primitive", name: "string" };
const number: TypeExpr = { kind: "primitive", name: "number" };
const integer: TypeExpr = { kind: "primitive", name: "integer" };
const any: TypeExpr = { kind: "primitive", name: "any" };
const lit = (value: string | number): TypeExpr => ({ kind: "literal", value });
const ref = (id: string): TypeExpr => ({ kind: "ref", id });
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
const union = (...members: TypeExpr[]): TypeExpr => ({ kind: "union", members });
const nullable = (type: TypeExpr): TypeExpr => ({ kind: "nullable", type });

describe("compareTypes", () => {
  it.each([
    ["same type", string, string, undefined],
    ["same union in another order", union(string, number), union(number, string), undefined],
    ["integer → number", integer, number, "widening"],
    ["number → integer", number, integer, "narrowing"],
    ["X → any", ref("components.A"), any, "widening"],
    ["constant → string", lit("a"), string, "widening"],
    ["integer constant → integer", lit(3), integer, "widening"],
    ["T → T | null", string, nullable(string), "widening"],
    ["T | null → T", nullable(string), string, "narrowing"],
    ["string → string | number", string, union(string, number), "widening"],
    ["union losing a member", union(ref("c.A"), ref("c.B")), ref("c.A"), "narrowing"],
    ["X[] of a wider item", array(integer), array(number), "widening"],
    ["map of a narrower value", map(number), map(integer), "narrowing"],
    ["number → string", number, string, "incompatible"],
    ["X → X[]", ref("c.A"), array(ref("c.A")), "incompatible"],
    ["components.A → components.B", ref("components.A"), ref("components.B"), "incompatible"],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(compareTypes(before, after)).toBe(expected);
  });
});

describe("typeText", () => {
  it("writes types the way the report shows them", () => {
    expect(typeText(array(union(ref("c.A"), nullable(string))))).toBe("(c.A | string | null)[]");
    expect(typeText(map(array(lit("x"))))).toBe('Record<string, "x"[]>');
    expect(typeText({ kind: "stream", type: ref("c.Chunk") })).toBe("EventStream<c.Chunk>");
  });
});

describe("compareTypes across two graphs: references judged by the structure they reach", () => {
  const g = (...models: Model[]) => new Map(models.map((m) => [m.id, m]));
  const sides = (before: Map<string, Model>, after: Map<string, Model>, successor: (id: string) => string | undefined = () => undefined): Sides => ({ old: before, new: after, successor });
  const node = (id: string, next: string) => object(id, [field("value", prim("string")), field("next", ref(next), { required: false })]);

  it("two lists of the same structure under other names, each referencing itself, are the same type (the cycle is assumed to hold)", () => {
    expect(compareTypes(ref("c.ListA"), ref("c.ListB"), sides(g(node("c.ListA", "c.ListA")), g(node("c.ListB", "c.ListB"))))).toBeUndefined();
  });

  it("a reference to the model continuing the old one is the same type, whatever it holds now", () => {
    const before = g(object("c.A", [field("x", prim("string"))]));
    const after = g(object("c.B", [field("y", prim("number"))]));
    expect(compareTypes(ref("c.A"), ref("c.B"), sides(before, after, (id) => (id === "c.A" ? "c.B" : undefined)))).toBeUndefined();
    expect(compareTypes(ref("c.A"), ref("c.B"), sides(before, after))).toBe("incompatible");
  });

  it("objects are closed (as an object literal is checked): an optional field added widens, a required one is incompatible", () => {
    const before = g(object("c.A", [field("x", prim("string"))]));
    expect(compareTypes(ref("c.A"), ref("c.B"), sides(before, g(object("c.B", [field("x", prim("string")), field("y", prim("number"), { required: false })]))))).toBe("widening");
    expect(compareTypes(ref("c.A"), ref("c.B"), sides(before, g(object("c.B", [field("x", prim("string")), field("y", prim("number"))]))))).toBe("incompatible");
  });

  it("an enum is the union of its values, a union model the union of its members", () => {
    const before = g(enumModel("c.Size", ["s", "m"]));
    expect(compareTypes(ref("c.Size"), union(lit("s"), lit("m")), sides(before, g()))).toBeUndefined();
    expect(compareTypes(ref("c.Size"), union(lit("s"), lit("m"), lit("l")), sides(before, g()))).toBe("widening");
    const members = g(object("c.A", [field("x", prim("string"))]), unionModel("c.U", [ref("c.A"), prim("number")]));
    expect(compareTypes(ref("c.U"), union(ref("c.A"), number), sides(members, members, (id) => id))).toBeUndefined();
  });
});
