/**
 * Operations join the graph with the model names they mention narrowed to models of the graph: error tables name
 * `errors.APIError`, which has no doc, and some responses are not models (`EventStream<…>`, `void`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readOperationDocs, type OperationParses, type ReadOperationsOptions } from "../parse/operations-folder.js";
import { compareIds } from "./build.js";
import type { ModelGraph, Operation } from "./types.js";

export function attachOperations(graph: ModelGraph, operations: readonly Operation[]): ModelGraph {
  if (operations.length === 0) return graph;
  const known = new Set(graph.models.map((model) => model.id));
  const attached = operations
    .map((op) => ({ ...op, request: op.request.filter((id) => known.has(id)), response: op.response.filter((id) => known.has(id)) }))
    .sort((a, b) => compareIds(a.id, b.id) || compareIds(a.source.file, b.source.file) || a.source.line - b.source.line);
  return { ...graph, operations: attached };
}

/** The operation docs beside a models folder: `docs/sdks/` for `docs/models/`. Empty when there are none. */
export async function readSiblingOperations(
  modelsFolder: string,
  options: ReadOperationsOptions = {},
): Promise<{ operations: Operation[]; parses: OperationParses }> {
  const sdks = sdksBeside(modelsFolder);
  return sdks ? readOperationDocs(sdks, modelsFolder, options) : { operations: [], parses: new Map() };
}

/** The operation docs folder beside a models folder (`docs/sdks/` for `docs/models/`), if there is one. */
export function sdksBeside(modelsFolder: string): string | undefined {
  const sdks = path.join(modelsFolder, "..", "sdks");
  return existsSync(sdks) ? sdks : undefined;
}
