/** Worker-thread entry of the parse pool (./pool.ts): parses the batches it is sent and posts the results back. */
import { parentPort } from "node:worker_threads";
import { runParseBatch, type ParseBatch } from "./job.js";

parentPort!.on("message", (batch: ParseBatch) => {
  parentPort!.postMessage(runParseBatch(batch));
});
