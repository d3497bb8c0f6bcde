/**
 * The library API: the stages people script, as plain data in and out. `import { … } from "docschema"` reaches
 * this module through ../index.ts; the CLI is a thin layer over the same functions. Everything here is covered by
 * the README's semver promise.
 */
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { diffGraphs } from "../diff/index.js";
import type { BaselineEntry, DiffPolicy, DiffReport } from "../diff/types.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../emit/options.js";
import type { EmitResult } from "../emit/output.js";
import type { Diagnostic, ModelGraph } from "../model/types.js";
import type { JsonSchemaLayout, OutputKind } from "./config.js";
import { DocErrors, diffInputs } from "./diff.js";
import { parseSnapshot } from "./diff-input.js";
import { InputError } from "./errors.js";
import { emitOptionsOf, generate as runGenerate } from "./generate.js";
import type { GenerateResult } from "./results.js";
import type { Watcher, WatchOptions } from "./watch.js";
import type { ResolvedTarget } from "./config.js";
import { loadGraph as load } from "./load.js";
import { loadMergedGraph } from "./merge.js";
import type { UnknownTypes } from "./unknown-types.js";

export interface LoadGraphOptions {
  /** Worker threads for parsing (default: one per core on large doc sets; 0 or 1: in process). */
  workers?: number | undefined;
  /** Folder of the parse cache, for a fast second load; absent: no cache. */
  cacheDir?: string | undefined;
  /** A second doc set of the same API (its Python docs, or a `schema.json`) whose nullability and integers are merged in. */
  merge?: string | undefined;
  /** A type spelling docschema does not know: an error (default), or typed `unknown` with a warning. */
  unknownTypes?: UnknownTypes | undefined;
}

export interface GraphResult {
  /** The model graph: the `schema.json` format, serialisable as it is. */
  graph: ModelGraph;
  /** Every diagnostic of the docs, sorted by file, line and column. A graph with errors is incomplete. */
  diagnostics: Diagnostic[];
  /** About the run rather than the docs (a cache that could not be read or written). */
  warnings: string[];
  /** How many model docs were read. */
  docCount: number;
}

/**
 * Reads a folder of model docs (and the operation docs beside it, `docs/sdks` next to `docs/models`) into a model
 * graph.
 *
 * @param input - The models folder, e.g. `docs/models`.
 * @returns The graph and its diagnostics; docs with errors do not throw, check `diagnostics`.
 * @throws {@link InputError} when the folder is missing or holds no model docs.
 */
export async function loadGraph(input: string, options: LoadGraphOptions = {}): Promise<GraphResult> {
  mustBeFolder(input);
  const { merge, ...loadOptions } = options;
  const loaded = merge === undefined ? await load(input, loadOptions) : await loadMergedGraph(input, merge, loadOptions);
  return { graph: loaded.graph, diagnostics: loaded.diagnostics, warnings: loaded.warnings, docCount: loaded.docCount };
}

export { formatReport } from "../diff/format/index.js";
export { parseGraph, serializeGraph } from "../model/json.js";

/** What to write and how: the options of `docschema generate` that shape the output. */
export interface OutputOptions extends Partial<EmitOptions> {
  /** `typescript` (default) or `json-schema`. */
  emit?: OutputKind | undefined;
  /** With `emit: "json-schema"`: `bundle` (default) or `per-model`. */
  jsonSchema?: JsonSchemaLayout | undefined;
}

/**
 * Turns a model graph into the output files, without writing anything: exactly the files `generate` would write.
 *
 * @returns Files as `{ path, content }` (paths relative to the output folder, sorted) and the layout's diagnostics
 * (file-name clashes).
 */
export async function emit(graph: ModelGraph, options: OutputOptions = {}): Promise<EmitResult> {
  const emitOptions = emitOptionsOf({ ...DEFAULT_OPTIONS, ...options });
  if (options.emit === "json-schema") {
    const { jsonSchemaFiles } = await import("../emit/json-schema/files.js");
    return jsonSchemaFiles(graph, emitOptions, options.jsonSchema ?? "bundle");
  }
  const { emitOutput } = await import("../emit/index.js");
  return emitOutput(graph, emitOptions);
}

export interface GenerateOptions extends OutputOptions, Pick<LoadGraphOptions, "merge" | "unknownTypes"> {
  /** The models folder. Default `docs/models`. */
  input?: string | undefined;
  /** The output folder, owned by docschema: replaced as a whole, atomically. Default `generated`. */
  out?: string | undefined;
  /** Write nothing; report whether the output folder is what the docs give (`in-sync` or `stale`). */
  check?: boolean | undefined;
  /** Folder of the parse and emit caches (they make the next run incremental); absent: no cache. */
  cacheDir?: string | undefined;
  /** Worker threads for parsing and printing (default: one per core on large doc sets; 0 or 1: in process). */
  workers?: number | undefined;
  /** Called as the run goes: a phase, with its count of items done when it has one. */
  onProgress?: ((phase: string, done?: number, total?: number) => void) | undefined;
}

/**
 * Reads the docs and writes the output folder, as `docschema generate` does: atomically (a new folder swapped in),
 * incrementally with a cache, under a lock per output folder.
 *
 * @returns What happened: `written`, `failed` (the docs have errors; nothing was written), or with `check`,
 * `in-sync` / `stale` and the drift.
 * @throws {@link InputError} when the run cannot be done: a missing input, an output folder docschema does not
 * own, a file system failure, another run holding the output for more than two minutes.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { input = "docs/models", out = "generated", ...rest } = options;
  mustBeFolder(input);
  return runGenerate(input, { ...rest, out });
}

/** The pipeline reports an unreadable folder as a diagnostic; a path that is no folder at all is the caller's mistake. */
export function mustBeFolder(input: string): string {
  const found = statSync(input, { throwIfNoEntry: false });
  if (!found) throw new InputError(`input folder "${input}" does not exist`);
  if (!found.isDirectory()) throw new InputError(`input "${input}" is not a folder`);
  return input;
}

export interface DiffOptions {
  /** Names of the two sides in the report. Default: `old` and `new` (for paths: the paths). */
  labels?: { old: string; new: string } | undefined;
  /** Severities per rule (and direction) and rules left out: the configuration's `diff.rules` and `diff.exclude`. */
  policy?: DiffPolicy | undefined;
  /** Known changes (fingerprint and reason) left out of the report. */
  baseline?: readonly BaselineEntry[] | undefined;
}

/**
 * What changed between two versions of a schema, and what it breaks: the report of `docschema diff --format json`.
 *
 * @param before - The old side: a model graph, or a path (a docs folder or a `schema.json` snapshot).
 * @param after - The new side, likewise.
 * @throws {@link InputError} for a path that cannot be read, or docs with errors.
 */
export async function diff(before: ModelGraph | string, after: ModelGraph | string, options: DiffOptions = {}): Promise<DiffReport> {
  const { policy, baseline } = options;
  if (typeof before === "string" && typeof after === "string" && !options.labels) return diffInputs({ paths: [before, after], policy, baseline });
  const [old, next] = await Promise.all([graphOf(before), graphOf(after)]);
  const labels = options.labels ?? { old: typeof before === "string" ? before : "old", new: typeof after === "string" ? after : "new" };
  return diffGraphs(old, next, { labels, ...(policy ? { policy } : {}), ...(baseline ? { baseline } : {}) });
}

/** A side given as a path: a snapshot file, or a docs folder without errors. */
async function graphOf(side: ModelGraph | string): Promise<ModelGraph> {
  if (typeof side !== "string") return side;
  if (statSync(side, { throwIfNoEntry: false })?.isFile()) return parseSnapshot(await readFile(side, "utf8"), side);
  const loaded = await loadGraph(side);
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new DocErrors(`${side}: ${errors.length} error(s) in the docs; fix them to diff`, loaded.diagnostics, "");
  return loaded.graph;
}

/**
 * Writes each target's output, then keeps it up to date with the docs (`docschema generate --watch`): each doc
 * edit re-parses that doc and rewrites the files it changes, atomically; docs with errors keep the last good output.
 *
 * @param targets - What to write, e.g. `resolveTargets(await loadConfig())`.
 * @returns A session; `close()` stops it and removes everything it made beside the outputs.
 * @throws {@link InputError} when an output folder cannot be used (see `generate`).
 */
export async function watch(targets: readonly ResolvedTarget[], options: WatchOptions): Promise<Watcher> {
  // Loaded on use: the session brings the parser and the emitter, which importing "docschema" must not.
  const session = await import("./watch.js");
  return session.watch(targets, options);
}
