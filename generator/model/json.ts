/**
 * The snapshot format of a model graph (`schema.json`): the graph itself, pretty-printed with two-space indent
 * and a final newline. Every object is built in one fixed key order by the parser and the builder and models are
 * sorted by id, so the same docs always give the same bytes.
 */
import type { ModelGraph } from "./types.js";

export const GRAPH_FORMAT = "docschema-graph";
export const GRAPH_VERSION = 1;

export function serializeGraph(graph: ModelGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

export class GraphFormatError extends Error {}

/** Reads a snapshot back, refusing files that are not a model graph of a version this code understands. */
export function parseGraph(json: string, origin = "snapshot"): ModelGraph {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new GraphFormatError(`${origin}: not valid JSON (${(error as Error).message})`);
  }
  const graph = value as Partial<ModelGraph> | null;
  if (!graph || graph.format !== GRAPH_FORMAT) throw new GraphFormatError(`${origin}: not a docschema model graph (format must be "${GRAPH_FORMAT}")`);
  if (graph.version !== GRAPH_VERSION) {
    throw new GraphFormatError(`${origin}: model graph version ${String(graph.version)} is not supported (this docschema reads version ${GRAPH_VERSION})`);
  }
  if (!Array.isArray(graph.models)) throw new GraphFormatError(`${origin}: "models" must be an array`);
  return graph as ModelGraph;
}
