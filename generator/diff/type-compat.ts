/**
 * Is a type change widening (every old value is still accepted), narrowing (every new value was already
 * accepted) or incompatible? Both questions reduce to one: does type `wide` accept every value of `narrow`?
 */
import { unreachable } from "../model/type-expr.js";
import type { TypeExpr } from "../model/types.js";
import { typeText } from "./type-text.js";
import type { Compat } from "./types.js";

/** `undefined` when the two types accept the same values. References compare by id (apply renames first). */
export function compareTypes(before: TypeExpr, after: TypeExpr): Compat | undefined {
  const widened = accepts(after, before);
  const narrowed = accepts(before, after);
  if (widened && narrowed) return undefined;
  return widened ? "widening" : narrowed ? "narrowing" : "incompatible";
}

/** Does every value of `narrow` fit `wide`? Conservative: when unsure, no. */
export function accepts(wide: TypeExpr, narrow: TypeExpr): boolean {
  if (wide.kind === "primitive" && wide.name === "any") return true;
  if (narrow.kind !== "union" && wide.kind === "union") return wide.members.some((member) => accepts(member, narrow));
  if (wide.kind === "nullable") return accepts(wide.type, narrow.kind === "nullable" ? narrow.type : narrow);
  switch (narrow.kind) {
    case "union":
      return narrow.members.every((member) => accepts(wide, member));
    case "nullable":
      return false;
    case "primitive":
      return wide.kind === "primitive" && (wide.name === narrow.name || (wide.name === "number" && narrow.name === "integer"));
    case "literal":
      if (wide.kind === "literal") return wide.value === narrow.value;
      return wide.kind === "primitive" && literalFits(wide.name, narrow.value);
    case "ref":
      return wide.kind === "ref" && wide.id === narrow.id;
    case "array":
      return wide.kind === "array" && accepts(wide.items, narrow.items);
    case "map":
      return wide.kind === "map" && accepts(wide.values, narrow.values);
    case "stream":
      return wide.kind === "stream" && accepts(wide.type, narrow.type);
    default:
      return unreachable(narrow);
  }
}

function literalFits(primitive: string, value: string | number | boolean): boolean {
  if (typeof value === "string") return primitive === "string";
  if (typeof value === "boolean") return primitive === "boolean";
  return primitive === "number" || (primitive === "integer" && Number.isInteger(value));
}

/** Same values, same text: for deciding whether anything changed at all. */
export function sameType(a: TypeExpr, b: TypeExpr): boolean {
  return typeText(a) === typeText(b);
}
