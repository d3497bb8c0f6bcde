/** Type expressions as short TypeScript-like text, for change messages (`components.A[]`, `string | null`). */
import { mapRefs } from "../model/type-expr.js";
import type { ModelId, TypeExpr } from "../model/types.js";

/** `refText` names a referenced model: its id by default; a shape without names passes something else. */
export function typeText(type: TypeExpr, refText: (id: ModelId) => string = (id) => id): string {
  const text = (inner: TypeExpr): string => typeText(inner, refText);
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return refText(type.id);
    case "array":
      return `${type.items.kind === "union" || type.items.kind === "nullable" ? `(${text(type.items)})` : text(type.items)}[]`;
    case "map":
      return `Record<string, ${text(type.values)}>`;
    case "union":
      return type.members.map(text).join(" | ");
    case "nullable":
      return `${text(type.type)} | null`;
    case "stream":
      return `EventStream<${text(type.type)}>`;
  }
}

/** Applies a rename map to every reference, so a renamed model does not count as a type change. */
export function renameRefs(type: TypeExpr, renames: (id: ModelId) => ModelId | undefined): TypeExpr {
  return mapRefs(type, (ref) => ({ kind: "ref", id: renames(ref.id) ?? ref.id }));
}
