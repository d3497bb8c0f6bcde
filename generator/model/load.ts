/** Docs folder → model graph: the path every command takes (generate, graph, diff). */
import { readDocs, type ParseSeed, type ReadDocsOptions } from "../parse/folder.js";
import { buildGraph, compareDiagnostics } from "./build.js";
import { attachOperations, readSiblingOperations } from "./operations.js";
import type { Diagnostic, ModelGraph } from "./types.js";

export interface LoadedGraph {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
  docCount: number;
  /** Docs parsed in this run; the others came from the parse cache or the seed. */
  parsedCount: number;
  /** Every doc's parse by relative path and content hash: `seed` for loading another version of these docs. */
  parses: ParseSeed;
}

export async function loadGraph(input: string, options: ReadDocsOptions = {}): Promise<LoadedGraph> {
  const [{ docs, diagnostics, parsed, parses }, operations] = await Promise.all([readDocs(input, options), readSiblingOperations(input, options.cacheDir)]);
  const built = buildGraph(docs);
  return {
    graph: attachOperations(built.graph, operations),
    diagnostics: [...diagnostics, ...built.diagnostics].sort(compareDiagnostics),
    docCount: docs.length,
    parsedCount: parsed,
    parses,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
