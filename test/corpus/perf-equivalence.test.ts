/**
 * At real scale, every path to the output gives the same bytes: cold single-threaded without cache, cold on all
 * cores with a cache, warm (which must not touch a file), and incremental after editing the most referenced doc.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mostReferencedObjects, withAddedField } from "../../scripts/lib/edit-docs.mjs";
import { buildCli, mtimes, readTree, runGenerate } from "../helpers/generate-run.js";
import { corpusDocs } from "./corpora.js";

let work: string;
let input: string;

/** Paths whose content differs between two trees, or that only one has. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((file) => a.get(file) !== b.get(file)).sort();
}

function coldSingleThreaded(): Map<string, string> {
  const out = path.join(work, `reference-${Date.now()}`);
  const run = runGenerate(input, out, ["--no-cache", "--workers", "1", "--quiet"]);
  expect(run.status, run.stderr).toBe(0);
  const tree = readTree(out);
  rmSync(out, { recursive: true });
  return tree;
}

beforeAll(() => {
  buildCli();
  work = mkdtempSync(path.join(os.tmpdir(), "docschema-perf-corpus-"));
  cpSync(corpusDocs("orq-node-4.13.19"), path.join(work, "docs"), { recursive: true });
  input = path.join(work, "docs/models");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("orq-node-4.13.19: output is the same whichever path produced it", () => {
  it("cold with 1 worker = cold with all cores and a cache = warm = incremental after an edit", () => {
    const reference = coldSingleThreaded();
    expect(reference.size).toBeGreaterThan(17_000);

    const out = path.join(work, "out");
    const cacheDir = path.join(work, "cache");
    const generate = (): string => {
      const run = runGenerate(input, out, ["--cache-dir", cacheDir, "--verbose"]);
      expect(run.status, run.stderr).toBe(0);
      return run.stderr;
    };
    generate();
    expect(differences(readTree(out), reference)).toEqual([]);

    const before = mtimes(out);
    expect(generate()).toMatch(/ 0\/\d+ docs parsed .* 0 written, 0 removed/);
    expect(mtimes(out)).toEqual(before);

    const target = mostReferencedObjects(JSON.parse(reference.get("schema.json")!))[0]!;
    expect(target.referrers).toBeGreaterThan(10);
    const file = path.join(input, target.file);
    writeFileSync(file, withAddedField(readFileSync(file, "utf8"), 1));
    expect(generate()).toMatch(/ 1\/\d+ docs parsed/);
    const edited = coldSingleThreaded();
    expect(differences(readTree(out), edited)).toEqual([]);
    expect(differences(reference, edited)).toEqual([target.file.replace(/\.md$/, ".ts"), "schema.json"].sort());
  });
});
