/** Type expressions as short TypeScript-like text, for change messages (`components.A[]`, `string | null`). */
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
  if (renames.size === 0) return type;
  switch (type.kind) {
    case "ref":
      return { kind: "ref", id: renames.get(type.id) ?? type.id };
    case "array":
      return { kind: "array", items: renameRefs(type.items, renames) };
    case "map":
      return { kind: "map", values: renameRefs(type.values, renames) };
    case "union":
      return { kind: "union", members: type.members.map((m) => renameRefs(m, renames)) };
    case "nullable":
    case "stream":
      return { kind: type.kind, type: renameRefs(type.type, renames) };
    default:
      return type;
  }
}
