/**
 * Printing on every core: the emitter (a black box, `emitFiles(graph, include)`) runs in worker threads, each on
 * a shard of the output paths, and the files are merged back in path order, byte for byte what one thread prints.
 * Few files, `workers <= 1`, or runs from TypeScript sources print in process.
 */
import type { EmitResult } from "../emit/index.js";
import type { Layout } from "../emit/layout.js";
import type { EmitOptions } from "../emit/options.js";
import { compareIds, referencesOf } from "../model/type-expr.js";
import type { Model, ModelGraph, ModelId } from "../model/types.js";
import { defaultWorkers, runInWorkers, workerScript } from "./worker-pool.js";

export interface EmitTask {
  graph: ModelGraph;
  options: EmitOptions;
  /** Output paths not to print. */
  skip: string[];
  /** When set, print only these paths, laid out by `layout` (see emitFiles). */
  only?: { paths: string[]; layout: Layout };
  shard: number;
  shards: number;
}

/** Below this many files, loading ts-morph in each worker (about a second) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 2000;
/** Each worker holds a copy of the graph and its own ts-morph (a few hundred MB at real scale): bound the memory. */
const MAX_DEFAULT_WORKERS = 4;
const script = workerScript(new URL("./print-worker.js", import.meta.url));

export async function emitInParallel(graph: ModelGraph, options: EmitOptions, skip: ReadonlySet<string>, workers?: number): Promise<EmitResult> {
  const count = workers ?? (graph.models.length - skip.size < MIN_FILES_FOR_WORKERS ? 1 : Math.min(defaultWorkers(), MAX_DEFAULT_WORKERS));
  if (count <= 1 || !script) {
    const { emitFiles } = await import("../emit/index.js");
    return emitFiles(graph, options, (path) => !skip.has(path));
  }
  const tasks = Array.from({ length: count }, (_, shard): EmitTask => ({ graph, options, skip: [...skip], shard, shards: count }));
  const results = await runInWorkers<EmitTask, EmitResult>(script, tasks, count);
  const files = results.flatMap((result) => result.files).sort((a, b) => compareIds(a.path, b.path));
  return { files, diagnostics: results[0]!.diagnostics };
}

/**
 * One worker that starts loading the emitter (ts-morph: about half a second) now and prints later, for an
 * incremental run that knows what to print only once it has read the docs. Give it files to print, or cancel it.
 */
export interface Printer {
  /** Prints the files at `paths` (model files and barrels) with the layout of the whole graph. */
  print(graph: ModelGraph, layout: Layout, options: EmitOptions, paths: string[]): Promise<EmitResult>;
  cancel(): void;
}

export function startPrinter(): Printer | undefined {
  if (!script) return undefined;
  let give!: (tasks: EmitTask[]) => void;
  const results = runInWorkers<EmitTask, EmitResult>(script, new Promise<EmitTask[]>((resolve) => (give = resolve)), 1);
  results.catch(() => undefined); // reported by print(); a cancelled printer's failure does not matter
  return {
    print(graph, layout, options, paths) {
      const part = partFor(graph, layout, paths);
      give([{ graph: part.graph, options, skip: [], only: { paths, layout: part.layout }, shard: 0, shards: 1 }]);
      return results.then(([result]) => result!);
    },
    cancel: () => give([]),
  };
}

/**
 * What the files at `paths` are made from: their models and the models those reference, with the whole graph's
 * file names; a worker needs no more to print them. A namespace barrel lists its whole namespace: then everything.
 */
function partFor(graph: ModelGraph, layout: Layout, paths: readonly string[]): { graph: ModelGraph; layout: Layout } {
  if (paths.some((path) => path.endsWith("/index.ts"))) return { graph, layout };
  const wanted = new Set(paths);
  const ids = new Set<ModelId>();
  for (const model of graph.models) {
    if (!wanted.has(layout.files.get(model.id) ?? "")) continue;
    ids.add(model.id);
    for (const id of referencesOf(model)) ids.add(id);
  }
  const models = graph.models.filter((model) => ids.has(model.id));
  const files = new Map(models.flatMap((model): [ModelId, string][] => (layout.files.has(model.id) ? [[model.id, layout.files.get(model.id)!]] : [])));
  return { graph: { ...graph, models }, layout: { namespaces: layout.namespaces, files, models: new Map(models.map((model): [ModelId, Model] => [model.id, model])) } };
}
