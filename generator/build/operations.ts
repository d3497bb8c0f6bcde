/**
 * Operations join the graph with the model names they mention narrowed to models of the graph: error tables name
 * `errors.APIError`, which has no doc, and some responses are not models (`EventStream<…>`, `void`).
 */
import { compareIds } from "../model/type-expr.js";
import type { ModelGraph, Operation } from "../model/types.js";

export function attachOperations(graph: ModelGraph, operations: readonly Operation[]): ModelGraph {
  if (operations.length === 0) return graph;
  const known = new Set(graph.models.map((model) => model.id));
  const attached = operations
    .map(({ errors, ...op }) => {
      const kept = (ids: readonly string[]) => ids.filter((id) => known.has(id));
      const errorModels = kept(errors ?? []);
      return { ...op, request: kept(op.request), response: kept(op.response), ...(errorModels.length ? { errors: errorModels } : {}) };
    })
    .sort((a, b) => compareIds(a.id, b.id) || compareIds(a.source.file, b.source.file) || a.source.line - b.source.line);
  return { ...graph, operations: attached };
}
