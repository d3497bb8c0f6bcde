/**
 * `generate --merge` on orq-node 4.13.19 (TS docs) with orq-python 4.13.19 (the Python docs of the same release):
 * every model paired, the Python docs' facts taken (../shared/DOCS-FORMAT.md §3.4: 3,563 nullable fields), and the
 * examples' (a list or map set to null in its doc's own example: 10 more), no error,
 * the few warnings listed with their reason; the output with compiled validators type-checks, and every doc example
 * passes under `--nulls docs`, the 48 that fail on the TS docs alone (null in fields the Python docs mark nullable)
 * included, while every mutation of them still fails at its path.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ModelGraph } from "../../generator/model/types.js";
import { loadMergedGraph } from "../../generator/pipeline/merge.js";
import { exampleCases, mutationsOf } from "../support/examples.js";
import { buildOutput, type BuiltOutput } from "../support/output.js";
import { corpusDocs } from "./corpora.js";

interface Companion {
  is(value: unknown): boolean;
  validate(value: unknown): { ok: true } | { ok: false; issues: { pointer: string; message: string }[] };
}

let graph: ModelGraph;
let diagnostics: { severity: string; code: string; file: string }[];

beforeAll(async () => {
  const python = path.join(corpusDocs("orq-python-4.13.19"), "models");
  ({ graph, diagnostics } = await loadMergedGraph(path.join(corpusDocs("orq-node-4.13.19"), "models"), python));
});

describe("--merge orq-node 4.13.19 with its Python docs", () => {
  it("pairs every model, takes the Python facts, with no error and only the listed warnings", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // Each has a reason: the Python SDK's upload objects have a content_type the TS SDK has not; retryconfig is SDK configuration.
    expect(diagnostics.map((d) => `${d.file.replace(/^.*orq-python-4\.13\.19\/docs\/models\//, "py:")} ${d.code}`)).toEqual([
      "py:createtranscriptionfile.md merge-unused-field",
      "py:createtranslationfile.md merge-unused-field",
      "py:utils/retryconfig.md skipped-file",
    ]);
    expect(graph.models.filter((model) => !model.twin)).toEqual([]);
    const fields = graph.models.flatMap((model) => (model.kind === "object" ? model.fields : []));
    expect(fields.filter((field) => field.nullable === true && field.twin?.facts?.includes("nullability"))).toHaveLength(3_563);
    // Lists and maps whose own doc example holds a null: no Type column can say so.
    expect(fields.filter((field) => field.nullableFrom === "example")).toHaveLength(10);
    expect(fields.filter((field) => field.twin?.facts?.includes("integer"))).toHaveLength(1_086);
    expect(fields.filter((field) => !field.twin)).toEqual([]);
  });

  it("type-checks with compiled validators; every doc example passes under --nulls docs, every mutation still fails at its path", () => {
    const output: BuiltOutput = buildOutput("corpus-orq-node-merged", graph);
    const companion = (id: string): Companion => {
      const dot = id.lastIndexOf(".");
      return output.module[id.slice(0, dot)]![id.slice(dot + 1)] as Companion;
    };
    const { cases, unsupported } = exampleCases(graph);
    expect(unsupported).toEqual([]);
    const failures = cases.flatMap((example) => {
      const result = companion(example.model.id).validate(example.value);
      return result.ok ? [] : [`${example.label}: ${result.issues[0]!.message}`];
    });
    console.log(`merged validators: ${cases.length - failures.length}/${cases.length} examples pass`);
    expect(cases.length).toBe(22_031);
    expect(failures.slice(0, 10)).toEqual([]);

    const models = new Map(graph.models.map((model) => [model.id, model]));
    const wrong: string[] = [];
    let count = 0;
    for (const example of cases) {
      const schema = companion(example.model.id);
      for (const mutation of mutationsOf(example, models)) {
        count++;
        const result = schema.validate(mutation.value);
        const pointers = result.ok ? [] : result.issues.map((issue) => issue.pointer);
        if (schema.is(mutation.value) || !pointers.includes(mutation.pointer)) wrong.push(`${example.label} ${mutation.kind}: expected ${mutation.pointer}, got ${JSON.stringify(pointers)}`);
      }
    }
    console.log(`merged validators: ${count} mutations rejected at their path`);
    expect(count).toBeGreaterThan(20_000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
