#!/usr/bin/env node
/**
 * Benchmark of `docschema generate --watch` (issue 12): the time from one doc edit to the output updated, on a copy
 * of orq-node-4.13.19 (17,929 docs). Runs alone (`node scripts/bench-watch.mjs [--runs n] [--corpus name]`) or from
 * `npm run bench`; needs a built CLI (`npm run build`).
 *
 * Starts the CLI in watch mode as a child process (a cache folder kept in .cache/bench-watch, so reruns start
 * warm), waits for it to watch, then, round after round, adds a field to a doc and polls the model's output file
 * (every 2 ms) until it holds the field: the output folder is swapped in whole, so the file shows the field only
 * once the update is done. Two edits per round: a leaf model (no referrers) and the object model most others
 * reference (its referrers' files are printed again). Prints median and range of each, then stops the session
 * with SIGINT and checks that nothing is left beside the output.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { corpusDocs } from "./lib/corpora.mjs";
import { mostReferencedObjects, withAddedField } from "./lib/edit-docs.mjs";
import { planLayout } from "../dist/emit/layout.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/cli/main.js");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option("--runs", "10"));
const corpus = option("--corpus", "orq-node-4.13.19");
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);

const work = path.join(root, ".cache/bench-watch", corpus);
const docs = path.join(work, "docs");
const out = path.join(work, "generated");
const cache = path.join(work, "cache");
// A fresh copy of the docs every time (the edits accumulate); output and cache stay for a warm start.
rmSync(docs, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(corpusDocs(corpus), docs, { recursive: true });
const models = path.join(docs, "models");

console.log(`watch benchmark on ${corpus}: starting the session (the first run may take a while)…`);
const startedAt = performance.now();
const child = spawn(process.execPath, [cli, "generate", models, "-o", out, "--cache-dir", cache, "--watch"], { env: { ...process.env, NO_COLOR: "1" } });
let log = "";
// Whatever happens to this script, the session must not outlive it (it holds the output's lock).
process.on("exit", () => child.kill("SIGINT"));
child.stdout.on("data", (chunk) => (log += chunk));
child.stderr.on("data", (chunk) => (log += chunk));
while (!log.includes("watching")) {
  if (child.exitCode !== null) throw new Error(`watch exited (${child.exitCode}):\n${log}`);
  await sleep(50);
}
console.log(`  watching after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
// The spare folder is built in the background after the start: let it finish, as it does while the user reads.
await sleep(5000);

const graph = JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8"));
const ranked = mostReferencedObjects(graph);
const hub = ranked[0];
const leaf = ranked.findLast((model) => model.referrers === 0 && !model.file.includes("/index"));
const { layout } = planLayout(graph);
const outputFile = (docFile) => path.join(out, layout.files.get(graph.models.find((model) => model.source.file === docFile).id));

function readIfThere(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

async function edit(docFile, n) {
  const file = path.join(models, docFile);
  const target = outputFile(docFile);
  const started = performance.now();
  writeFileSync(file, withAddedField(readFileSync(file, "utf8"), n));
  const field = `benchField${n}`;
  for (;;) {
    // The output folder is swapped in with two renames: for an instant it is not there.
    if (readIfThere(target).includes(field)) return performance.now() - started;
    if (performance.now() - started > 60_000) throw new Error(`no update after 60 s for ${docFile}:\n${log.slice(-2000)}`);
    await sleep(2);
  }
}

const times = { leaf: [], hub: [] };
for (let round = 0; round < runs; round++) {
  times.leaf.push(await edit(leaf.file, round * 2));
  await sleep(300);
  times.hub.push(await edit(hub.file, round * 2 + 1));
  await sleep(300);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (xs) => `median ${median(xs).toFixed(0)} ms [${Math.min(...xs).toFixed(0)} – ${Math.max(...xs).toFixed(0)}]`;
console.log(`  leaf model (${leaf.file}, no referrers): ${show(times.leaf)} over ${runs} edits`);
console.log(`  most referenced object (${hub.file}, ${hub.referrers} referrers): ${show(times.hub)} over ${runs} edits`);

child.kill("SIGINT");
await new Promise((resolve) => child.on("close", resolve));
const left = readdirSync(work).filter((name) => name.includes(".docschema"));
console.log(`  stopped with SIGINT (exit ${child.exitCode}); left beside the output: ${left.length ? left.join(", ") : "nothing"}`);
if (left.length > 0 || child.exitCode !== 0) process.exit(1);
