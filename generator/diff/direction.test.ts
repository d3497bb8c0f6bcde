/** Direction rules: where each model's direction comes from, one fixture per rule. */
import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, objectDoc, operationsDoc } from "../../test/helpers/docs.js";
import { directionOf, directionSets } from "./direction.js";
import { indexGraph } from "./graph-index.js";
import { diffGraphs } from "./index.js";

const link = (id: string) => `[${id}](../../models/${id.split(".")[0]}/${id.split(".")[1]!.toLowerCase()}.md)`;
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
  const sets = directionSets(indexGraph(graphOf(docs, sdks)))!;
  const of = (id: string) => directionOf([{ sets, id }]);

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
  it("a graph without operations gives no direction sets", () => {
    expect(directionSets(indexGraph(graphOf(docs)))).toBeUndefined();
  });
  it("a renamed model takes the directions of its old and new uses", () => {
    const request = { request: new Set(["components.Old"]), response: new Set<string>() };
    const response = { request: new Set<string>(), response: new Set(["components.New"]) };
    expect(directionOf([{ sets: request, id: "components.Old" }, { sets: response, id: "components.New" }])).toBe("both");
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
