/** The references between models, walked backwards from a changed model to the roots that reach it. */
import { forEachRef } from "../model/type-expr.js";
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
}

export function indexGraph(graph: ModelGraph): GraphIndex {
  const models = new Map(graph.models.map((m) => [m.id, m]));
  const parents = new Map<ModelId, ParentEdge[]>();
  for (const model of graph.models) {
    const add = (to: ModelId, label: string): void => {
      const list = parents.get(to);
      if (list) list.push({ from: model.id, label });
      else parents.set(to, [{ from: model.id, label }]);
    };
    if (model.kind === "object") {
      for (const field of model.fields) refsIn(field.type, field.name, add);
      if (model.additionalProperties) refsIn(model.additionalProperties, "{}", add);
    } else if (model.kind === "union") {
      for (const member of model.members) refsIn(member.type, "", add);
    }
  }
  return { graph, models, parents };
}

/** Calls `add` for every reference in a type, labelled with the path step that leads to it (`choices[]`). */
function refsIn(type: TypeExpr, label: string, add: (to: ModelId, label: string) => void): void {
  forEachRef(type, (ref, containers) => add(ref.id, label + containers));
}
