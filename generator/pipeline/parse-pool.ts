/**
 * Parsing on every core: batches of files (./parse-job.ts) parsed by a pool of worker threads, put back in job order so
 * the output does not depend on scheduling. Small job lists, `workers <= 1`, and runs from TypeScript sources
 * (tests) parse in process: the result is the same.
 */
import type { ParseBatch, ParseJob, ParseJobResult } from "./parse-job.js";
import { defaultWorkers, runInWorkers, workerScript } from "./worker-pool.js";

export interface PoolOptions {
  /** Worker threads; default: one per core. 0 or 1 parse in process. */
  workers?: number | undefined;
  onProgress?: ((done: number) => void) | undefined;
}

/** Large enough to amortise messaging, small enough that the workers finish together. */
const MAX_BATCH = 100;
/** Below this many files, starting workers (about 100 ms each to load the parser) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;
const script = workerScript(new URL("./parse-worker.js", import.meta.url));

export async function parseAll(input: string, jobs: readonly ParseJob[], options: PoolOptions = {}): Promise<ParseJobResult[]> {
  // An explicit worker count is obeyed whatever the size; the default only starts workers when they pay off.
  const workers = options.workers ?? (jobs.length < MIN_FILES_FOR_WORKERS ? 1 : defaultWorkers());
  if (workers <= 1 || !script) {
    // Loaded only here: a run that parses in workers, or nothing, does not pay for loading remark (~0.2 s).
    const { runParseJob } = await import("./parse-job.js");
    const results: ParseJobResult[] = [];
    for (const job of jobs) {
      results.push(runParseJob(input, job));
      options.onProgress?.(results.length);
    }
    return results;
  }
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(jobs.length / (workers * 4))));
  const batches: ParseBatch[] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push({ input, jobs: jobs.slice(i, i + size) });
  let done = 0;
  const results = await runInWorkers<ParseBatch, ParseJobResult[]>(script, batches, workers, (batch) => options.onProgress?.((done += batch.length)));
  return results.flat();
}
