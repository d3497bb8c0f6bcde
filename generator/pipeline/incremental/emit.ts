/**
 * `generate` with an emit cache: print only the output files whose inputs changed (./plan.ts), write
 * only those whose text changed, delete what the output no longer has, and leave every other file untouched. The
 * emitter (and ts-morph with it) is not even loaded when nothing changed.
 */
import { stat } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { OutputFile } from "../../emit/index.js";
import type { EmitOptions } from "../../emit/options.js";
import { plainFiles } from "../../emit/plain-files.js";
import { compareIds } from "../../model/type-expr.js";
import type { Diagnostic, ModelGraph } from "../../model/types.js";
import { saveManifest, type ManifestEntry, type RunRecord, type VerifiedManifest } from "../cache/emit-manifest.js";
import type { CacheWarnings } from "../cache/store.js";
import { generatorVersion } from "../cache/version.js";
import { sha256 } from "../hash.js";
import type { LoadedGraph } from "../load.js";
import { mapLimit, writeChanges, writeOutput } from "../output.js";
import { MIN_FILES_FOR_WORKERS, emitInParallel, type Printer } from "../print-pool.js";
import { planIncremental, type IncrementalPlan } from "./plan.js";

export interface IncrementalEmission {
  diagnostics: Diagnostic[];
  /** About the emit manifest, which cannot fail a run. */
  warnings: CacheWarnings;
  /** How many files the output has. */
  fileCount: number;
  /** Writes the changes and records them with the run's result; call only when the run has no errors. */
  write(run: RunRecord): Promise<{ written: number; removed: number }>;
}

export async function emitIncrementally(
  { graph, parses }: Pick<LoadedGraph, "graph" | "parses">,
  options: EmitOptions,
  out: string,
  cacheDir: string,
  manifest: VerifiedManifest | undefined,
  printer: Printer | undefined,
  workers?: number,
): Promise<IncrementalEmission> {
  const plan = planIncremental(graph, manifest, `${generatorVersion()}\0${JSON.stringify(options)}`, parses.docs);
  const printed = await printSelected(graph, options, plan, printer, workers);
  const before = manifest?.files ?? new Map<string, ManifestEntry>();
  const entries = new Map<string, ManifestEntry>();
  for (const path of [...plan.keys.keys(), ...plan.kept]) {
    const entry = before.get(path);
    if (entry) entries.set(path, entry);
  }
  const changed: (OutputFile & { hash: string })[] = [];
  for (const file of printed) {
    const hash = sha256(file.content);
    const entry = before.get(file.path);
    if (entry?.hash === hash) entries.set(file.path, { ...entry, key: plan.keys.get(file.path) });
    else changed.push({ ...file, hash });
  }
  const expected = new Set([...plan.keys.keys(), ...plan.kept, ...printed.map((file) => file.path)]);

  const warnings: CacheWarnings = [];
  return {
    diagnostics: plan.diagnostics,
    warnings,
    fileCount: expected.size,
    async write(run) {
      let removed: string[] = [];
      if (before.size === 0) {
        // Nothing to keep: build the whole folder beside the old one and swap it in.
        await writeOutput(out, printed);
      } else {
        // The new folder holds exactly the output: files someone added to the output folder are not carried over.
        const rewritten = new Set(changed.map((file) => file.path));
        const kept = [...expected].filter((file) => !rewritten.has(file)).sort(compareIds);
        removed = (await glob("**/*", { cwd: out, onlyFiles: true, dot: true })).filter((file) => !expected.has(file));
        if (changed.length > 0 || removed.length > 0) await writeChanges(out, changed, kept);
      }
      if (!plan.upToDate || manifest?.run?.inputs !== run.inputs) {
        await mapLimit(changed, 64, async (file) => {
          const now = await stat(path.join(out, file.path));
          entries.set(file.path, { key: plan.keys.get(file.path), hash: file.hash, size: now.size, mtimeMs: now.mtimeMs });
        });
        const sorted = new Map([...entries].sort(([a], [b]) => compareIds(a, b)));
        await saveManifest(cacheDir, out, { outputKey: plan.outputKey, files: sorted, run }, warnings);
      }
      return { written: changed.length, removed: removed.length };
    },
  };
}

/**
 * Prints what the plan selects. A few files go to the printer started with the run (it has loaded ts-morph by now,
 * on another core) while schema.json and the runtime are made here; many go to the usual pool.
 */
async function printSelected(graph: ModelGraph, options: EmitOptions, plan: IncrementalPlan, printer: Printer | undefined, workers?: number): Promise<OutputFile[]> {
  if (plan.upToDate) {
    printer?.cancel();
    return [];
  }
  const keyed = [...plan.keys.keys()].filter(plan.include);
  if (printer && keyed.length < MIN_FILES_FOR_WORKERS) {
    if (keyed.length === 0) printer.cancel();
    const typescript = keyed.length > 0 ? printer.print(graph, plan.layout, options, keyed) : undefined;
    // The task is posted from a promise continuation: let it reach the worker before making schema.json here.
    await nextTurn();
    const plain = plainFiles(graph, options, (path) => !plan.keys.has(path) && plan.include(path));
    return [...((await typescript)?.files ?? []), ...plain];
  }
  printer?.cancel();
  const skip = new Set([...plan.keys.keys()].filter((path) => !plan.include(path)));
  return (await emitInParallel(graph, options, skip, workers)).files;
}
