/** Worker-thread entry of the parse pool (./parse-pool.ts). */
import { runParseBatch } from "./parse-job.js";
import { onTask } from "./worker-pool.js";

onTask(runParseBatch);
