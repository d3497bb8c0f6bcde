/**
 * The library API as `import … from "docschema"` gives it (generator/index.ts): plain data in and out, no writing
 * where none is asked for, and the CLI's results through the same functions.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  InputError,
  defineConfig,
  diff,
  emit,
  formatReport,
  generate,
  loadGraph,
  parseGraph,
  resolveTargets,
  serializeGraph,
  watch,
  type Config,
  type DiffReport,
  type ModelGraph,
} from "../generator/index.js";

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
    // A second release of the same flavour merges model for model: every model has its twin.
    const merged = await loadGraph(docs, { merge: docs });
    expect(merged.graph.merged).toEqual({ flavour: "typescript" });
    expect(merged.graph.models.every((model) => model.twin !== undefined)).toBe(true);
    await expect(loadGraph(docs, { merge: path.join(work, "nowhere") })).rejects.toThrow(/merge input ".*nowhere" does not exist/);
  });

  it("refuses to watch a merged target (the session would not keep the merge up to date)", async () => {
    const target = { input: docs, out: path.join(work, "watched"), merge: docs } as const;
    await expect(watch(resolveTargets(undefined, target), { onEvent: () => {} })).rejects.toThrow(/watch mode does not support merge yet/);
    expect(existsSync(target.out)).toBe(false);
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
    // The policy of the configuration file: an excluded rule is left out, and counted.
    const excluded = await diff(graph, smaller, { policy: { exclude: ["model-removed"] } });
    expect(excluded.models.find((model) => model.id === first!.id)).toBeUndefined();
    expect(excluded.summary.ignored.excluded).toBeGreaterThan(0);
    expect(existsSync(path.join(work, "nowhere"))).toBe(false);
  });

  it("gives configurations their type and leaves them as they are", () => {
    const config: Config = { targets: [{ out: "a" }, { out: "b", emit: "json-schema", jsonSchema: "per-model" }], diff: { failOn: "breaking" } };
    expect(defineConfig(config)).toBe(config);
    expect(new ConfigError("x")).toBeInstanceOf(InputError);
  });
});
