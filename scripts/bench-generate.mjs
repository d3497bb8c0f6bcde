#!/usr/bin/env node
/**
 * Benchmark of `docschema generate` at real scale (issue 5). Runs alone (`node scripts/bench-generate.mjs [--runs n]
 * [--corpus name] [-- extra generate flags]`) or from `npm run bench`. Needs a built CLI (`npm run build`).
 *
 * For each corpus, several rounds; each round measures two baselines in this process (read every file; plain
 * single-threaded remark + GFM parse of every file) and then spawns the CLI for each scenario:
 *   cold (empty cache, empty output) → warm (nothing changed) → one doc changed (a field added to the model most
 *   others reference) → ten docs changed.
 * Reports median and range of the wall time (node start-up included) and the peak RSS of each run, with ratios to
 * the baselines of the same rounds so they hold on a busy machine; then times `tsc --noEmit` of the output once.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { glob } from "tinyglobby";
import { unified } from "unified";
import { corpusDocs } from "./lib/corpora.mjs";
import { mostReferencedObjects, withAddedField } from "./lib/edit-docs.mjs";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/cli/main.js");
const tsc = path.join(root, "node_modules/.bin/tsc");
const TIME = "/usr/bin/time";

const args = process.argv.slice(2);
const dashDash = args.indexOf("--");
const extraFlags = dashDash >= 0 ? args.slice(dashDash + 1) : [];
const own = dashDash >= 0 ? args.slice(0, dashDash) : args;
const option = (name, fallback) => {
  const i = own.indexOf(name);
  return i >= 0 && own[i + 1] !== undefined ? own[i + 1] : fallback;
};
const runs = Number(option("--runs", "3"));
const corpora = option("--corpus", "orq-node-4.13.19,orq-python-4.13.19").split(",");
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)}s`;

/** Spawns `docschema generate` and returns its wall time (ms) and peak RSS (MB, when /usr/bin/time exists). */
function generate(input, out, cache, flags = []) {
  const command = [process.execPath, cli, "generate", input, "-o", out, "--cache-dir", cache, "--quiet", ...flags, ...extraFlags];
  const timed = existsSync(TIME);
  const started = performance.now();
  const run = timed
    ? spawnSync(TIME, ["-f", "peak-rss-kb %M", ...command], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(command[0], command.slice(1), { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`generate failed (exit ${run.status}):\n${run.stderr}`);
  const rss = /peak-rss-kb (\d+)/.exec(run.stderr ?? "");
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

function baselines(input, files) {
  let started = performance.now();
  const texts = files.map((file) => readFileSync(path.join(input, file), "utf8"));
  const readMs = performance.now() - started;
  const processor = unified().use(remarkParse).use(remarkGfm);
  started = performance.now();
  for (const text of texts) processor.parse(text);
  return { readMs, remarkMs: performance.now() - started };
}

function benchCorpus(name) {
  const work = path.join(root, ".cache/bench", name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(corpusDocs(name), path.join(work, "docs"), { recursive: true });
  const input = path.join(work, "docs/models");
  const out = path.join(work, "out");
  const cache = path.join(work, "cache");
  const python = name.includes("python");
  const files = glob("**/*.md", { cwd: input }).then((all) => all.sort());
  return files.then((list) => {
    const samples = { read: [], remark: [], cold: [], warm: [], one: [], ten: [] };
    const rss = { cold: [], warm: [], one: [], ten: [] };
    let targets;
    let originals;
    let edit = 0;
    for (let round = 0; round < runs; round++) {
      const base = baselines(input, list);
      samples.read.push(base.readMs);
      samples.remark.push(base.remarkMs);
      rmSync(out, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
      const record = (scenario, result) => {
        samples[scenario].push(result.ms);
        rss[scenario].push(result.rssMb);
      };
      record("cold", generate(input, out, cache));
      record("warm", generate(input, out, cache));
      if (!targets) {
        targets = mostReferencedObjects(JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8"))).slice(0, 10);
        originals = targets.map((t) => readFileSync(path.join(input, t.file), "utf8"));
        console.log(`  edited docs: ${targets[0].file} (${targets[0].referrers} referrers) and 9 more with ${targets[9].referrers}+`);
      }
      const change = (count) => {
        edit++;
        for (let i = 0; i < count; i++) writeFileSync(path.join(input, targets[i].file), withAddedField(originals[i], edit, python));
      };
      change(1);
      record("one", generate(input, out, cache));
      change(10);
      record("ten", generate(input, out, cache));
      targets.forEach((t, i) => writeFileSync(path.join(input, t.file), originals[i]));
      console.log(`  round ${round + 1}/${runs}: cold ${seconds(samples.cold.at(-1))}, warm ${seconds(samples.warm.at(-1))}, one ${seconds(samples.one.at(-1))}, ten ${seconds(samples.ten.at(-1))}`);
    }
    // tsc --noEmit of the output (restored docs) once, in a folder beside it so the output stays untouched.
    generate(input, out, cache);
    writeFileSync(
      path.join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: true, types: [] },
        include: ["out/**/*.ts"],
      }),
    );
    const started = performance.now();
    const typecheck = spawnSync(tsc, ["--noEmit", "-p", work], { encoding: "utf8", maxBuffer: 64 << 20 });
    const tscMs = performance.now() - started;

    const read = median(samples.read);
    const remark = median(samples.remark);
    console.log(`\n${name}: ${list.length} docs, ${runs} round(s); median [min – max]`);
    const row = (label, xs, mem) => {
      const m = median(xs);
      const ratio = `${(m / read).toFixed(1)}× read, ${((m / remark) * 100).toFixed(0)}% of remark`;
      const memText = mem ? `, peak RSS ${median(mem).toFixed(0)} MB [max ${Math.max(...mem).toFixed(0)}]` : "";
      console.log(`  ${label.padEnd(30)} ${seconds(m).padStart(7)} [${seconds(Math.min(...xs))} – ${seconds(Math.max(...xs))}]  (${ratio}${memText})`);
    };
    row("baseline (a) read every file", samples.read);
    row("baseline (b) remark+gfm 1 core", samples.remark);
    row("cold (no cache, no output)", samples.cold, rss.cold);
    row("warm (nothing changed)", samples.warm, rss.warm);
    row("one doc changed", samples.one, rss.one);
    row("ten docs changed", samples.ten, rss.ten);
    console.log(`  tsc --noEmit of the output      ${seconds(tscMs).padStart(7)} (${typecheck.status === 0 ? "no errors" : `exit ${typecheck.status}: ${typecheck.stdout.split("\n").slice(0, 3).join(" ")}`})`);
    rmSync(work, { recursive: true, force: true });
  });
}

for (const name of corpora) {
  console.log(`${name}…`);
  await benchCorpus(name);
}
