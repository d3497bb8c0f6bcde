/** Direction rules: where each model's direction comes from, one fixture per rule. */
import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, operationsDoc } from "../../test/helpers/graph-fixtures.js";
import { indexGraph } from "./graph-index.js";
import { directionOf, impactOf, rootsOf } from "./impact.js";
import { diffGraphs } from "./index.js";

/** Order → Line[] → Size (enum); Receipt → Size; Shipment → Line; Size is reached from both sides. */
const docs = {
  "components/order.md": objectDoc("Order", [["lines", `${link("components.Line")}[]`, true]]),
  "components/line.md": objectDoc("Line", [["size", link("components.Size"), true]]),
  "components/size.md": enumDoc("Size", ["s", "m"]),
  "components/receipt.md": objectDoc("Receipt", [["sizes", `Record<string, ${link("components.Size")}>`, true]]),
  "components/orphan.md": objectDoc("Orphan", [["id", "*string*", true]]),
};
const sdks = {
  "orders/README.md": operationsDoc("Orders", [
    { name: "CreateOrder", request: "components.Order", response: "components.Receipt" },
  ]),
};

describe("directions from operation docs", () => {
  const index = indexGraph(graphOf(docs, sdks));
  const roots = rootsOf(index);
  const of = (id: string) => directionOf(impactOf(index, roots, id));

  it("a model reached only from request models is request", () => {
    expect([of("components.Order"), of("components.Line")]).toEqual(["request", "request"]);
  });
  it("a model reached only from response models is response", () => {
    expect(of("components.Receipt")).toBe("response");
  });
  it("a model reached from both sides (through arrays and maps) is both", () => {
    expect(of("components.Size")).toBe("both");
  });
  it("a model no operation reaches counts as both", () => {
    expect(of("components.Orphan")).toBe("both");
  });
  it("without operations every model counts as both", () => {
    const bare = indexGraph(graphOf(docs));
    const bareRoots = rootsOf(bare);
    expect(directionOf(impactOf(bare, bareRoots, "components.Line"))).toBe("both");
  });
  it("a renamed model takes the uses it kept: an operation that reads what it used to send sees a new model", () => {
    const before = { "components/order.md": objectDoc("Order", [["size", link("components.Size"), true]]), "components/size.md": enumDoc("Size", ["s"]) };
    const after = { "components/receipt.md": objectDoc("Receipt", [["size", link("components.Dimension"), true]]), "components/dimension.md": enumDoc("Dimension", ["s"]) };
    const report = diffGraphs(
      graphOf(before, { "o/README.md": operationsDoc("O", [{ name: "Create", request: "components.Order" }]) }),
      graphOf(after, { "o/README.md": operationsDoc("O", [{ name: "Create", response: "components.Receipt" }]) }),
    );
    expect(report.models.find((m) => m.id === "components.Dimension")).toMatchObject({ status: "renamed", direction: "both" });
    expect(report.models.find((m) => m.id === "components.Receipt")).toMatchObject({ status: "added", direction: "response" });
    expect(report.models.find((m) => m.id === "components.Order")).toMatchObject({ status: "removed", direction: "request" });
  });
});

describe("the same change classified by the direction of its model", () => {
  const after = { ...docs, "components/size.md": enumDoc("Size", ["s", "m", "l"]), "components/line.md": objectDoc("Line", [["size", link("components.Size"), true], ["note", "*string*", true]]) };

  it("uses the operation docs when present", () => {
    const report = diffGraphs(graphOf(docs, sdks), graphOf(after, sdks));
    expect(report.directions).toBe("operations");
    expect(report.models.map((m) => [m.id, m.direction, m.changes.map((c) => [c.kind, c.severity, c.decidedBy])])).toEqual([
      ["components.Line", "request", [["field-added", "breaking", "request"]]],
      ["components.Size", "both", [["enum-value-added", "breaking", "response"]]],
    ]);
  });
  it("classifies for both directions without operation docs, and says so", () => {
    const report = diffGraphs(graphOf(docs), graphOf(after));
    expect(report.directions).toBe("assumed");
    expect(report.models.map((m) => [m.id, m.direction])).toEqual([
      ["components.Line", "both"],
      ["components.Size", "both"],
    ]);
  });
});
