/** Worker-thread entry of parallel printing (./parallel.ts): prints one shard of the output. */
import { onTask } from "../lib/worker-pool.js";
import { emitFiles } from "./index.js";
import { shardOf } from "../lib/hash.js";
import type { EmitTask } from "./parallel.js";

onTask(({ graph, options, skip, shard, shards }: EmitTask) => {
  const skipped = new Set(skip);
  return emitFiles(graph, options, (path) => !skipped.has(path) && shardOf(path, shards) === shard);
});
