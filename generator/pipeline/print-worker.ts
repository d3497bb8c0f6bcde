/** Worker-thread entry of parallel printing (./print-pool.ts): prints one shard of the output, or the files asked for. */
import { emitFiles } from "../emit/index.js";
import { shardOf } from "./hash.js";
import type { EmitTask } from "./print-pool.js";
import { onTask } from "./worker-pool.js";

onTask(({ graph, options, skip, only, shard, shards }: EmitTask) => {
  if (only) {
    const wanted = new Set(only.paths);
    return emitFiles(graph, options, (path) => wanted.has(path), only.layout);
  }
  const skipped = new Set(skip);
  return emitFiles(graph, options, (path) => !skipped.has(path) && shardOf(path, shards) === shard);
});
