/**
 * Parsing on every core: a pool of worker threads, each parsing batches of files (./job.ts) and returning plain
 * results. Batches are handed out as workers free up; results are put back in job order, so the output does not
 * depend on scheduling. Small job lists, `workers <= 1`, and runs from TypeScript sources (tests, where no compiled
 * worker exists) parse in process: the result is the same.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runParseJob, type ParseBatch, type ParseJob, type ParseJobResult } from "./job.js";

export interface PoolOptions {
  /** Worker threads; default: one per core. 0 or 1 parse in process. */
  workers?: number | undefined;
  onProgress?: ((done: number) => void) | undefined;
}

/** Large enough to amortise messaging, small enough that the workers finish together. */
const MAX_BATCH = 100;
/** Below this many files, starting workers (about 100 ms each to load the parser) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const workerScript = fileURLToPath(new URL("./worker.js", import.meta.url));

export function defaultWorkers(): number {
  return os.availableParallelism();
}

export async function parseAll(input: string, root: string, jobs: readonly ParseJob[], options: PoolOptions = {}): Promise<ParseJobResult[]> {
  // An explicit worker count is obeyed whatever the size; the default only starts workers when they pay off.
  const requested = options.workers ?? (jobs.length < MIN_FILES_FOR_WORKERS ? 1 : defaultWorkers());
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(jobs.length / (requested * 4))));
  const batches: ParseBatch[] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push({ input, root, jobs: jobs.slice(i, i + size) });
  const workers = Math.min(requested, batches.length);
  if (workers <= 1 || !existsSync(workerScript)) {
    const results: ParseJobResult[] = [];
    for (const job of jobs) {
      results.push(runParseJob(input, root, job));
      options.onProgress?.(results.length);
    }
    return results;
  }
  const results: ParseJobResult[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerScript);
      let current = -1;
      const send = (): void => {
        if (next >= batches.length) {
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        current = next++;
        worker.postMessage(batches[current]);
      };
      worker.on("message", (batch: ParseJobResult[]) => {
        results[current] = batch;
        done += batch.length;
        options.onProgress?.(done);
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (next < batches.length || results[current] === undefined) reject(new Error(`parse worker exited with code ${code}`));
      });
      send();
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  return results.flat();
}
