/** Worker-thread entry of the parse pool (./pool.ts). */
import { onTask } from "../lib/worker-pool.js";
import { runParseBatch } from "./job.js";

onTask(runParseBatch);
