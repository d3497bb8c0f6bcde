#!/usr/bin/env node
/**
 * Times `docschema diff` on the real pair orq-node 4.13.14 → 4.13.19 against its targets (issue 4):
 *   - both sides parsed from markdown: no slower than one cold `generate` of one release;
 *   - two schema.json snapshots: under one second.
 * Run alone: `node scripts/bench-diff.mjs` (builds dist/ first; needs ../shared/corpora). Exits 1 when a target is missed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const corpora = process.env.DOCSCHEMA_CORPORA ?? path.resolve(root, "../shared/corpora");
const cli = path.join(root, "dist/cli/main.js");

/** The models folder of a corpus, unpacked once into .cache/corpora like the corpus tests do. */
function corpusModels(name) {
  const target = path.join(root, ".cache/corpora", name);
  if (!existsSync(path.join(target, "docs"))) {
    const tarball = path.join(corpora, `${name}.tar.gz`);
    if (!existsSync(tarball)) throw new Error(`corpus ${tarball} is missing`);
    const staging = `${target}.tmp-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", staging]);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  return path.join(target, "docs/models");
}

/** Runs the CLI in the scratch folder (so no cache of an earlier run is found: every run is cold); returns seconds. */
function time(args, { stdout } = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: scratch, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`docschema ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  if (stdout) writeFileSync(stdout, result.stdout);
  return seconds;
}

/** CPU seconds of diffGraphs alone (matching, comparing, classifying) on two snapshots, in a fresh process, as the CLI runs it once. */
function diffCpu(before, after) {
  const script = `
    import { readFileSync } from "node:fs";
    const { parseGraph } = await import(${JSON.stringify(path.join(root, "dist/model/json.js"))});
    const { diffGraphs } = await import(${JSON.stringify(path.join(root, "dist/diff/index.js"))});
    const [a, b] = [${JSON.stringify(before)}, ${JSON.stringify(after)}].map((file) => parseGraph(readFileSync(file, "utf8")));
    const start = process.cpuUsage();
    diffGraphs(a, b);
    const { user, system } = process.cpuUsage(start);
    process.stdout.write(String((user + system) / 1e6));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
const before = corpusModels("orq-node-4.13.14");
const after = corpusModels("orq-node-4.13.19");
const scratch = mkdtempSync(path.join(tmpdir(), "docschema-bench-diff-"));
try {
  const generate = time(["generate", after, "-o", path.join(scratch, "out"), "-q"]);
  const fromDocs = time(["diff", before, after, "--format", "json"], { stdout: path.join(scratch, "report.json") });
  time(["graph", before], { stdout: path.join(scratch, "old.json") });
  time(["graph", after], { stdout: path.join(scratch, "new.json") });
  // Best of three: the snapshot diff is short enough for scheduling noise to matter.
  const fromSnapshots = Math.min(...[1, 2, 3].map(() => time(["diff", path.join(scratch, "old.json"), path.join(scratch, "new.json"), "--format", "json"])));
  const compare = Math.min(...[1, 2, 3].map(() => diffCpu(path.join(scratch, "old.json"), path.join(scratch, "new.json"))));

  const rows = [
    ["cold generate (orq-node-4.13.19)", generate, ""],
    ["diff from markdown (4.13.14 → 4.13.19)", fromDocs, fromDocs <= generate ? "ok: ≤ generate" : "MISSED: slower than generate"],
    ["diff from two snapshots", fromSnapshots, fromSnapshots < 1 ? "ok: < 1 s" : "MISSED: ≥ 1 s"],
    ["  of which diffGraphs (CPU, match + compare)", compare, ""],
  ];
  for (const [what, seconds, verdict] of rows) console.log(`${what.padEnd(42)} ${seconds.toFixed(2).padStart(7)} s  ${verdict}`);
  process.exitCode = rows.some(([, , verdict]) => verdict.startsWith("MISSED")) ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
