/** Type expressions as short TypeScript-like text, for change messages (`components.A[]`, `string | null`). */
import { mapRefs } from "../model/type-expr.js";
import type { TypeExpr } from "../model/types.js";

export function typeText(type: TypeExpr): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return type.id;
    case "array":
      return `${wrapped(type.items)}[]`;
    case "map":
      return `Record<string, ${typeText(type.values)}>`;
    case "union":
      return type.members.map(typeText).join(" | ");
    case "nullable":
      return `${typeText(type.type)} | null`;
    case "stream":
      return `EventStream<${typeText(type.type)}>`;
  }
}

function wrapped(type: TypeExpr): string {
  return type.kind === "union" || type.kind === "nullable" ? `(${typeText(type)})` : typeText(type);
}

/** Applies a rename map to every reference, so a renamed model does not count as a type change. */
export function renameRefs(type: TypeExpr, renames: ReadonlyMap<string, string>): TypeExpr {
  return renames.size === 0 ? type : mapRefs(type, (ref) => ({ kind: "ref", id: renames.get(ref.id) ?? ref.id }));
}
