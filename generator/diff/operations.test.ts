/**
 * Operations are part of the schema: SDK methods added, removed, renamed under the same operationID or moved to
 * another group, their request, response and error models replaced; and every model change rated per method by
 * the direction in which that method uses the model.
 */
import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, operationsDoc, type OperationFixture } from "../../test/helpers/graph-fixtures.js";
import { diffGraphs } from "./index.js";
import type { DiffReport } from "./types.js";

const id = ["id", "*string*", true] as const;
const models = {
  "components/set.md": objectDoc("Set", [[...id]]),
  "components/review.md": objectDoc("Review", [[...id]]),
  "errors/notfound.md": objectDoc("NotFound", [["detail", "*string*", true]]),
  "errors/conflict.md": objectDoc("Conflict", [["message", "*string*", true]]),
};
const readme = (group: string, operations: OperationFixture[]) => ({ [`${group.toLowerCase()}/README.md`]: operationsDoc(group, operations) });
const operations = (report: DiffReport) =>
  report.operations.map((op) => ({ id: op.id, call: op.call, status: op.status, severity: op.severity, changes: op.changes.map((c) => [c.kind, c.before ?? null, c.after ?? null, c.severity, c.rule]) }));

/** The report of one method changed by one breaking change of its own. */
const breakingBy = (id: string, call: string, change: unknown[]) => [{ id, call, status: "changed", severity: "breaking", changes: [change] }];

describe("operation changes", () => {
  it("a method renamed under the same operationID breaks calls to the old name", () => {
    const report = diffGraphs(
      graphOf(models, readme("HumanReviewSets", [{ name: "getV2HumanEvalSets", id: "GetV2HumanEvalSets", response: "components.Set" }])),
      graphOf(models, readme("HumanReviewSets", [{ name: "list", id: "GetV2HumanEvalSets", response: "components.Set" }])),
    );
    expect(operations(report)).toEqual(breakingBy("GetV2HumanEvalSets", "humanReviewSets.list()", ["operation-renamed", "humanReviewSets.getV2HumanEvalSets()", "humanReviewSets.list()", "breaking", "operation-renamed"]));
    expect(report.semver).toBe("major");
  });

  it("a method moved to another group (README) breaks calls through the old group", () => {
    const review: OperationFixture = { name: "createReview", id: "CreateReview", request: "components.Review" };
    const report = diffGraphs(graphOf(models, { ...readme("Evals", [review]), ...readme("HumanReviewSets", []) }), graphOf(models, readme("HumanReviewSets", [review])));
    expect(operations(report)).toEqual(breakingBy("CreateReview", "humanReviewSets.createReview()", ["operation-moved", "evals.createReview()", "humanReviewSets.createReview()", "breaking", "operation-moved"]));
  });

  it("methods added (minor) and removed (breaking); nested groups are called through each level", () => {
    const before = graphOf(models, readme("Router.Chat", [{ name: "create", id: "CreateChat", request: "components.Review" }]));
    const after = graphOf(models, readme("Router.Chat", [{ name: "stream", id: "StreamChat", request: "components.Review" }]));
    expect(operations(diffGraphs(before, after))).toEqual([
      { id: "CreateChat", call: "router.chat.create()", status: "removed", severity: "breaking", changes: [["operation-removed", "router.chat.create()", null, "breaking", "operation-removed"]] },
      { id: "StreamChat", call: "router.chat.stream()", status: "added", severity: "info", changes: [["operation-added", null, "router.chat.stream()", "info", "operation-added"]] },
    ]);
    expect(diffGraphs(graphOf(models), graphOf(models, readme("Sets", [{ name: "list", response: "components.Set" }]))).semver).toBe("minor");
  });

  it("error models added and removed", () => {
    const op = (errors: string[]): OperationFixture => ({ name: "get", id: "GetSet", response: "components.Set", errors });
    const report = diffGraphs(graphOf(models, readme("Sets", [op(["errors.NotFound"])])), graphOf(models, readme("Sets", [op(["errors.Conflict"])])));
    expect(operations(report)[0]!.changes).toEqual([
      ["error-removed", "errors.NotFound", null, "info", "error-removed"],
      ["error-added", null, "errors.Conflict", "info", "error-added"],
    ]);
  });

  it("a request model replaced by an unrelated one is a type change of the method's request, judged by structure", () => {
    const report = diffGraphs(
      graphOf(models, readme("Sets", [{ name: "create", id: "CreateSet", request: "components.Set" }])),
      graphOf({ ...models, "components/order.md": objectDoc("Order", [["total", "*number*", true]]) }, readme("Sets", [{ name: "create", id: "CreateSet", request: "components.Order" }])),
    );
    expect(operations(report)[0]!.changes).toEqual([["type-changed", "components.Set", "components.Order", "breaking", "type-incompatible"]]);
  });
});

describe("impact per method, rated by the direction of each path", () => {
  // Size is sent by createOrder (in Order) and read by getReceipt (in Receipt).
  const docs = {
    "components/order.md": objectDoc("Order", [["size", link("components.Size"), true]]),
    "components/receipt.md": objectDoc("Receipt", [["size", link("components.Size"), true]]),
    "components/size.md": enumDoc("Size", ["s", "m"]),
  };
  const sdks = readme("Orders", [
    { name: "createOrder", id: "CreateOrder", request: "components.Order" },
    { name: "getReceipt", id: "GetReceipt", response: "components.Receipt" },
  ]);
  const report = diffGraphs(graphOf(docs, sdks), graphOf({ ...docs, "components/size.md": enumDoc("Size", ["s", "m", "l"]) }, sdks));

  it("a value added to an enum used both ways is breaking for the method that reads it and info for the one that sends it", () => {
    expect(report.operations.map((op) => [op.call, op.severity, op.impact.map((i) => [i.side, i.path, i.model, i.severity])])).toEqual([
      ["orders.getReceipt()", "breaking", [["response", "response.size", "components.Size", "breaking"]]],
      ["orders.createOrder()", "info", [["request", "request.size", "components.Size", "info"]]],
    ]);
  });

  it("the model keeps the worse severity, and each of its impact paths its own", () => {
    const size = report.models.find((m) => m.id === "components.Size")!;
    expect([size.direction, size.severity]).toEqual(["both", "breaking"]);
    expect(size.impact.map((i) => [i.path, i.direction, i.severity, i.operations])).toEqual([
      ["Order → size", "request", "info", [{ id: "CreateOrder", call: "orders.createOrder()" }]],
      ["Receipt → size", "response", "breaking", [{ id: "GetReceipt", call: "orders.getReceipt()" }]],
    ]);
  });
});
