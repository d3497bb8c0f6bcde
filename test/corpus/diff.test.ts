/**
 * The real pair orq-node 4.13.14 → 4.13.19: 92 model docs differ (11 added, 81 changed). Two of the 81 changed
 * only their Example Usage (timestamps), which the diff must not report; the other 79 are the changes
 * ../shared/DOCS-FORMAT.md §8 lists, checked by hand on a sample below. The SDK vendor's own changelog of 4.13.19
 * (computed from the OpenAPI specs) is the independent check of the report per SDK method.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../../generator/diff/format/index.js";
import { diffGraphs } from "../../generator/diff/index.js";
import type { DiffReport } from "../../generator/diff/types.js";
import { serializeGraph } from "../../generator/model/json.js";
import { compareIds, mapRefs } from "../../generator/model/type-expr.js";
import type { Model, ModelGraph, TypeExpr } from "../../generator/model/types.js";
import { loadGraph, type LoadedGraph } from "../../generator/pipeline/load.js";
import { CORPORA, corpusDocs } from "./corpora.js";

let report: DiffReport;
let newGraph: ModelGraph;
let seededOld: LoadedGraph;
let oldModels: string;
let newModels: string;

beforeAll(async () => {
  oldModels = path.join(corpusDocs("orq-node-4.13.14"), "models");
  newModels = path.join(corpusDocs("orq-node-4.13.19"), "models");
  // As `docschema diff` reads them: the new side in full, the old side seeded with the new side's parses.
  const after = await loadGraph(newModels);
  newGraph = after.graph;
  const before = (seededOld = await loadGraph(oldModels, { seed: after.parses }));
  report = diffGraphs(before.graph, after.graph, { labels: { old: "orq-node-4.13.14", new: "orq-node-4.13.19" } });
  const markdown = formatReport(report, "markdown");
  // The summary (everything before the per-model details), for the record.
  console.log(markdown.slice(0, markdown.indexOf("\n### ")));
});

describe("diff orq-node 4.13.14 → 4.13.19", () => {
  it("reads the old side seeded with the new side's parses exactly as alone, parsing only its 81 docs that differ", async () => {
    const alone = await loadGraph(oldModels);
    expect(seededOld.parsedCount).toBe(81);
    expect(serializeGraph(seededOld.graph)).toBe(serializeGraph(alone.graph));
    expect(seededOld.diagnostics).toEqual(alone.diagnostics);
  });

  it("reports every model doc that changed in substance: 11 added, 79 changed, and the 2 example-only edits not at all", async () => {
    const files = async (root: string) => new Set(await glob("**/*.md", { cwd: root }));
    const [oldFiles, newFiles] = await Promise.all([files(oldModels), files(newModels)]);
    const added = [...newFiles].filter((f) => !oldFiles.has(f));
    const changed: string[] = [];
    for (const file of newFiles) {
      if (oldFiles.has(file) && (await readFile(path.join(oldModels, file), "utf8")) !== (await readFile(path.join(newModels, file), "utf8"))) changed.push(file);
    }
    expect([added.length, changed.length]).toEqual([11, 81]);

    expect(report.summary.models).toEqual({ added: 11, removed: 0, renamed: 0, changed: 79 });
    // Every change is located in its model's own doc.
    const reported = new Set(report.models.flatMap((m) => m.changes.map((c) => c.source.file)));
    expect(added.filter((f) => !reported.has(f))).toEqual([]);
    expect(changed.filter((f) => !reported.has(f)).sort()).toEqual(["operations/getalltoolsresponsebody.md", "operations/getevalsresponsebody.md"]);
  });

  it("counts the changes by kind and severity", () => {
    expect(report.directions).toBe("operations");
    expect([report.old.operations, report.new.operations]).toEqual([251, 254]);
    expect(report.summary).toMatchObject({
      breaking: 17,
      warning: 0,
      info: 108,
      operations: { added: 3, removed: 0, changed: 29 },
      changes: { "description-changed": 54, "enum-value-added": 28, "field-added": 29, "model-added": 11, "operation-added": 3 },
    });
    expect(report.semver).toBe("major");
    // TS docs alone: the diff says what it cannot see.
    expect(report.unseen).toEqual(["nullability", "integers"]);
    const count = (kind: string, predicate: (m: DiffReport["models"][number]) => boolean = () => true) =>
      report.models.filter((m) => predicate(m) && m.changes.some((c) => c.kind === kind)).length;
    // "max" added to 28 enums: 17 read in responses (breaking), 11 sent in requests (info).
    expect([count("enum-value-added", (m) => m.direction === "response" && m.severity === "breaking"), count("enum-value-added", (m) => m.direction === "request")]).toEqual([17, 11]);
    // 29 optional fields in 24 models: 9 request-side, 12 response-side, 3 both.
    expect(["request", "response", "both"].map((d) => count("field-added", (m) => m.direction === d))).toEqual([9, 12, 3]);
    expect(report.models.flatMap((m) => m.changes).filter((c) => c.kind === "field-added" && c.required)).toEqual([]);
  });

  it("matches a hand-checked sample", () => {
    const model = (id: string) => {
      const found = report.models.find((m) => m.id === id);
      if (!found) throw new Error(`${id} not in the report`);
      return { status: found.status, direction: found.direction, changes: found.changes.map((c) => [c.kind, c.subject ?? "", c.severity, c.rule]), impact: found.impact };
    };
    expect(model("components.ModelMetadata").changes).toEqual(
      ["batchEndpoints", "supportsOpenaiRealtimeApi", "supportsThinkingLevel", "supportsThinkingLevelLow", "supportsThinkingLevelMedium", "supportsThinkingLevelMinimal"].map(
        (field) => ["field-added", field, "info", "optional-field-added"],
      ),
    );
    const prompts = model("operations.GetAllPromptsReasoningEffort");
    expect(prompts.direction).toBe("response");
    expect(prompts.changes).toEqual([
      ["enum-value-added", '"max"', "breaking", "enum-value-added"],
      ["description-changed", "", "info", "description-changed"],
    ]);
    expect(prompts.impact).toEqual([
      {
        root: "operations.GetAllPromptsResponseBody",
        path: "GetAllPromptsResponseBody → data[].prompt.reasoningEffort",
        direction: "response",
        severity: "breaking",
        operations: [{ id: "GetAllPrompts", call: "prompts.list()" }],
      },
    ]);
    const request = model("operations.CreateChatCompletionReasoningEffort");
    expect([request.direction, request.changes.find((c) => c[0] === "enum-value-added")]).toEqual(["request", ["enum-value-added", '"max"', "info", "enum-value-added"]]);
    expect(model("components.ListModelCatalogResponse")).toMatchObject({
      status: "added",
      direction: "response",
      impact: [{ root: "components.ListModelCatalogResponse", path: "ListModelCatalogResponse", direction: "response", operations: [{ id: "ModelCatalogList", call: "modelCatalog.list()" }] }],
    });
    expect(model("components.AssistantMessage")).toMatchObject({ direction: "both", changes: [["field-added", "reasoningContent", "info", "optional-field-added"]] });
  });
});

/** `orq.prompts.retrieve()` → its entries: the side (request or response) each names, and whether it breaks. */
function vendorChangelog(): Map<string, { side: "request" | "response"; breaking: boolean }[]> {
  const text = readFileSync(path.join(CORPORA, "orq-node-4.13.19-changelog.md"), "utf8");
  const methods = new Map<string, { side: "request" | "response"; breaking: boolean }[]>();
  let current: { side: "request" | "response"; breaking: boolean }[] | undefined;
  for (const line of text.split("\n")) {
    const method = /^\* `orq\.([\w.]+\(\))`:(.*)$/.exec(line);
    const entry = method ? method[2]!.trim() : /^\s+\*\s+(.*)$/.exec(line)?.[1];
    if (method) methods.set(method[1]!, (current = []));
    if (!entry || !current) continue;
    const side = /^`(request|response)/.exec(entry)?.[1] as "request" | "response" | undefined;
    if (side) current.push({ side, breaking: entry.includes("(Breaking") });
  }
  return methods;
}

describe("diff orq-node 4.13.14 → 4.13.19 against the vendor's changelog of 4.13.19", () => {
  const vendor = vendorChangelog();
  const ours = () => new Map(report.operations.map((op) => [op.call, op]));
  const breakingFor = (calls: Iterable<string>) => [...calls].sort();

  it("reads the changelog: 29 methods, 11 of them breaking", () => {
    expect(vendor.size).toBe(29);
    expect([...vendor.values()].filter((entries) => entries.some((e) => e.breaking))).toHaveLength(11);
  });

  it("calls breaking exactly the methods the vendor calls breaking (nothing the TS docs cannot show is among them)", () => {
    const vendorBreaking = breakingFor([...vendor].filter(([, entries]) => entries.some((e) => e.breaking)).map(([call]) => call));
    const oursBreaking = breakingFor(report.operations.filter((op) => op.severity === "breaking").map((op) => op.call));
    console.log(`breaking methods: vendor ${vendorBreaking.length}, docschema ${oursBreaking.length}, both ${vendorBreaking.filter((c) => oursBreaking.includes(c)).length}`);
    // Every method the vendor calls breaking is breaking here (none is breaking only through nullability or
    // integers, which TS docs cannot show), and every method breaking here is breaking for the vendor: no extra
    // breaking method needs explaining in this pair.
    expect(oursBreaking).toEqual(vendorBreaking);
  });

  it("reports every method of the changelog, on the same sides, breaking on the same sides", () => {
    const byCall = ours();
    for (const [call, entries] of vendor) {
      const op = byCall.get(call);
      expect(op, call).toBeDefined();
      for (const side of ["request", "response"] as const) {
        const theirs = entries.filter((e) => e.side === side);
        const mine = op!.impact.filter((i) => i.side === side);
        expect([call, side, mine.length > 0, mine.some((i) => i.severity === "breaking")]).toEqual([call, side, theirs.length > 0, theirs.some((e) => e.breaking)]);
      }
    }
  });

  it("reports beyond the changelog only the three model-catalog methods, added between 4.13.14 and the changelog's base", async () => {
    const extra = report.operations.filter((op) => !vendor.has(op.call));
    expect(extra.map((op) => [op.call, op.id, op.status, op.severity])).toEqual([
      ["modelCatalog.get()", "ModelCatalogGet", "added", "info"],
      ["modelCatalog.list()", "ModelCatalogList", "added", "info"],
      ["modelCatalog.listOfferings()", "ModelCatalogListOfferings", "added", "info"],
    ]);
    // Checked in the docs: the model-catalog README exists in 4.13.19 only. The vendor's changelog, relative to a
    // generation after 4.13.14, does not list them as added, so they were added before its base.
    const readme = (release: string) => readFile(path.join(corpusDocs(release as "orq-node-4.13.14"), "sdks/modelcatalog/README.md"), "utf8").then(() => true, () => false);
    expect([await readme("orq-node-4.13.14"), await readme("orq-node-4.13.19")]).toEqual([false, true]);
  });
});

describe("names churned on the real graph of 4.13.19", () => {
  /**
   * The graph against itself after renaming operations models at random (seeded): 300 to fresh names (50 of them
   * with an optional field added), and 50 pairs swapping names, which also reuses every freed name.
   */
  function churned(graph: ModelGraph): { graph: ModelGraph; renames: Map<string, string>; extended: Set<string> } {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = graph.models.map((m) => m.id).filter((id) => id.startsWith("operations."));
    const kinds = new Map(graph.models.map((m) => [m.id, m.kind]));
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    const renames = new Map<string, string>();
    while (renames.size < 300) {
      const id = pick();
      if (!renames.has(id)) renames.set(id, `${id}Renamed`);
    }
    const extended = new Set([...renames.values()].filter((id) => kinds.get(id.replace(/Renamed$/, "")) === "object").slice(0, 50));
    for (let swaps = 0; swaps < 50; ) {
      const [a, b] = [pick(), pick()];
      if (a === b || renames.has(a) || renames.has(b) || kinds.get(a) !== kinds.get(b)) continue;
      renames.set(a, b).set(b, a);
      swaps++;
    }
    const to = (id: string) => renames.get(id) ?? id;
    const retype = (type: TypeExpr) => mapRefs(type, (ref) => ({ kind: "ref", id: to(ref.id) }));
    const models = graph.models
      .map((model): Model => {
        const id = to(model.id);
        const base = { ...model, id, name: id.slice(id.lastIndexOf(".") + 1) };
        if (model.kind === "union") return { ...base, kind: "union", members: model.members.map((m) => ({ ...m, type: retype(m.type) })) };
        if (model.kind !== "object") return base;
        const fields = model.fields.map((f) => ({ ...f, type: retype(f.type) }));
        if (extended.has(id)) fields.push({ name: "churnNote", type: { kind: "primitive", name: "string" }, required: false, source: model.source });
        return { ...base, kind: "object", fields, ...(model.additionalProperties ? { additionalProperties: retype(model.additionalProperties) } : {}) };
      })
      .sort((a, b) => compareIds(a.id, b.id));
    const operations = (graph.operations ?? []).map((op) => ({ ...op, request: op.request.map(to), response: op.response.map(to), ...(op.errors ? { errors: op.errors.map(to) } : {}) }));
    return { graph: { ...graph, models, operations }, renames, extended };
  }

  it("reports every churned name as one rename (and the added field), nothing removed, added or breaking", () => {
    const { graph, renames, extended } = churned(newGraph);
    const churn = diffGraphs(newGraph, graph);
    expect(churn.summary).toMatchObject({ breaking: 0, models: { added: 0, removed: 0, renamed: 400, changed: 0 }, changes: { "model-renamed": 400, "field-added": 50 } });
    const wrong = churn.models.filter((m) => renames.get(m.renamedFrom ?? "") !== m.id || !m.changes.every((c) => c.kind === "model-renamed" || (c.kind === "field-added" && extended.has(m.id))));
    expect(wrong.map((m) => [m.id, m.renamedFrom])).toEqual([]);
  });
});
