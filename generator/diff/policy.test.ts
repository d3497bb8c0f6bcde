/**
 * A team's policy: severities per rule and direction, excluded rules, a baseline of known changes by fingerprint,
 * and the version bump each report suggests.
 */
import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, operationsDoc, unionDoc } from "../../test/helpers/graph-fixtures.js";
import { fingerprintOf } from "./fingerprint.js";
import { diffGraphs } from "./index.js";
import { checkBaseline, checkPolicy } from "./policy.js";
import type { RawChange } from "./types.js";

// Shape is read by getShape (response) and sent by createShape (request, through Order).
const sdks = {
  "shapes/README.md": operationsDoc("Shapes", [
    { name: "getShape", id: "GetShape", response: "components.Shape" },
    { name: "createShape", id: "CreateShape", request: "components.Order" },
  ]),
};
const before = {
  "components/shape.md": unionDoc("Shape", ["components.Circle"]),
  "components/order.md": objectDoc("Order", [["shape", "*components.Shape*", true, "The shape."]]),
  "components/circle.md": objectDoc("Circle", [["radius", "*number*", true]]),
  "components/square.md": objectDoc("Square", [["side", "*number*", true]]),
};
const after = {
  ...before,
  "components/shape.md": unionDoc("Shape", ["components.Circle", "components.Square"]),
  "components/order.md": objectDoc("Order", [["shape", "*components.Shape*", true, "The shape to order."]]),
};
const diff = (options: Parameters<typeof diffGraphs>[2] = {}) => diffGraphs(graphOf(before, sdks), graphOf(after, sdks), options);
const verdicts = (report: ReturnType<typeof diff>) => report.operations.map((op) => [op.call, op.severity]);

describe("policy", () => {
  it("by default a union member added to a response breaks readers, and the method sending it is not broken", () => {
    const report = diff();
    expect(verdicts(report)).toEqual([
      ["shapes.getShape()", "breaking"],
      ["shapes.createShape()", "info"],
    ]);
    expect(report.semver).toBe("major");
  });

  it("sets a rule's severity for one direction, and the bump follows", () => {
    const report = diff({ policy: { rules: { "union-member-added": { response: "info" } } } });
    expect(verdicts(report)).toEqual([
      ["shapes.createShape()", "info"],
      ["shapes.getShape()", "info"],
    ]);
    expect(report.models.find((m) => m.id === "components.Shape")!.changes.map((c) => [c.rule, c.severity])).toEqual([["union-member-added", "info"]]);
    expect(report.semver).toBe("minor");
  });

  it("sets a rule's severity for both directions at once", () => {
    const report = diff({ policy: { rules: { "description-changed": "warning" } } });
    expect(report.models.find((m) => m.id === "components.Order")!.changes.map((c) => [c.rule, c.severity])).toEqual([["description-changed", "warning"]]);
  });

  it("leaves out the changes of excluded rules, and counts them", () => {
    const report = diff({ policy: { exclude: ["description-changed"] } });
    expect(report.models.map((m) => m.id)).toEqual(["components.Shape"]);
    expect(report.summary.ignored).toEqual({ excluded: 1, baseline: 0, unmatchedBaseline: [] });
    expect(report.summary.changes).toEqual({ "union-member-added": 1 });
  });

  it("leaves out baselined changes by fingerprint, and lists entries that match nothing", () => {
    const member = diff().models.find((m) => m.id === "components.Shape")!.changes[0]!;
    const report = diff({ baseline: [{ fingerprint: member.fingerprint, reason: "clients switch on kind with a default" }, { fingerprint: "0000000000000000", reason: "gone" }] });
    expect(report.models.map((m) => m.id)).toEqual(["components.Order"]);
    expect(report.summary.ignored).toEqual({ excluded: 0, baseline: 1, unmatchedBaseline: ["0000000000000000"] });
    expect([report.summary.breaking, report.semver]).toEqual([0, "patch"]);
  });

  it("suggests none, patch (documentation only), minor or major", () => {
    const same = diffGraphs(graphOf(before, sdks), graphOf(before, sdks));
    expect([same.semver, same.models, same.operations]).toEqual(["none", [], []]);
    expect(diff({ policy: { exclude: ["union-member-added"] } }).semver).toBe("patch");
    const added = diffGraphs(graphOf(before), graphOf({ ...before, "components/size.md": enumDoc("Size", ["s"]) }));
    expect(added.semver).toBe("minor");
  });
});

describe("fingerprints", () => {
  const change: RawChange = { kind: "field-added", subject: "note", required: false, after: "string", source: { file: "components/order.md", line: 10, column: 3 }, side: "new" };
  it("do not depend on where the docs put the change", () => {
    expect(fingerprintOf("model", "components.Order", undefined, change)).toBe(fingerprintOf("model", "components.Order", undefined, { ...change, source: { file: "x.md", line: 99, column: 1 } }));
  });
  it("differ for another model, rename, field, requiredness, path or type", () => {
    const base = fingerprintOf("model", "components.Order", undefined, change);
    expect(
      new Set([
        base,
        fingerprintOf("model", "components.Cart", undefined, change),
        fingerprintOf("model", "components.Order", "components.Purchase", change),
        fingerprintOf("operation", "components.Order", undefined, change),
        fingerprintOf("model", "components.Order", undefined, { ...change, subject: "memo" }),
        fingerprintOf("model", "components.Order", undefined, { ...change, required: true }),
        fingerprintOf("model", "components.Order", undefined, { ...change, via: "part" }),
        fingerprintOf("model", "components.Order", undefined, { ...change, after: "number" }),
      ]).size,
    ).toBe(8);
  });
});

describe("policy and baseline files", () => {
  it("accept rules by id with a severity or one per direction, and excluded rules", () => {
    const policy = { rules: { "model-renamed": "breaking", "union-member-added": { response: "info" } }, exclude: ["example-changed"] };
    expect(checkPolicy(policy)).toEqual({ policy });
  });

  it("name every problem by its key", () => {
    expect(checkPolicy({ rules: { "no-such-rule": "info", "model-removed": "fatal", "deprecated": { reader: "info", request: "loud" } }, exclude: ["nope"], extra: 1 })).toEqual({
      problems: [
        "extra: unknown key (expected rules, exclude)",
        "rules.no-such-rule: unknown rule (see the rules table of the README)",
        'rules.model-removed: "fatal" is not a severity (breaking, warning, info) or { request, response }',
        "rules.deprecated.reader: unknown direction (expected request, response)",
        'rules.deprecated.request: "loud" is not a severity (breaking, warning, info)',
        'exclude[0]: "nope" is not a rule (see the rules table of the README)',
      ],
    });
    expect(checkPolicy([])).toEqual({ problems: ["must be an object with `rules` and/or `exclude`"] });
  });

  it("read a baseline only with its format, version and a reason for every entry", () => {
    const entry = { fingerprint: "4f0c2a9d1e7b3c55", reason: "accepted", change: "a note for reviewers" };
    expect(checkBaseline({ format: "docschema-baseline", version: 1, ignore: [entry] })).toEqual({ baseline: [{ fingerprint: entry.fingerprint, reason: entry.reason }] });
    expect(checkBaseline({ format: "docschema-baseline", version: 1, ignore: [{ fingerprint: "ab", reason: " " }, { reason: "x" }] })).toEqual({
      problems: ["ignore[0] (ab): needs a reason", 'ignore[1]: needs a fingerprint (a change\'s "fingerprint" in the JSON report)'],
    });
    expect(checkBaseline({ ignore: [] })).toEqual({ problems: ['not a baseline (format must be "docschema-baseline")'] });
    expect(checkBaseline({ format: "docschema-baseline", version: 2, ignore: [] })).toEqual({ problems: ["baseline version 2 is not supported (this docschema reads version 1)"] });
  });
});

describe("a request field removed", () => {
  it("breaks the method sending it (excess-property check) as well as those reading it", () => {
    const docs = { "components/order.md": objectDoc("Order", [["id", "*string*", true], ["note", "*string*", false]]), "components/cart.md": objectDoc("Cart", [["order", link("components.Order"), true]]) };
    const ops = { "orders/README.md": operationsDoc("Orders", [{ name: "create", id: "CreateOrder", request: "components.Order" }]) };
    const report = diffGraphs(graphOf(docs, ops), graphOf({ ...docs, "components/order.md": objectDoc("Order", [["id", "*string*", true]]) }, ops));
    expect(report.operations.map((op) => [op.call, op.severity, op.impact.map((i) => [i.path, i.severity])])).toEqual([["orders.create()", "breaking", [["request", "breaking"]]]]);
  });
});
