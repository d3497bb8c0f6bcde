#!/usr/bin/env node
// `npm run bench`: runs every area's benchmark in turn (each script also runs alone), one process each so that
// one benchmark's heap and JIT state cannot skew the next. Extra arguments are passed to every script.
import { spawnSync } from "node:child_process";
import path from "node:path";

const benches = ["bench-generate.mjs", "bench-validators.mjs", "bench-diff.mjs", "bench-watch.mjs"];
const only = process.env.BENCH_ONLY?.split(",");
let failed = 0;
for (const script of benches) {
  if (only && !only.some((name) => script.includes(name))) continue;
  console.log(`\n=== ${script} ===`);
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, script), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error(`${script} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
