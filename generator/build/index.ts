/** Parsed docs and operations in, the model graph out: the one entry of the build stage. */
import { compareDiagnostics } from "../model/diagnostics.js";
import type { Diagnostic, ModelGraph, Operation, ParsedDoc } from "../model/types.js";
import { buildGraph } from "./graph.js";
import { attachOperations } from "./operations.js";

export { buildGraph, createResolver, majorityFlavour, type BuildResult, type Resolver } from "./graph.js";
export { attachOperations } from "./operations.js";
export { flattenUnionCycles } from "./union-cycles.js";

/** The graph of a doc set: models resolved, operations attached, every diagnostic in order. */
export function buildModelGraph(docs: readonly ParsedDoc[], operations: readonly Operation[]): { graph: ModelGraph; diagnostics: Diagnostic[] } {
  const built = buildGraph(docs);
  return { graph: attachOperations(built.graph, operations), diagnostics: built.diagnostics.sort(compareDiagnostics) };
}
export { mergeGraphs, type MergeOptions, type MergeResult } from "./merge.js";
