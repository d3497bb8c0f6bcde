/** The references between models, walked backwards from a changed model to the roots that reach it. */
import { childrenOf } from "../model/type-expr.js";
import type { Model, ModelGraph, ModelId, TypeExpr } from "../model/types.js";

/** A reference from model `from`; `label` is its path step: `choices[]`, `metadata{}`, or "" for a union member. */
export interface ParentEdge {
  from: ModelId;
  label: string;
}

export interface GraphIndex {
  graph: ModelGraph;
  models: Map<ModelId, Model>;
  /** Model id → the references to it. */
  parents: Map<ModelId, ParentEdge[]>;
  /** Whether any field states its nullability, and any type is an integer: what the docs show (TS docs do neither). */
  shows: { nullability: boolean; integers: boolean };
}

export function indexGraph(graph: ModelGraph): GraphIndex {
  const index: GraphIndex = { graph, models: new Map(), parents: new Map(), shows: { nullability: false, integers: false } };
  for (const model of graph.models) {
    index.models.set(model.id, model);
    if (model.kind === "object") {
      for (const field of model.fields) {
        // A null in one doc's example is no sign that the docs state nullability.
        if (field.nullable !== undefined && field.nullableFrom === undefined) index.shows.nullability = true;
        visit(field.type, model.id, field.name, index);
      }
      if (model.additionalProperties) visit(model.additionalProperties, model.id, "{}", index);
    } else if (model.kind === "union") {
      for (const member of model.members) visit(member.type, model.id, "", index);
    }
  }
  return index;
}

/**
 * Records every reference in a type as an edge from `from`, labelled with the path step that leads to it: the
 * field, then `[]` for each array and `{}` for each map on the way (`choices[]`), and notes integers. One of the
 * hottest loops of a diff (every field of both graphs), so it walks the type itself instead of taking a callback.
 */
function visit(type: TypeExpr, from: ModelId, label: string, index: GraphIndex): void {
  if (type.kind === "ref") {
    const edge = { from, label };
    const list = index.parents.get(type.id);
    if (list) list.push(edge);
    else index.parents.set(type.id, [edge]);
    return;
  }
  if (type.kind === "primitive" && type.name === "integer") index.shows.integers = true;
  const step = type.kind === "array" ? "[]" : type.kind === "map" ? "{}" : "";
  for (const child of childrenOf(type)) visit(child, from, label + step, index);
}
