/**
 * `generate` as a job: docs → model graph → output files, written atomically, or compared with what is on disk.
 * Returns what happened as data; printing it is the caller's (the CLI's) business. Throws InputError (and its
 * kinds: IoError, OutputError, LockBusyError) when the run cannot be done: a missing or empty input, an output
 * folder that is not docschema's, a file system failure, another run holding the output.
 */
import type { EmitOptions } from "../emit/options.js";
import { DEFAULT_OPTIONS } from "../emit/options.js";
import { hasErrors } from "../model/diagnostics.js";
import type { Diagnostic, ModelGraph } from "../model/types.js";
import { availableParallelism } from "node:os";
import type { RunRecord } from "./cache/emit-manifest.js";
import type { CacheWarnings } from "./cache/store.js";
import { emitIncrementally, type IncrementalEmission } from "./incremental/emit.js";
import { previousRun } from "./incremental/previous-run.js";
import { loadGraph, type FolderParses, type LoadedGraph, type UnknownTypes } from "./load.js";
import { acquireLock } from "./lock.js";
import { loadMergedGraph } from "./merge.js";
import { checkOutput, claimOutput, recoverInterrupted, writeOutput } from "./output.js";
import type { GenerateResult } from "./results.js";
import { emitInParallel, startPrinter } from "./print-pool.js";
import type { JsonSchemaLayout, OutputKind } from "./config.js";
import type { EmitResult } from "../emit/output.js";

export type { GenerateResult } from "./results.js";

export interface GenerateOptions extends Partial<EmitOptions> {
  /** The output folder. */
  out: string;
  /** `typescript` (default): types, validators and schema.json; `json-schema`: JSON Schema 2020-12. */
  emit?: OutputKind | undefined;
  /** With `emit: "json-schema"`: one document with `$defs` (default), or one file per model. */
  jsonSchema?: JsonSchemaLayout | undefined;
  /** Write nothing: compare the output the docs give with the output folder. */
  check?: boolean | undefined;
  /** Worker threads for parsing and printing (default: one per core on large doc sets; 0 or 1: in process). */
  workers?: number | undefined;
  /** Folder of the parse and emit caches; absent: no cache. */
  cacheDir?: string | undefined;
  /** A second doc set of the same API whose facts (nullability, integers) are merged in: docs folder or schema.json. */
  merge?: string | undefined;
  /** `unknown`: types the docs spell in a way docschema does not know become `unknown`, with a warning. */
  unknownTypes?: UnknownTypes | undefined;
  /** Called as the run goes: a phase, with its count of items done when it has one. */
  onProgress?: ((phase: string, done?: number, total?: number) => void) | undefined;
  /** Parses of these docs already in memory (a watch session's): docs with the same bytes are not parsed again. */
  seed?: FolderParses | undefined;
  /** Called once when another run holds the output folder and this one waits for it. */
  onWait?: ((owner: string) => void) | undefined;
}

export async function generate(input: string, options: GenerateOptions): Promise<GenerateResult> {
  const cores = availableParallelism();
  const workersCapped = options.workers !== undefined && options.workers > cores ? options.workers : undefined;
  const run = { ...options, workers: workersCapped ? cores : options.workers };
  // --check writes nothing, so it takes no lock and leaves whatever a killed run left for the next write.
  if (options.check) return { ...(await generateLocked(input, run)), workersCapped };
  await claimOutput(options.out, input); // before waiting for a lock: a refusal needs no wait
  const lock = await acquireLock(options.out, { onWait: options.onWait });
  try {
    // A killed run may have left its folders beside the output (or the previous output moved aside): tidy up first.
    const recovered = await recoverInterrupted(options.out);
    await claimOutput(options.out, input);
    const result = await generateLocked(input, run);
    return { ...result, warnings: [...recovered, ...result.warnings], workersCapped };
  } finally {
    await lock.release();
  }
}

/** A run under the output's lock, taken by the caller (generate, or a watch session for its whole life). */
export async function generateLocked(input: string, options: GenerateOptions): Promise<GenerateResult> {
  const emitOptions = emitOptionsOf(options);
  const { cacheDir, onProgress } = options;
  const warnings: CacheWarnings = [];
  // Incremental emission is keyed by the TypeScript layout; JSON Schema is made whole (it costs little). A merged run
  // depends on two doc sets, and unknown types change what a run with errors gives: such runs parse with the cache
  // but print the whole output.
  const reusesPreviousRun = options.emit !== "json-schema" && !options.merge && options.unknownTypes !== "unknown";
  const previous = cacheDir && !options.check && reusesPreviousRun ? await previousRun(input, options.out, cacheDir, emitOptions, warnings) : undefined;
  if (previous?.unchanged) {
    const run = previous.unchanged;
    return { status: "written", diagnostics: run.diagnostics, warnings, summary: run.summary, docCount: run.docCount, fileCount: run.fileCount, parsed: 0, written: 0, removed: 0 };
  }
  // A run after a recorded one usually prints a few files: load the emitter on another core while docs are read.
  const printer = previous?.manifest && options.workers !== 0 && options.workers !== 1 ? startPrinter() : undefined;
  let loaded: LoadedGraph;
  let incremental: IncrementalEmission | undefined;
  try {
    const loadOptions = {
      workers: options.workers,
      cacheDir,
      unknownTypes: options.unknownTypes,
      listing: previous?.listing,
      seed: options.seed,
      onProgress: (done: number, total: number) => onProgress?.("parsing", done, total),
    };
    loaded = options.merge ? await loadMergedGraph(input, options.merge, loadOptions) : await loadGraph(input, loadOptions);
    onProgress?.("emitting");
    // With a cache, only what changed is printed and written; --check and --no-cache print everything.
    if (cacheDir && previous) incremental = await emitIncrementally(loaded, emitOptions, options.out, cacheDir, previous.manifest, printer, options.workers);
  } finally {
    printer?.cancel(); // a no-op once it printed; otherwise its worker must not keep the process alive
  }
  warnings.push(...loaded.warnings);
  const emitted = incremental ? undefined : await emitWhole(loaded.graph, emitOptions, options);
  const diagnostics = [...loaded.diagnostics, ...(incremental ?? emitted!).diagnostics];
  const base = { diagnostics, warnings, summary: summarize(loaded.graph), docCount: loaded.docCount, parsed: loaded.parsedCount };
  if (hasErrors(diagnostics)) return { ...base, status: "failed", fileCount: 0 };

  if (emitted && options.check) {
    const drift = await checkOutput(options.out, emitted.files);
    const stale = drift.stale.length + drift.missing.length + drift.extra.length > 0;
    return { ...base, status: stale ? "stale" : "in-sync", fileCount: emitted.files.length, drift };
  }
  onProgress?.("writing");
  const record: RunRecord = {
    inputs: previous?.inputs ?? "",
    summary: base.summary,
    fileCount: incremental?.fileCount ?? emitted!.files.length,
    docCount: loaded.docCount,
    diagnostics,
  };
  const written = incremental ? await incremental.write(record) : await writeOutput(options.out, emitted!.files).then(() => undefined);
  warnings.push(...(incremental?.warnings ?? []));
  return { ...base, status: "written", fileCount: record.fileCount, ...written };
}

async function emitWhole(graph: ModelGraph, emitOptions: EmitOptions, options: GenerateOptions): Promise<EmitResult> {
  if (options.emit !== "json-schema") return emitInParallel(graph, emitOptions, new Set(), options.workers);
  const { jsonSchemaFiles } = await import("../emit/json-schema/files.js");
  return jsonSchemaFiles(graph, emitOptions, options.jsonSchema ?? "bundle");
}

export function emitOptionsOf(options: Partial<EmitOptions>): EmitOptions {
  return {
    validators: options.validators ?? DEFAULT_OPTIONS.validators,
    unknownKeys: options.unknownKeys ?? DEFAULT_OPTIONS.unknownKeys,
    dates: options.dates ?? DEFAULT_OPTIONS.dates,
    nulls: options.nulls ?? DEFAULT_OPTIONS.nulls,
  };
}

export function summarize(graph: ModelGraph): string {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const model of graph.models) counts[model.kind]++;
  return `${graph.models.length} models (${counts.object} objects, ${counts.enum} enums, ${counts.union} unions)`;
}
