/**
 * Which way each model travels, from the operation docs: a model reachable from a request model is written by
 * callers, one reachable from a response (or error) model is read by them, one reachable from both is both.
 * Without operation docs, and for models no operation reaches, every model counts as both: the safe assumption.
 */
import type { ModelId } from "../model/types.js";
import { reachable, type GraphIndex } from "./graph-index.js";
import type { Direction } from "./types.js";

export interface DirectionSets {
  request: Set<ModelId>;
  response: Set<ModelId>;
}

/** `undefined` when the graph has no operations. */
export function directionSets(index: GraphIndex): DirectionSets | undefined {
  const operations = index.graph.operations ?? [];
  if (operations.length === 0) return undefined;
  return {
    request: reachable(index, operations.flatMap((op) => op.request)),
    response: reachable(index, operations.flatMap((op) => op.response)),
  };
}

/** Direction of one model, from every side that knows its operations (old id and new id differ for renames). */
export function directionOf(uses: readonly { sets: DirectionSets | undefined; id: ModelId | undefined }[]): Direction {
  let request = false;
  let response = false;
  for (const { sets, id } of uses) {
    if (!sets || id === undefined) continue;
    request ||= sets.request.has(id);
    response ||= sets.response.has(id);
  }
  return request && !response ? "request" : response && !request ? "response" : "both";
}
