import { describe, expect, it } from "vitest";
import type { TypeExpr } from "../model/types.js";
import { compareTypes } from "./type-compat.js";
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
