/** Docs folder → model graph: the path every command takes (generate, graph, diff). */
import { buildModelGraph } from "../build/index.js";
import { compareDiagnostics } from "../model/diagnostics.js";
import path from "node:path";
import type { Diagnostic, ModelGraph } from "../model/types.js";
import type { CacheWarnings } from "./cache/store.js";
import { InputError } from "./errors.js";
import { readDocs, type ParseSeed, type ReadDocsOptions } from "./docs-folder.js";
import { readSiblingOperations, type OperationParses } from "./operations-folder.js";

export interface LoadedGraph {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
  /** About the caches, which cannot fail a run. */
  warnings: CacheWarnings;
  docCount: number;
  /** Docs parsed in this run; the others came from the parse cache or the seed. */
  parsedCount: number;
  /** Every doc's parse by relative path and content hash: `seed` for loading another version of these docs. */
  parses: FolderParses;
}

/** The parses of a docs folder's model docs and of the operation docs beside it. */
export interface FolderParses {
  docs: ParseSeed;
  operations: OperationParses;
}

export interface LoadOptions extends Omit<ReadDocsOptions, "seed"> {
  /** Another version's `parses`: docs (model or operation) whose bytes are the same are not parsed again. */
  seed?: FolderParses | undefined;
}

/** Throws InputError when the folder holds no model docs: a wrong path, not a schema without models. */
export async function loadGraph(input: string, options: LoadOptions = {}): Promise<LoadedGraph> {
  const warnings: CacheWarnings = [];
  const [{ docs, diagnostics, parsed, parses, warnings: parseWarnings }, operations] = await Promise.all([
    readDocs(input, { ...options, seed: options.seed?.docs }),
    readSiblingOperations(input, { cacheDir: options.cacheDir, seed: options.seed?.operations }, warnings),
  ]);
  if (docs.length === 0 && diagnostics.every((d) => d.severity !== "error")) {
    throw new InputError(`no model docs (*.md) in "${path.relative(process.cwd(), path.resolve(input)) || "."}"`);
  }
  const built = buildModelGraph(docs, operations.operations);
  return {
    graph: built.graph,
    diagnostics: [...diagnostics, ...built.diagnostics].sort(compareDiagnostics),
    warnings: [...parseWarnings, ...warnings],
    docCount: docs.length,
    parsedCount: parsed,
    parses: { docs: parses, operations: operations.parses },
  };
}
