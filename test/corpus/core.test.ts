/**
 * The core pipeline on the real corpora (../shared/DOCS-FORMAT.md §0, beside the project): every doc classified, counts by kind, no errors, no
 * unresolved references, and the generated output type-checks under strict + exactOptionalPropertyTypes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../generator/pipeline/load.js";
import type { Diagnostic, ModelKind } from "../../generator/model/types.js";
import { runCli } from "../helpers/cli.js";
import { typecheckFolder } from "../helpers/typecheck.js";
import { corpusDocs, type CorpusName } from "./corpora.js";

interface Expected {
  docs: number;
  kinds: Record<ModelKind, number>;
  namespaces: Record<string, number>;
  /** Every warning, as `file code`: each one has a reason (../shared/DOCS-FORMAT.md §2.5 for the Python retryconfig). */
  warnings: string[];
}

const CORPORA: [CorpusName, Expected][] = [
  [
    "orq-node-4.13.19",
    {
      docs: 17_929,
      kinds: { object: 8_426, enum: 8_074, union: 1_429 },
      namespaces: { components: 820, errors: 40, operations: 17_069 },
      warnings: [],
    },
  ],
  [
    "orq-python-4.13.19",
    {
      docs: 18_576,
      kinds: { object: 8_426, enum: 8_721, union: 1_429 },
      namespaces: { models: 18_576 },
      // SDK configuration doc in another layout, not a model: skipped with a warning.
      warnings: ["utils/retryconfig.md skipped-file"],
    },
  ],
];

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)}s`;
const show = (diagnostics: Diagnostic[]): string => diagnostics.slice(0, 20).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`).join("\n");

describe.each(CORPORA)("%s", (name, expected) => {
  it("every doc is classified, counts by kind, no errors and no unresolved references", async () => {
    const input = path.join(corpusDocs(name), "models");
    const started = performance.now();
    const loaded = await loadGraph(input);
    const parseTime = seconds(started);

    const kinds: Record<ModelKind, number> = { object: 0, enum: 0, union: 0 };
    const namespaces: Record<string, number> = {};
    for (const model of loaded.graph.models) {
      kinds[model.kind]++;
      namespaces[model.namespace] = (namespaces[model.namespace] ?? 0) + 1;
    }
    console.log(`${name}: ${loaded.docCount} docs → ${loaded.graph.models.length} models (${kinds.object} objects, ${kinds.enum} enums, ${kinds.union} unions), ${loaded.diagnostics.length} diagnostic(s), parsed and resolved in ${parseTime}`);

    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    expect(errors, show(errors)).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.code === "unresolved-ref" || d.code === "broken-link")).toEqual([]);
    expect(loaded.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(expected.warnings);
    // Every listed doc became a model: none unclassified, none dropped.
    expect(loaded.docCount).toBe(expected.docs);
    expect(loaded.graph.models).toHaveLength(expected.docs);
    expect(kinds).toEqual(expected.kinds);
    expect(namespaces).toEqual(expected.namespaces);
    expect(loaded.graph.flavour).toBe(name.includes("python") ? "python" : "typescript");
  });

  it("generates through the CLI, and the output type-checks with tsc 7 (strict, exactOptionalPropertyTypes)", async () => {
    const input = path.join(corpusDocs(name), "models");
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), `docschema-${name}-`)), "generated");
    temps.push(path.dirname(out));

    let started = performance.now();
    const run = await runCli(["generate", input, "-o", out]);
    expect(run.stderr, run.stderr.slice(0, 4000)).toContain(`${expected.docs} models (${expected.kinds.object} objects, ${expected.kinds.enum} enums, ${expected.kinds.union} unions)`);
    expect(run.code).toBe(0);
    console.log(`${name}: docschema generate in ${seconds(started)}: ${run.stderr.trim().split("\n").pop()}`);

    started = performance.now();
    const result = await typecheckFolder(out);
    console.log(`${name}: tsc --noEmit over the output in ${seconds(started)}`);
    expect(result.output.slice(0, 4000)).toBe("");
    expect(result.ok).toBe(true);
  });
});
