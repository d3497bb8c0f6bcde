/** The references between models as labelled edges, both ways: what direction and impact walk. */
import type { Model, ModelGraph, ModelId, TypeExpr } from "../model/types.js";

/** `label` is the path step from the referencing model: `choices[]`, `metadata{}`, or "" for a union member. */
export interface Edge {
  to: ModelId;
  label: string;
}

export interface GraphIndex {
  graph: ModelGraph;
  models: Map<ModelId, Model>;
  edges: Map<ModelId, Edge[]>;
  /** Reverse edges: `to` is the referencing model. */
  parents: Map<ModelId, Edge[]>;
}

export function indexGraph(graph: ModelGraph): GraphIndex {
  const models = new Map(graph.models.map((m) => [m.id, m]));
  const edges = new Map<ModelId, Edge[]>();
  const parents = new Map<ModelId, Edge[]>();
  for (const model of graph.models) {
    const out: Edge[] = [];
    const add = (to: ModelId, label: string): void => {
      if (!models.has(to)) return;
      out.push({ to, label });
      const list = parents.get(to);
      if (list) list.push({ to: model.id, label });
      else parents.set(to, [{ to: model.id, label }]);
    };
    if (model.kind === "object") {
      for (const field of model.fields) refsIn(field.type, field.name, add);
      if (model.additionalProperties) refsIn(model.additionalProperties, "{}", add);
    } else if (model.kind === "union") {
      for (const member of model.members) refsIn(member.type, "", add);
    }
    edges.set(model.id, out);
  }
  return { graph, models, edges, parents };
}

/** Calls `add` for every reference in a type, labelled with the path step that leads to it. */
function refsIn(type: TypeExpr, label: string, add: (to: ModelId, label: string) => void): void {
  switch (type.kind) {
    case "ref":
      return add(type.id, label);
    case "array":
      return refsIn(type.items, `${label}[]`, add);
    case "map":
      return refsIn(type.values, `${label}{}`, add);
    case "union":
      for (const member of type.members) refsIn(member, label, add);
      return;
    case "nullable":
    case "stream":
      return refsIn(type.type, label, add);
  }
}

/** Every model reachable from `roots`, following references: one breadth-first pass. */
export function reachable(index: GraphIndex, roots: Iterable<ModelId>): Set<ModelId> {
  const seen = new Set<ModelId>();
  const queue: ModelId[] = [];
  for (const root of roots) {
    if (index.models.has(root) && !seen.has(root)) {
      seen.add(root);
      queue.push(root);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const edge of index.edges.get(queue[i]!) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}
