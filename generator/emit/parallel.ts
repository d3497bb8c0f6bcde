/**
 * Printing on every core: the emitter (a black box, `emitFiles(graph, include)`) runs in worker threads, each on
 * a shard of the output paths, and the files are merged back in path order, byte for byte what one thread prints.
 * Few files, `workers <= 1`, or runs from TypeScript sources print in process.
 */
import type { ModelGraph } from "../model/types.js";
import { defaultWorkers, runInWorkers, workerScript } from "../lib/worker-pool.js";
import type { EmitResult } from "./index.js";
import type { EmitOptions } from "./options.js";

export interface EmitTask {
  graph: ModelGraph;
  options: EmitOptions;
  /** Output paths not to print. */
  skip: string[];
  shard: number;
  shards: number;
}

/** Below this many files, loading ts-morph in each worker (about a second) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 2000;
/** Each worker holds a copy of the graph and its own ts-morph (a few hundred MB at real scale): bound the memory. */
const MAX_DEFAULT_WORKERS = 4;
const script = workerScript(new URL("./worker.js", import.meta.url));

export async function emitInParallel(graph: ModelGraph, options: EmitOptions, skip: ReadonlySet<string>, workers?: number): Promise<EmitResult> {
  const count = workers ?? (graph.models.length - skip.size < MIN_FILES_FOR_WORKERS ? 1 : Math.min(defaultWorkers(), MAX_DEFAULT_WORKERS));
  if (count <= 1 || !script) {
    const { emitFiles } = await import("./index.js");
    return emitFiles(graph, options, (path) => !skip.has(path));
  }
  const tasks = Array.from({ length: count }, (_, shard): EmitTask => ({ graph, options, skip: [...skip], shard, shards: count }));
  const results = await runInWorkers<EmitTask, EmitResult>(script, tasks, count);
  const files = results.flatMap((result) => result.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: results[0]!.diagnostics };
}
