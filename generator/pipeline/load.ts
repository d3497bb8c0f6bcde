/** Docs folder → model graph: the path every command takes (generate, graph, diff). */
import type { UnknownTypes } from "./unknown-types.js";
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
  /** `unknown`: a type the docs spell in a way docschema does not know is `unknown`, with a warning (default: an error). */
  unknownTypes?: UnknownTypes | undefined;
}

export type { UnknownTypes } from "./unknown-types.js";

/** What `--unknown-types unknown` accepts: a type not understood, a name or link matching no model; each is `unknown` in the graph. */
const UNKNOWN_TYPE_CODES = new Set(["unknown-type", "unresolved-ref", "broken-link"]);

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
  const all = [...diagnostics, ...built.diagnostics];
  return {
    graph: built.graph,
    diagnostics: (options.unknownTypes === "unknown" ? all.map(acceptUnknownType) : all).sort(compareDiagnostics),
    warnings: [...parseWarnings, ...warnings],
    docCount: docs.length,
    parsedCount: parsed,
    parses: { docs: parses, operations: operations.parses },
  };
}

function acceptUnknownType(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.severity !== "error" || !UNKNOWN_TYPE_CODES.has(diagnostic.code)) return diagnostic;
  return { ...diagnostic, severity: "warning", message: `${diagnostic.message}; typed unknown (--unknown-types unknown)` };
}
