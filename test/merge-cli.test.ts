/**
 * `generate --merge` / `graph --merge` end to end: a TS doc set with its Python twin, and what the merged facts
 * (nullability, integers) become in every output: types, compiled and zod validators, JSON Schema, schema.json, diff.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonSchemaOf, jsonSchemaRef } from "../generator/emit/json-schema/index.js";
import { DEFAULT_OPTIONS } from "../generator/emit/options.js";
import type { ModelGraph } from "../generator/model/types.js";
import { loadMergedGraph } from "../generator/pipeline/merge.js";
import { runMain, snapshotFolder } from "./helpers/cli.js";
import { NO, YES, pyEnum, pyLink, pyObject, tsEnum, tsLink, tsObject, writeTree } from "./helpers/docs.js";
import { buildVariants } from "./support/output.js";
import { Ajv2020 } from "ajv/dist/2020.js";

const TS = {
  "ts/docs/models/components/usage.md": tsObject("Usage", [
    ["`promptTokens`", "*number*", YES, "N/A"],
    ["`cost`", "*number*", NO, "N/A"],
    ["`model`", "*string*", YES, "N/A"],
    ["`tier`", tsLink("components", "Tier"), NO, "N/A"],
    ["`tsOnly`", "*boolean*", NO, "N/A"],
  ]),
  "ts/docs/models/components/tier.md": tsEnum("Tier", ['"free"', '"pro"']),
};
const py = (model: string) => ({
  "py/docs/models/usage.md": pyObject("Usage", [
    ["`prompt_tokens`", "*int*", YES, "N/A"],
    ["`cost`", "*OptionalNullable[float]*", NO, "N/A"],
    ["`model`", model, YES, "N/A"],
    ["`tier`", pyLink("Tier", "OptionalNullable"), NO, "N/A"],
  ]),
  "py/docs/models/tier.md": pyEnum("Tier", ['"free"', '"pro"']),
});

let root: string;
/** `generate ts --merge py -o a`, which the tests read. */
let merged: { code: number; stderr: string };
beforeAll(async () => {
  root = await writeTree({ ...TS, ...py("*Nullable[str]*") }, "docschema-merge-");
  merged = await runMain(["generate", "ts/docs/models", "--merge", "py/docs/models", "-o", "a"], root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("generate --merge", () => {
  it("writes the merged facts into the types and validators, records them in schema.json, and warns at file:line", async () => {
    expect(merged.code).toBe(0);
    // Named from where the command runs, like every diagnostic.
    expect(merged.stderr).toContain('ts/docs/models/components/usage.md:17:3 warning: field "tsOnly" has no counterpart in models.Usage: its nullability and integers stay unknown [merge-unmatched-field]');
    const usage = await readFile(path.join(root, "a/components/usage.ts"), "utf8");
    expect(usage).toContain("  promptTokens: number;\n  cost?: number | null;\n  model: string | null;\n  tier?: Tier | null;\n  tsOnly?: boolean;");
    expect(usage).toContain("Number.isSafeInteger(x)");
    const schema = JSON.parse(await readFile(path.join(root, "a/schema.json"), "utf8")) as ModelGraph;
    expect(schema.merged).toEqual({ flavour: "python" });
    const model = schema.models.find((m) => m.id === "components.Usage");
    expect(model?.twin).toEqual({ name: "models.Usage", source: { file: "usage.md", line: 1, column: 1 } });
    expect(model?.kind === "object" && model.fields[0]).toMatchObject({ name: "promptTokens", type: { kind: "primitive", name: "integer" }, twin: { name: "prompt_tokens", facts: ["integer", "nullability"] } });
  });

  it("reads the merge input as a models folder, the docs folder holding it, or a schema.json snapshot, alike", async () => {
    await writeFile(path.join(root, "py.json"), (await runMain(["graph", "py/docs/models"], root)).stdout);
    expect((await runMain(["generate", "ts/docs/models", "--merge", "py.json", "-o", "c", "-q"], root)).code).toBe(0);
    expect(await snapshotFolder(path.join(root, "c"))).toEqual(await snapshotFolder(path.join(root, "a")));
    const graph = JSON.parse((await runMain(["graph", "ts/docs/models", "--merge", "py/docs"], root)).stdout) as ModelGraph;
    expect(graph).toEqual(JSON.parse(await readFile(path.join(root, "a/schema.json"), "utf8")));
  });

  it("exits 2 when the merge input does not exist", async () => {
    const run = await runMain(["generate", "ts/docs/models", "--merge", "nowhere", "-o", "out-missing"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('merge input "nowhere" does not exist');
  });
});

describe("merged facts in every validator", () => {
  let graph: ModelGraph;
  beforeAll(async () => {
    graph = (await loadMergedGraph(path.join(root, "ts/docs/models"), path.join(root, "py/docs/models"))).graph;
  });
  const valid = { promptTokens: 3, cost: null, model: null, tier: null };

  it("compiled and zod: null where Python says Nullable, integers only where it says int", () => {
    // Both outputs type-checked and compiled by one tsc run.
    const built = buildVariants("merge", graph, { compiled: { validators: "compiled" }, zod: { validators: "zod" } });
    for (const validators of ["compiled", "zod"] as const) {
      const { Usage } = built[validators].module.components as Record<string, { is?(v: unknown): boolean; safeParse?(v: unknown): { success: boolean } }>;
      const accepts = (value: unknown) => (Usage!.is ? Usage!.is(value) : Usage!.safeParse!(value).success);
      expect(accepts(valid)).toBe(true);
      expect(accepts({ ...valid, promptTokens: 3.5 })).toBe(false);
      expect(accepts({ ...valid, cost: 3.5 })).toBe(true);
      expect(accepts({ ...valid, tsOnly: null })).toBe(false);
    }
  });

  it("JSON Schema: integer and null alike", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile({ ...jsonSchemaOf(graph, DEFAULT_OPTIONS), $ref: jsonSchemaRef("components.Usage") });
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, promptTokens: 3.5 })).toBe(false);
    expect(validate({ ...valid, tsOnly: null })).toBe(false);
  });
});

describe("diff of merged snapshots", () => {
  it("reports a field that becomes nullable while the TS docs stay the same", async () => {
    const next = await writeTree({ ...TS, ...py("*str*") }, "docschema-merge-old-");
    try {
      await runMain(["generate", path.join(next, "ts/docs/models"), "--merge", path.join(next, "py/docs/models"), "-o", path.join(next, "out"), "-q"]);
      const diff = await runMain(["diff", path.join(next, "out/schema.json"), path.join(root, "a/schema.json"), "--format", "json"]);
      const report = JSON.parse(diff.stdout) as { summary: { breaking: number; changes: Record<string, number> } };
      expect(report.summary.changes).toEqual({ "field-nullable": 1 });
      expect(report.summary.breaking).toBe(1);
    } finally {
      await rm(next, { recursive: true, force: true });
    }
  });
});
