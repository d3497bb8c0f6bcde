/**
 * Runs tasks on a pool of worker threads: each worker takes the next task as soon as it is free, results come back
 * in task order whatever the scheduling, so callers stay deterministic. Tasks and results are plain data
 * (structured clone). The worker script answers each message with one result (see onTask). Tasks may still be on
 * their way (a promise): the workers start loading their script at once, in parallel with the caller's work.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker, parentPort } from "node:worker_threads";

export function defaultWorkers(): number {
  return os.availableParallelism();
}

/**
 * The compiled worker script beside a module (`new URL("./worker.js", import.meta.url)`), or undefined when it
 * does not exist: code run from TypeScript sources (tests) has no compiled worker and works in process.
 */
export function workerScript(url: URL): string | undefined {
  const file = fileURLToPath(url);
  return existsSync(file) ? file : undefined;
}

export async function runInWorkers<Task, Result>(
  script: string,
  pending: readonly Task[] | Promise<readonly Task[]>,
  workers: number,
  onResult?: (result: Result, index: number) => void,
): Promise<Result[]> {
  const count = pending instanceof Promise ? workers : Math.min(workers, pending.length);
  const started = Array.from({ length: count }, () => new Worker(script));
  let tasks: readonly Task[];
  try {
    tasks = await pending;
  } catch (error) {
    await Promise.all(started.map((worker) => worker.terminate()));
    throw error;
  }
  const results: Result[] = new Array(tasks.length);
  let next = 0;
  const runWorker = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let current = -1;
      let finished = false;
      const send = (): void => {
        if (next >= tasks.length) {
          finished = true;
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on("message", (result: Result) => {
        results[current] = result;
        onResult?.(result, current);
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (!finished) reject(new Error(`worker ${script} exited with code ${code}`));
      });
      send();
    });
  await Promise.all(started.map(runWorker));
  return results;
}

/** Inside a worker script: answers every task message with `handle`'s result. */
export function onTask<Task, Result>(handle: (task: Task) => Result): void {
  parentPort!.on("message", (task: Task) => parentPort!.postMessage(handle(task)));
}
