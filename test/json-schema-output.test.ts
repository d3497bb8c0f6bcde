/**
 * `generate --emit json-schema` agrees with the compiled validators: every example of the docs (and every value
 * derived from one) that the compiled validators accept, ajv accepts under the written JSON Schema, as one document
 * and as one file per model, under the same options. And keys read from docs stay keys (`__proto__`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonSchemaOf, jsonSchemaRef } from "../generator/emit/json-schema/index.js";
import { jsonSchemaFiles } from "../generator/emit/json-schema/files.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../generator/emit/options.js";
import type { ModelGraph } from "../generator/model/types.js";
import { loadGraph } from "../generator/pipeline/load.js";
import { exampleCases, mutationsOf } from "./support/examples.js";
import { buildVariants, type BuiltOutput } from "./support/output.js";
import { generateInProcess, readTree } from "./helpers/generate-run.js";

const docs = path.resolve(import.meta.dirname, "../docs/models");
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
let graph: ModelGraph;
let work: string;

beforeAll(async () => {
  graph = (await loadGraph(docs)).graph;
  work = mkdtempSync(path.join(os.tmpdir(), "docschema-json-schema-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** ajv validators of each model id, from the files `generate --emit json-schema` wrote with `flags`. */
async function ajvFromCli(layout: "bundle" | "per-model", flags: string[]): Promise<(id: string) => (value: unknown) => boolean> {
  const out = path.join(work, `${layout}-${flags.join("")}`);
  const run = await generateInProcess(docs, out, ["--emit", "json-schema", "--json-schema", layout, "--no-cache", ...flags]);
  expect(run.status, run.stderr).toBe(0);
  const files = readTree(out);
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  if (layout === "bundle") {
    expect([...files.keys()]).toEqual([".docschema", "models.schema.json"]);
    ajv.addSchema(JSON.parse(files.get("models.schema.json")!), "bundle");
    return (id) => ajv.getSchema(`bundle${jsonSchemaRef(id)}`)!;
  }
  for (const [file, text] of files) if (file.endsWith(".schema.json")) ajv.addSchema(JSON.parse(text));
  return (id) => {
    const model = graph.models.find((m) => m.id === id)!;
    const file = [...files.keys()].find((f) => f === `${model.namespace}/${model.name.toLowerCase()}.schema.json`)!;
    return ajv.getSchema(file)!;
  };
}

describe("generate --emit json-schema", () => {
  const optionSets: [string, Partial<EmitOptions>, string[]][] = [
    ["default options", {}, []],
    ["--unknown-keys reject --nulls unstated", { unknownKeys: "reject", nulls: "unstated" }, ["--unknown-keys", "reject", "--nulls", "unstated"]],
  ];
  // The compiled validators under both option sets, type-checked and compiled by one tsc run.
  let built: Record<string, BuiltOutput>;
  beforeAll(() => {
    built = buildVariants("json-schema-agreement", graph, Object.fromEntries(optionSets.map(([, options, flags]) => [`options-${flags.length}`, options])));
  });
  for (const [label, , flags] of optionSets) {
    it(`accepts every value the compiled validators accept (${label}), as one document and per model`, async () => {
      const compiled = built[`options-${flags.length}`]!;
      const isValid = (id: string, value: unknown): boolean => {
        const dot = id.lastIndexOf(".");
        return (compiled.module[id.slice(0, dot)]![id.slice(dot + 1)] as { is(v: unknown): boolean }).is(value);
      };
      const models = new Map(graph.models.map((model) => [model.id, model]));
      const values = exampleCases(graph).cases.flatMap((example) => [
        { id: example.model.id, label: example.label, value: example.value },
        ...mutationsOf(example, models).map((mutation) => ({ id: example.model.id, label: `${example.label} ${mutation.kind}`, value: mutation.value })),
      ]);
      const accepted = values.filter(({ id, value }) => isValid(id, value));
      expect(accepted.length).toBeGreaterThan(20);
      expect(accepted.length).toBeLessThan(values.length); // the mutations are rejected: the check can fail
      for (const layout of ["bundle", "per-model"] as const) {
        const validator = await ajvFromCli(layout, flags);
        const disagree = accepted.filter(({ id, value }) => !validator(id)(json(value))).map(({ label }) => label);
        expect(disagree, layout).toEqual([]);
      }
    });
  }

  it("writes per-model documents that refer to each other by relative path, with their path as $id", () => {
    const files = jsonSchemaFiles(graph, DEFAULT_OPTIONS, "per-model").files;
    const choices = JSON.parse(files.find((file) => file.path === "components/choices.schema.json")!.content) as Record<string, unknown>;
    expect(choices).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: "components/choices.schema.json", title: "Choices" });
    expect(JSON.stringify(choices)).toContain('"$ref":"./finishreason.schema.json"');
    expect(files.map((file) => file.path)).toContain(".docschema");
  });
});

describe("keys read from the docs", () => {
  it("stay keys: a field named __proto__ is a property, not a prototype", () => {
    const at = { file: "components/odd.md", line: 1, column: 1 };
    const odd: ModelGraph = {
      format: "docschema-graph",
      version: 1,
      flavour: "typescript",
      models: [{ kind: "object", id: "components.Odd", name: "Odd", namespace: "components", source: at, fields: [{ name: "__proto__", type: { kind: "primitive", name: "string" }, required: true, source: at }, { name: "constructor", type: { kind: "primitive", name: "number" }, required: false, source: at }] }],
    };
    const document = JSON.parse(JSON.stringify(jsonSchemaOf(odd, DEFAULT_OPTIONS))) as { $defs: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    const schema = document.$defs["components.Odd"]!;
    expect(Object.keys(schema.properties)).toEqual(["__proto__", "constructor"]);
    expect(schema.properties["__proto__"]).toEqual({ type: "string" });
    const perModel = jsonSchemaFiles(odd, DEFAULT_OPTIONS, "per-model").files.find((file) => file.path === "components/odd.schema.json")!;
    expect(Object.keys((JSON.parse(perModel.content) as { properties: object }).properties)).toEqual(["__proto__", "constructor"]);
  });
});
