/**
 * The library API as `import … from "docschema"` gives it (generator/index.ts): plain data in and out, no writing
 * where none is asked for, and the CLI's results through the same functions.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, InputError, defineConfig, diff, emit, formatReport, generate, loadGraph, parseGraph, serializeGraph, type Config, type DiffReport, type ModelGraph } from "../generator/index.js";

const docs = path.resolve(import.meta.dirname, "../docs/models");
const work = mkdtempSync(path.join(os.tmpdir(), "docschema-api-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the library API", () => {
  it("loads a docs folder into a graph with its diagnostics, and throws InputError for a missing one", async () => {
    const { graph, diagnostics, docCount } = await loadGraph(docs);
    expect(graph.format).toBe("docschema-graph");
    expect(graph.models.length).toBe(docCount);
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(parseGraph(serializeGraph(graph))).toEqual(graph);
    await expect(loadGraph(path.join(work, "nowhere"))).rejects.toBeInstanceOf(InputError);
  });

  it("emits the files generate writes, without writing, in either output kind", async () => {
    const { graph } = await loadGraph(docs);
    const typescript = await emit(graph, { validators: "zod" });
    const schema = await emit(graph, { emit: "json-schema" });
    expect(typescript.files.find((file) => file.path === "components/choices.ts")?.content).toContain('from "zod"');
    expect(schema.files.map((file) => file.path)).toEqual([".docschema", "models.schema.json"]);
    const out = path.join(work, "out");
    const result = await generate({ input: docs, out, validators: "zod" });
    expect(result.status).toBe("written");
    expect(readFileSync(path.join(out, "components/choices.ts"), "utf8")).toBe(typescript.files.find((file) => file.path === "components/choices.ts")!.content);
    expect((await generate({ input: docs, out, validators: "zod", check: true })).status).toBe("in-sync");
    expect((await generate({ input: docs, out, check: true })).status).toBe("stale");
  });

  it("diffs two graphs (or paths) into the JSON report of the CLI", async () => {
    const { graph } = await loadGraph(docs);
    const [first, ...rest] = graph.models;
    const smaller: ModelGraph = { ...graph, models: rest };
    const report: DiffReport = await diff(graph, smaller);
    expect(report).toMatchObject({ format: "docschema-diff", version: 2, old: { label: "old" }, new: { label: "new" } });
    expect(report.models.find((model) => model.id === first!.id)?.status).toBe("removed");
    expect(JSON.parse(formatReport(report, "json"))).toEqual(report);
    const same = await diff(docs, docs);
    expect(same.summary).toMatchObject({ breaking: 0, warning: 0, info: 0 });
    expect(existsSync(path.join(work, "nowhere"))).toBe(false);
  });

  it("gives configurations their type and leaves them as they are", () => {
    const config: Config = { targets: [{ out: "a" }, { out: "b", emit: "json-schema", jsonSchema: "per-model" }], diff: { failOn: "breaking" } };
    expect(defineConfig(config)).toBe(config);
    expect(new ConfigError("x")).toBeInstanceOf(InputError);
  });
});
