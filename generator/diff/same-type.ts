/** Are two types the same, reference for reference? */
import { unreachable } from "../model/type-expr.js";
import type { ModelId, TypeExpr } from "../model/types.js";

/**
 * Structural equality of an old and a new type, references equal when the new one continues the old (by default:
 * has the same id). The fast path: almost every type is unchanged between two releases.
 */
export function sameType(a: TypeExpr, b: TypeExpr, successor: (id: ModelId) => ModelId | undefined = (id) => id): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "primitive":
      return a.name === (b as typeof a).name;
    case "literal":
      return a.value === (b as typeof a).value;
    case "ref":
      return successor(a.id) === (b as typeof a).id;
    case "array":
      return sameType(a.items, (b as typeof a).items, successor);
    case "map":
      return sameType(a.values, (b as typeof a).values, successor);
    case "nullable":
    case "stream":
      return sameType(a.type, (b as typeof a).type, successor);
    case "union": {
      const other = (b as typeof a).members;
      return a.members.length === other.length && a.members.every((m, i) => sameType(m, other[i]!, successor));
    }
    default:
      return unreachable(a);
  }
}
