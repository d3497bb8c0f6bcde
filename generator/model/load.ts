/** Docs folder → model graph: the path every command takes (generate, graph, diff). */
import { readDocs, type ReadDocsOptions } from "../parse/folder.js";
import { buildGraph, compareDiagnostics } from "./build.js";
import { attachOperations, readSiblingOperations } from "./operations.js";
import type { Diagnostic, ModelGraph } from "./types.js";

export interface LoadedGraph {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
  docCount: number;
  /** Docs parsed in this run; the others came from the parse cache. */
  parsedCount: number;
  /** Content hash of every doc, by file relative to the input folder. */
  docHashes: Map<string, string>;
}

export async function loadGraph(input: string, options: ReadDocsOptions = {}): Promise<LoadedGraph> {
  const [{ docs, diagnostics, parsed, hashes }, operations] = await Promise.all([readDocs(input, options), readSiblingOperations(input, options.cacheDir)]);
  const built = buildGraph(docs);
  return {
    graph: attachOperations(built.graph, operations),
    diagnostics: [...diagnostics, ...built.diagnostics].sort(compareDiagnostics),
    docCount: docs.length,
    parsedCount: parsed,
    docHashes: hashes,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
