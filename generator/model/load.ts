/** Docs folder → model graph: the path every command takes (generate, graph, diff). */
import { readDocs, type ReadDocsOptions } from "../parse/folder.js";
import { buildGraph, compareDiagnostics } from "./build.js";
import { attachOperations, readSiblingOperations } from "./operations.js";
import type { Diagnostic, ModelGraph } from "./types.js";

export interface LoadedGraph {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
  docCount: number;
}

export async function loadGraph(input: string, options: ReadDocsOptions = {}): Promise<LoadedGraph> {
  const [{ docs, diagnostics }, operations] = await Promise.all([readDocs(input, options), readSiblingOperations(input)]);
  const built = buildGraph(docs);
  return { graph: attachOperations(built.graph, operations), diagnostics: [...diagnostics, ...built.diagnostics].sort(compareDiagnostics), docCount: docs.length };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
