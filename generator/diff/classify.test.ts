/**
 * One small before/after fixture per kind of change, each diffed three times: with the changed model sent by an
 * operation (request), returned by one (response), and without operation docs (both, assumed). Each asserts the
 * exact classification: severity, the rule that decided it, and the direction that decided it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, objectDoc, operationsDoc, unionDoc, type Row } from "../../test/helpers/graph-fixtures.js";
import * as graph from "../../test/helpers/graph.js";
import type { ModelGraph, TypeExpr } from "../model/types.js";
import { RULES } from "./classify.js";
import { diffGraphs } from "./index.js";

type Use = "request" | "response" | "both";
type Expected = [severity: string, rule: string, decidedBy: string];

/** Diffs two versions of `components/widget.md` (plus fixed neighbours) with Widget used as `use`. */
function widgetChanges(before: string, after: string, use: Use, extra: Record<string, string> = {}) {
  const sdks = use === "both" ? {} : { "widgets/README.md": operationsDoc("Widgets", [{ name: "CreateWidget", [use]: "components.Widget" }]) };
  const report = diffGraphs(
    graphOf({ "components/widget.md": before, ...extra }, sdks),
    graphOf({ "components/widget.md": after, ...extra }, sdks),
  );
  expect(report.directions).toBe(use === "both" ? "assumed" : "operations");
  const widget = report.models.find((m) => m.id === "components.Widget");
  expect(widget?.direction).toBe(use);
  return widget!.changes.map((c) => ({ kind: c.kind, subject: c.subject, before: c.before, after: c.after, verdict: [c.severity, c.rule, c.decidedBy] }));
}

const widget = (rows: Row[]) => objectDoc("Widget", rows);
const id: Row = ["id", "*string*", true];
// Part and Gear share nothing: a field retyped from one to the other is judged by their structures.
const refs = { "components/part.md": objectDoc("Part", [id]), "components/gear.md": objectDoc("Gear", [["teeth", "*number*", true]]) };

interface Case {
  name: string;
  before: string;
  after: string;
  change: { kind: string; subject?: string; before?: string; after?: string };
  request: Expected;
  response: Expected;
  both: Expected;
}

const cases: Case[] = [
  {
    name: "optional field added",
    before: widget([id]),
    after: widget([id, ["label", "*string*", false]]),
    change: { kind: "field-added", subject: "label", after: "string" },
    request: ["info", "optional-field-added", "request"],
    response: ["info", "optional-field-added", "response"],
    both: ["info", "optional-field-added", "both"],
  },
  {
    name: "required field added",
    before: widget([id]),
    after: widget([id, ["size", "*number*", true]]),
    change: { kind: "field-added", subject: "size", after: "number" },
    request: ["breaking", "required-field-added", "request"],
    response: ["info", "required-field-added", "response"],
    both: ["breaking", "required-field-added", "request"],
  },
  {
    name: "field removed",
    before: widget([id, ["label", "*string*", false]]),
    after: widget([id]),
    change: { kind: "field-removed", subject: "label", before: "string" },
    // Writers passing it in an object literal fail TypeScript's excess-property check.
    request: ["breaking", "field-removed", "request"],
    response: ["breaking", "field-removed", "response"],
    both: ["breaking", "field-removed", "both"],
  },
  {
    name: "optional → required",
    before: widget([id, ["label", "*string*", false]]),
    after: widget([id, ["label", "*string*", true]]),
    change: { kind: "field-required", subject: "label" },
    request: ["breaking", "field-became-required", "request"],
    response: ["info", "field-became-required", "response"],
    both: ["breaking", "field-became-required", "request"],
  },
  {
    name: "required → optional",
    before: widget([id, ["label", "*string*", true]]),
    after: widget([id, ["label", "*string*", false]]),
    change: { kind: "field-optional", subject: "label" },
    request: ["info", "field-became-optional", "request"],
    response: ["breaking", "field-became-optional", "response"],
    both: ["breaking", "field-became-optional", "response"],
  },
  {
    name: "incompatible type change number → string",
    before: widget([id, ["size", "*number*", true]]),
    after: widget([id, ["size", "*string*", true]]),
    change: { kind: "type-changed", subject: "size", before: "number", after: "string" },
    request: ["breaking", "type-incompatible", "request"],
    response: ["breaking", "type-incompatible", "response"],
    both: ["breaking", "type-incompatible", "both"],
  },
  {
    name: "X → X[]",
    before: widget([id, ["part", "[components.Part](../../models/components/part.md)", true]]),
    after: widget([id, ["part", "[components.Part](../../models/components/part.md)[]", true]]),
    change: { kind: "type-changed", subject: "part", before: "components.Part", after: "components.Part[]" },
    request: ["breaking", "type-incompatible", "request"],
    response: ["breaking", "type-incompatible", "response"],
    both: ["breaking", "type-incompatible", "both"],
  },
  {
    name: "components.A → components.B",
    before: widget([id, ["part", "[components.Part](../../models/components/part.md)", true]]),
    after: widget([id, ["part", "[components.Gear](../../models/components/gear.md)", true]]),
    change: { kind: "type-changed", subject: "part", before: "components.Part", after: "components.Gear" },
    request: ["breaking", "type-incompatible", "request"],
    response: ["breaking", "type-incompatible", "response"],
    both: ["breaking", "type-incompatible", "both"],
  },
  {
    name: "widening: constant → string",
    before: widget([id, ["type", '*"widget"*', true]]),
    after: widget([id, ["type", "*string*", true]]),
    change: { kind: "type-changed", subject: "type", before: '"widget"', after: "string" },
    request: ["info", "type-widened", "request"],
    response: ["breaking", "type-widened", "response"],
    both: ["breaking", "type-widened", "response"],
  },
  {
    name: "narrowing: string → constant",
    before: widget([id, ["type", "*string*", true]]),
    after: widget([id, ["type", '*"widget"*', true]]),
    change: { kind: "type-changed", subject: "type", before: "string", after: '"widget"' },
    request: ["breaking", "type-narrowed", "request"],
    response: ["info", "type-narrowed", "response"],
    both: ["breaking", "type-narrowed", "request"],
  },
  {
    name: "enum value added",
    before: enumDoc("Widget", ["small", "large"]),
    after: enumDoc("Widget", ["small", "large", "huge"]),
    change: { kind: "enum-value-added", subject: '"huge"' },
    request: ["info", "enum-value-added", "request"],
    response: ["breaking", "enum-value-added", "response"],
    both: ["breaking", "enum-value-added", "response"],
  },
  {
    name: "value added to an open enum",
    before: enumDoc("Widget", ["small", "large"], true),
    after: enumDoc("Widget", ["small", "large", "huge"], true),
    change: { kind: "enum-value-added", subject: '"huge"' },
    request: ["info", "open-enum-value-added", "request"],
    response: ["info", "open-enum-value-added", "response"],
    both: ["info", "open-enum-value-added", "both"],
  },
  {
    name: "enum value removed",
    before: enumDoc("Widget", ["small", "large"]),
    after: enumDoc("Widget", ["small"]),
    change: { kind: "enum-value-removed", subject: '"large"' },
    request: ["breaking", "enum-value-removed", "request"],
    response: ["info", "enum-value-removed", "response"],
    both: ["breaking", "enum-value-removed", "request"],
  },
  {
    name: "union member added",
    before: unionDoc("Widget", ["components.Part"]),
    after: unionDoc("Widget", ["components.Part", "components.Gear"]),
    change: { kind: "union-member-added", subject: "components.Gear" },
    request: ["info", "union-member-added", "request"],
    response: ["breaking", "union-member-added", "response"],
    both: ["breaking", "union-member-added", "response"],
  },
  {
    name: "union member removed",
    before: unionDoc("Widget", ["components.Part", "components.Gear"]),
    after: unionDoc("Widget", ["components.Part"]),
    change: { kind: "union-member-removed", subject: "components.Gear" },
    request: ["breaking", "union-member-removed", "request"],
    response: ["info", "union-member-removed", "response"],
    both: ["breaking", "union-member-removed", "request"],
  },
  {
    name: "kind changed",
    before: widget([id]),
    after: enumDoc("Widget", ["small"]),
    change: { kind: "kind-changed", before: "object", after: "enum" },
    request: ["breaking", "kind-changed", "request"],
    response: ["breaking", "kind-changed", "response"],
    both: ["breaking", "kind-changed", "both"],
  },
  {
    name: "field deprecated",
    before: widget([id, ["label", "*string*", false]]),
    after: widget([id, ["~~label~~", "*string*", false]]),
    change: { kind: "deprecated", subject: "label" },
    request: ["warning", "deprecated", "request"],
    response: ["warning", "deprecated", "response"],
    both: ["warning", "deprecated", "both"],
  },
  {
    name: "field description changed",
    before: widget([id, ["label", "*string*", false, "The label."]]),
    after: widget([id, ["label", "*string*", false, "The label shown to users."]]),
    change: { kind: "description-changed", subject: "label", before: "The label.", after: "The label shown to users." },
    request: ["info", "description-changed", "request"],
    response: ["info", "description-changed", "response"],
    both: ["info", "description-changed", "both"],
  },
  {
    name: "field example changed",
    before: widget([id, ["label", "*string*", false, "The label.", "blue"]]),
    after: widget([id, ["label", "*string*", false, "The label.", "green"]]),
    change: { kind: "example-changed", subject: "label", before: "blue", after: "green" },
    request: ["info", "example-changed", "request"],
    response: ["info", "example-changed", "response"],
    both: ["info", "example-changed", "both"],
  },
];

describe("classification of each kind of change by direction", () => {
  for (const c of cases) {
    for (const use of ["request", "response", "both"] as const) {
      it(`${c.name} (${use})`, () => {
        expect(widgetChanges(c.before, c.after, use, refs)).toEqual([{ subject: undefined, before: undefined, after: undefined, ...c.change, verdict: c[use] }]);
      });
    }
  }
});

describe("nullability (Python docs)", () => {
  const python = (type: string) => `# Widget\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`label\` | ${type} | :heavy_check_mark: | N/A |\n`;
  const diff = (before: string, after: string) =>
    diffGraphs(graphOf({ "widget.md": python(before) }), graphOf({ "widget.md": python(after) })).models[0]!.changes.map((c) => [c.kind, c.subject, c.severity, c.rule, c.decidedBy]);

  it("reports a field that became nullable: breaks readers", () => {
    expect(diff("*str*", "*Nullable[str]*")).toEqual([["field-nullable", "label", "breaking", "field-became-nullable", "response"]]);
  });
  it("reports a field that is no longer nullable: breaks writers", () => {
    expect(diff("*Nullable[str]*", "*str*")).toEqual([["field-not-nullable", "label", "breaking", "field-became-non-nullable", "request"]]);
  });
});

describe("nullability and integers on any graph that carries them (a TS graph merged with Python docs)", () => {
  const widget = (type: TypeExpr, nullable: boolean) => graph.graphOf([graph.object("components.Widget", [graph.field("size", type, { nullable })])], "typescript");
  const changes = (before: ModelGraph, after: ModelGraph) => diffGraphs(before, after).models[0]!.changes.map((c) => [c.kind, c.subject, c.before ?? null, c.after ?? null, c.rule]);

  it("reports a field that became nullable and an integer that became a number", () => {
    expect(changes(widget(graph.prim("integer"), false), widget(graph.prim("number"), true))).toEqual([
      ["field-nullable", "size", null, null, "field-became-nullable"],
      ["type-changed", "size", "integer", "number", "type-widened"],
    ]);
  });

  it("says nothing is unseen when both sides show nullability and integers, and what is unseen in TS docs alone", () => {
    expect(diffGraphs(widget(graph.prim("integer"), false), widget(graph.prim("integer"), true)).unseen).toEqual([]);
    const bare = graph.graphOf([graph.object("components.Widget", [graph.field("size", graph.prim("number"))])], "typescript");
    expect(diffGraphs(bare, bare).unseen).toEqual(["nullability", "integers"]);
    expect(diffGraphs({ ...bare, flavour: "python" }, { ...bare, flavour: "python" }).unseen).toEqual([]);
  });
});

describe("models added and removed", () => {
  const part = objectDoc("Part", [id]);
  it("an added model is info, a removed one breaking, in both directions", () => {
    const report = diffGraphs(graphOf({ "components/part.md": part }), graphOf({ "components/gear.md": objectDoc("Gear", [id, ["teeth", "*number*", true]]) }));
    expect(report.models.map((m) => [m.id, m.status, m.changes.map((c) => [c.kind, c.severity, c.rule])])).toEqual([
      ["components.Part", "removed", [["model-removed", "breaking", "model-removed"]]],
      ["components.Gear", "added", [["model-added", "info", "model-added"]]],
    ]);
    expect(report.summary).toMatchObject({ breaking: 1, warning: 0, info: 1, models: { added: 1, removed: 1, renamed: 0, changed: 0 } });
  });
});

describe("the README's rules table", () => {
  it("is the rules of the code, row for row", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8").split("\n");
    const header = readme.indexOf("| rule | request | response | why |");
    expect(header).toBeGreaterThan(0);
    const rows = readme.slice(header + 2, readme.indexOf("", header));
    expect(rows).toEqual(RULES.map((r) => `| \`${r.id}\` | ${r.request} | ${r.response} | ${r.why.replace(/\|/g, "\\|")} |`));
  });
});
