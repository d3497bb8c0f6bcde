/**
 * docschema's types against the SDK's own, model by model, with the fidelity harness (../shared/tools/fidelity, read
 * its README). The harness is copied once into .cache/fidelity/harness and installed there (it has its own TypeScript
 * and zod); a missing harness or corpus throws: the figures must never pass without them. Shared by
 * scripts/fidelity.mjs (prints the figures) and test/corpus/fidelity.test.ts (pins them).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { corpusDocs, corpusSource } from "./corpora.mjs";

const root = path.resolve(import.meta.dirname, "../..");
export const HARNESS = process.env.DOCSCHEMA_FIDELITY ?? path.resolve(root, "../shared/tools/fidelity");
const work = path.join(root, ".cache/fidelity");

/** The installed copy of the harness. */
function harness() {
  if (!existsSync(path.join(HARNESS, "bin/fidelity.mjs"))) {
    throw new Error(`fidelity harness ${HARNESS} is missing: the fidelity figures need ../shared/tools/fidelity (or DOCSCHEMA_FIDELITY)`);
  }
  const copy = path.join(work, "harness");
  const lock = (folder) => (existsSync(path.join(folder, "package-lock.json")) ? readFileSync(path.join(folder, "package-lock.json"), "utf8") : "");
  if (!existsSync(path.join(copy, "node_modules")) || lock(copy) !== lock(HARNESS)) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(HARNESS, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    execFileSync("chmod", ["-R", "u+w", copy]); // the shared copy may be read-only
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], { cwd: copy, stdio: "inherit" });
  }
  return copy;
}

/** `docschema generate` (types only) into .cache/fidelity/<name>; `args` come after the input. */
function generate(name, input, args = []) {
  const out = path.join(work, name);
  execFileSync(process.execPath, [path.join(root, "dist/cli/main.js"), "generate", input, ...args, "-o", out, "--validators", "none", "--no-cache", "--quiet"], {
    stdio: "inherit",
  });
  return out;
}

/** One harness run: its JSON report (`runs[0]`: summary and every model's status and differences). */
function compare(ours, theirs, docs, mode) {
  const json = path.join(work, `${path.basename(ours)}-${mode}.json`);
  execFileSync(process.execPath, [path.join(harness(), "bin/fidelity.mjs"), "compare", "--ours", ours, "--theirs", theirs, "--docs", docs, "--mode", mode, "--json", json, "--quiet"], {
    stdio: ["ignore", "ignore", "inherit"],
    maxBuffer: 1 << 30,
  });
  return JSON.parse(readFileSync(json, "utf8")).runs[0];
}

/**
 * orq-node 4.13.19: the TS docs alone in modulo-null mode (the TS docs never state null), and merged with the
 * Python docs of the same release (`--merge`) in exact mode. Returns both runs and where the merged output is.
 */
export function measureFidelity() {
  harness();
  const docs = path.join(corpusDocs("orq-node-4.13.19"), "models");
  const python = path.join(corpusDocs("orq-python-4.13.19"), "models");
  const theirs = corpusSource("orq-node-src-4.13.19");
  const ts = generate("ts", docs);
  const merged = generate("merged", docs, ["--merge", python]);
  return { moduloNull: compare(ts, theirs, docs, "modulo-null"), exact: compare(merged, theirs, docs, "exact"), merged };
}
