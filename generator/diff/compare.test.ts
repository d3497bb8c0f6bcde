import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, unionDoc } from "../../test/helpers/graph-fixtures.js";
import type { ModelGraph } from "../model/types.js";
import { acrossGraphs, compareGraphs } from "./compare.js";
import { diffGraphs } from "./index.js";
import { matchModels } from "./match.js";

/** Without operation docs: models match by name, then by structure. */
function compared(before: ModelGraph, after: ModelGraph) {
  const models = (graph: ModelGraph) => new Map(graph.models.map((m) => [m.id, m]));
  const matching = matchModels(models(before), models(after), { roots: [], rootIds: new Set(), referrers: () => [] });
  return compareGraphs(before, after, matching, acrossGraphs(models(before), models(after), matching));
}

const summary = (before: Record<string, string>, after: Record<string, string>) =>
  compared(graphOf(before), graphOf(after)).map((m) => [m.id, m.status, m.changes.map((c) => [c.kind, c.subject ?? null, c.before ?? null, c.after ?? null])]);

describe("compareGraphs", () => {
  it("reports a model whose title changed but whose structure did not as a rename, and references to it as unchanged", () => {
    const before = {
      "components/order.md": objectDoc("Order", [["size", link("components.Size"), true]]),
      "components/size.md": enumDoc("Size", ["s", "m"]),
    };
    const after = {
      "components/order.md": objectDoc("Order", [["size", link("components.Dimension"), true]]),
      "components/dimension.md": enumDoc("Dimension", ["s", "m"]),
    };
    expect(summary(before, after)).toEqual([["components.Dimension", "renamed", [["model-renamed", null, "components.Size", "components.Dimension"]]]]);
    const report = diffGraphs(graphOf(before), graphOf(after));
    expect(report.models[0]).toMatchObject({ id: "components.Dimension", renamedFrom: "components.Size", severity: "warning" });
    expect(report.summary.models).toEqual({ added: 0, removed: 0, renamed: 1, changed: 0 });
  });

  it("does not guess a rename when several models share the structure", () => {
    const before = { "components/a.md": enumDoc("A", ["x"]), "components/b.md": enumDoc("B", ["x"]) };
    const after = { "components/c.md": enumDoc("C", ["x"]), "components/d.md": enumDoc("D", ["x"]) };
    expect(summary(before, after).map(([id, status]) => [id, status])).toEqual([
      ["components.C", "added"],
      ["components.D", "added"],
      ["components.A", "removed"],
      ["components.B", "removed"],
    ]);
  });

  it("ignores Example Usage blocks, re-wrapped descriptions and reordered union members", () => {
    const before = {
      "components/size.md": enumDoc("Size", ["s", "m"]),
      "components/order.md": objectDoc("Order", [["id", "*string*", true, "The id of the order."]], "An order\nas placed."),
      "components/any.md": unionDoc("Any", ["components.Size", "components.Order"]),
    };
    const after = {
      "components/size.md": enumDoc("Size", ["s", "m"]).replace('let value: Size = "s";', 'let value: Size = "m";'),
      "components/order.md": objectDoc("Order", [["id", "*string*", true, "The id of the  order."]], "An order as\nplaced."),
      "components/any.md": unionDoc("Any", ["components.Order", "components.Size"]),
    };
    expect(summary(before, after)).toEqual([]);
  });

  it("reports model description and deprecation changes", () => {
    const before = { "components/order.md": objectDoc("Order", [["id", "*string*", true]], "An order.") };
    const after = { "components/order.md": objectDoc("Order", [["id", "*string*", true]], "@deprecated: use Purchase.").replace("# Order", "# ~~Order~~") };
    expect(summary(before, after)).toEqual([
      ["components.Order", "changed", [["deprecated", null, null, null], ["description-changed", null, "An order.", "@deprecated: use Purchase."]]],
    ]);
  });

  it("reports open ↔ closed enums as a type change", () => {
    const report = diffGraphs(graphOf({ "components/size.md": enumDoc("Size", ["s"]) }), graphOf({ "components/size.md": enumDoc("Size", ["s"], true) }));
    expect(report.models[0]!.changes.map((c) => [c.kind, c.before, c.after, c.compat, c.rule])).toEqual([["type-changed", "closed enum", "open enum", "widening", "type-widened"]]);
  });

  it("reports the open-object catch-all as a type change, and reordered fields as nothing", () => {
    const before = { "components/order.md": objectDoc("Order", [["id", "*string*", true], ["note", "*string*", false]]) };
    const after = { "components/order.md": objectDoc("Order", [["note", "*string*", false], ["id", "*string*", true], ["additionalProperties", "Record<string, *any*>", false]]) };
    expect(summary(before, after)).toEqual([["components.Order", "changed", [["type-changed", "additionalProperties", "(none)", "Record<string, any>"]]]]);
    expect(diffGraphs(graphOf(before), graphOf(after)).models[0]!.changes[0]).toMatchObject({ compat: "widening", rule: "type-widened" });
  });

  it("gives the same report for the same input, and locates changes at the field's doc line", () => {
    const before = { "components/order.md": objectDoc("Order", [["id", "*string*", true]]) };
    const after = { "components/order.md": objectDoc("Order", [["id", "*string*", true], ["note", "*string*", false]]) };
    const first = diffGraphs(graphOf(before), graphOf(after));
    expect(JSON.stringify(diffGraphs(graphOf(before), graphOf(after)))).toBe(JSON.stringify(first));
    expect(first.models[0]!.changes[0]!.source).toEqual({ file: "components/order.md", line: 10, column: 3 });
  });
});
