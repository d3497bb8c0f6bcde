/**
 * The one module of type-expression helpers every stage shares: walking a type's children, visiting and rewriting
 * its references, and the id order of models. Each switch over a kind here is exhaustive (`unreachable` in the
 * default), so a new kind of TypeExpr does not compile until it is handled; stages that only need the children or
 * the references use these helpers instead of a switch of their own.
 */
import type { Model, ModelId, TypeExpr } from "./types.js";

export type RefType = Extract<TypeExpr, { kind: "ref" }>;

/** For the default of an exhaustive switch: `value` has type `never` only when every case is handled. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** The type expressions directly inside `type`, in order. */
export function childrenOf(type: TypeExpr): readonly TypeExpr[] {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return [];
    case "array":
      return [type.items];
    case "map":
      return [type.values];
    case "nullable":
    case "stream":
      return [type.type];
    case "union":
      return type.members;
    default:
      return unreachable(type);
  }
}

/** `type` with each direct child replaced by `map(child)`; leaves come back as they are. */
export function mapChildren(type: TypeExpr, map: (child: TypeExpr) => TypeExpr): TypeExpr {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return type;
    case "array":
      return { kind: "array", items: map(type.items) };
    case "map":
      return { kind: "map", values: map(type.values) };
    case "nullable":
    case "stream":
      return { kind: type.kind, type: map(type.type) };
    case "union":
      return { kind: "union", members: type.members.map(map) };
    default:
      return unreachable(type);
  }
}

/**
 * Calls `visit` for every reference in `type`, in order of appearance, with the containers between `type` and the
 * reference: `"[]"` for each array and `"{}"` for each map on the way (`"[]{}"`: a map inside an array).
 */
export function forEachRef(type: TypeExpr, visit: (ref: RefType, containers: string) => void, containers = ""): void {
  if (type.kind === "ref") {
    visit(type, containers);
    return;
  }
  const step = type.kind === "array" ? "[]" : type.kind === "map" ? "{}" : "";
  for (const child of childrenOf(type)) forEachRef(child, visit, containers + step);
}

/** `type` with every reference replaced by `replace(ref)`. */
export function mapRefs(type: TypeExpr, replace: (ref: RefType) => TypeExpr): TypeExpr {
  return type.kind === "ref" ? replace(type) : mapChildren(type, (child) => mapRefs(child, replace));
}

/** Every model id `type` mentions, in order of appearance (repeats included). */
export function refsOf(type: TypeExpr): ModelId[] {
  const ids: ModelId[] = [];
  forEachRef(type, (ref) => ids.push(ref.id));
  return ids;
}

/** Whether `type` mentions any model. */
export function hasRefs(type: TypeExpr): boolean {
  let found = false;
  forEachRef(type, () => (found = true));
  return found;
}

/** The type expressions of a model: its fields' types and catch-all type, or its union members. */
export function typesOf(model: Model): TypeExpr[] {
  switch (model.kind) {
    case "object":
      return [...model.fields.map((field) => field.type), ...(model.additionalProperties ? [model.additionalProperties] : [])];
    case "union":
      return model.members.map((member) => member.type);
    case "enum":
      return [];
    default:
      return unreachable(model);
  }
}

/** Every model id a model mentions directly, in order of appearance. */
export function referencesOf(model: Model): ModelId[] {
  return typesOf(model).flatMap(refsOf);
}

/** Code-unit order, independent of locale, so output is the same on every machine: the one order of ids and paths. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
