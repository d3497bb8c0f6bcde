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
    const out = edgesOf(model).filter((edge) => models.has(edge.to));
    edges.set(model.id, out);
    for (const edge of out) {
      let list = parents.get(edge.to);
      if (!list) parents.set(edge.to, (list = []));
      list.push({ to: model.id, label: edge.label });
    }
  }
  return { graph, models, edges, parents };
}

function edgesOf(model: Model): Edge[] {
  switch (model.kind) {
    case "object":
      return [
        ...model.fields.flatMap((field) => refsIn(field.type, field.name)),
        ...(model.additionalProperties ? refsIn(model.additionalProperties, "{}") : []),
      ];
    case "union":
      return model.members.flatMap((member) => refsIn(member.type, ""));
    case "enum":
      return [];
  }
}

function refsIn(type: TypeExpr, label: string): Edge[] {
  switch (type.kind) {
    case "ref":
      return [{ to: type.id, label }];
    case "array":
      return refsIn(type.items, `${label}[]`);
    case "map":
      return refsIn(type.values, `${label}{}`);
    case "union":
      return type.members.flatMap((member) => refsIn(member, label));
    case "nullable":
    case "stream":
      return refsIn(type.type, label);
    default:
      return [];
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
