/** Worker-thread entry of parallel printing (./parallel.ts): prints one shard of the output, or the files asked for. */
import { onTask } from "../lib/worker-pool.js";
import { emitFiles } from "./index.js";
import { shardOf } from "../lib/hash.js";
import type { EmitTask } from "./parallel.js";

onTask(({ graph, options, skip, only, shard, shards }: EmitTask) => {
  if (only) {
    const wanted = new Set(only.paths);
    return emitFiles(graph, options, (path) => wanted.has(path), only.layout);
  }
  const skipped = new Set(skip);
  return emitFiles(graph, options, (path) => !skipped.has(path) && shardOf(path, shards) === shard);
});
