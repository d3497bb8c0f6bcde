/**
 * Generated names are not identity: Speakeasy names inline types after their position and renames, swaps and
 * reuses those names as a spec grows. One fixture per kind of churn seen in real releases; in each the wire format
 * and the TypeScript structure are unchanged (or grow compatibly), so nothing may be reported as breaking, and each
 * name change is reported once, as a rename.
 */
import { describe, expect, it } from "vitest";
import { graphOf, link, objectDoc, operationsDoc, unionDoc, type OperationFixture, type Row } from "../../test/helpers/graph-fixtures.js";
import { diffGraphs } from "./index.js";
import type { DiffReport } from "./types.js";

const sdks = (operations: OperationFixture[]) => ({ "widgets/README.md": operationsDoc("Widgets", operations) });
const diff = (before: Record<string, string>, after: Record<string, string>, oldOps: OperationFixture[] = [], newOps: OperationFixture[] = oldOps) =>
  diffGraphs(graphOf(before, oldOps.length ? sdks(oldOps) : {}), graphOf(after, newOps.length ? sdks(newOps) : {}));
/** `[id, status, renamedFrom, change kinds]` of every model in the report. */
const models = (report: DiffReport) => report.models.map((m) => [m.id, m.status, m.renamedFrom ?? null, m.changes.map((c) => c.kind)]);
/** The report holds only these renames (new id, old id), one change each, and nothing breaking. */
function expectOnlyRenames(report: DiffReport, renames: [string, string][]): void {
  expect(models(report)).toEqual(renames.map(([id, from]) => [id, "renamed", from, ["model-renamed"]]));
  expect(report.summary.breaking).toBe(0);
}

/** An object doc whose description does not name it: inline models' descriptions come from the spec, not their names. */
const model = (name: string, rows: Row[]) => objectDoc(name, rows, "Generated from the spec.");
const kinds = (report: DiffReport) => report.models.flatMap((m) => m.changes.map((c) => c.kind));

describe("structural matching of generated names", () => {
  it("swap: two models exchange names; each is one rename and the fields that use them did not change", () => {
    const before = {
      "components/order.md": model("Order", [["first", link("components.A"), true], ["second", link("components.B"), true]]),
      "components/a.md": model("A", [["x", "*string*", true]]),
      "components/b.md": model("B", [["y", "*number*", true]]),
    };
    const after = {
      "components/order.md": model("Order", [["first", link("components.B"), true], ["second", link("components.A"), true]]),
      "components/a.md": model("A", [["y", "*number*", true]]),
      "components/b.md": model("B", [["x", "*string*", true]]),
    };
    const report = diff(before, after, [{ name: "CreateOrder", request: "components.Order" }]);
    expectOnlyRenames(report, [
      ["components.A", "components.B"],
      ["components.B", "components.A"],
    ]);
  });

  it("reuse of a freed name: RequestBody1 now holds what another operation's body held", () => {
    const widget = model("RequestBody1", [["name", "*string*", true], ["size", "*number*", true]]);
    const knowledge = model("CreateKnowledgeRequestBody1", [["key", "*string*", true], ["path", "*string*", true]]);
    const before = { "operations/requestbody1.md": widget, "operations/createknowledgerequestbody1.md": knowledge };
    const after = {
      "operations/createwidgetrequestbody1.md": widget.replace("# RequestBody1", "# CreateWidgetRequestBody1"),
      "operations/requestbody1.md": knowledge.replace("# CreateKnowledgeRequestBody1", "# RequestBody1"),
    };
    const report = diff(
      before,
      after,
      [{ name: "createWidget", request: "operations.RequestBody1" }, { name: "createKnowledge", request: "operations.CreateKnowledgeRequestBody1" }],
      [{ name: "createWidget", request: "operations.CreateWidgetRequestBody1" }, { name: "createKnowledge", request: "operations.RequestBody1" }],
    );
    expectOnlyRenames(report, [
      ["operations.CreateWidgetRequestBody1", "operations.RequestBody1"],
      ["operations.RequestBody1", "operations.CreateKnowledgeRequestBody1"],
    ]);
  });

  it("many-to-many: a rotation of names, a freed name, a fresh one, and union members renamed where several share a shape", () => {
    const data = (name: string, field: string) => model(name, [[field, "*string*", true]]);
    const exists = (name: string) => model(name, [["exists", "*boolean*", true]]);
    const widget = (f1: string, f2: string, f3: string) =>
      model("Widget", [["f1", link(`components.${f1}`), true], ["f2", link(`components.${f2}`), true], ["f3", link(`components.${f3}`), true], ["check", "*components.Check*", true], ["guard", "*components.Guard*", true]]);
    const before = {
      "components/widget.md": widget("Data1", "Data2", "Data3"),
      "components/data1.md": data("Data1", "a"),
      "components/data2.md": data("Data2", "b"),
      "components/data3.md": data("Data3", "c"),
      "components/check.md": unionDoc("Check", ["components.OneExists", "components.Other"]),
      "components/guard.md": unionDoc("Guard", ["components.TwoExists", "components.Other"]),
      "components/oneexists.md": exists("OneExists"),
      "components/twoexists.md": exists("TwoExists"),
      "components/other.md": data("Other", "id"),
    };
    const after = {
      ...before,
      "components/widget.md": widget("Data4", "Data1", "Data2"),
      "components/data1.md": data("Data1", "b"),
      "components/data2.md": data("Data2", "c"),
      "components/data3.md": undefined,
      "components/data4.md": data("Data4", "a"),
      "components/check.md": unionDoc("Check", ["components.Exists", "components.Other"]),
      "components/guard.md": unionDoc("Guard", ["components.GuardExists", "components.Other"]),
      "components/oneexists.md": undefined,
      "components/twoexists.md": undefined,
      "components/exists.md": exists("Exists"),
      "components/guardexists.md": exists("GuardExists"),
    };
    const report = diff(before, defined(after), [{ name: "createWidget", request: "components.Widget" }]);
    expectOnlyRenames(report, [
      ["components.Data1", "components.Data2"],
      ["components.Data2", "components.Data3"],
      ["components.Data4", "components.Data1"],
      ["components.Exists", "components.OneExists"],
      ["components.GuardExists", "components.TwoExists"],
    ]);
  });

  it("swap inside a union whose members keep their names: the two members are two renames", () => {
    const before = {
      "components/pet.md": unionDoc("Pet", ["components.Pet1", "components.Pet2"]),
      "components/pet1.md": model("Pet1", [["bark", "*boolean*", true]]),
      "components/pet2.md": model("Pet2", [["meow", "*boolean*", true]]),
    };
    const after = { ...before, "components/pet1.md": model("Pet1", [["meow", "*boolean*", true]]), "components/pet2.md": model("Pet2", [["bark", "*boolean*", true]]) };
    const report = diff(before, after, [{ name: "getPet", response: "components.Pet" }]);
    expectOnlyRenames(report, [
      ["components.Pet1", "components.Pet2"],
      ["components.Pet2", "components.Pet1"],
    ]);
  });

  it("a member inserted first in a union shifts the numbered names of the others: one member added, the others renamed", () => {
    const body = (name: string, field: string) => model(name, [[field, "*string*", true]]);
    const before = {
      "operations/requestbody.md": unionDoc("RequestBody", ["operations.RequestBody1", "operations.RequestBody2"]),
      "operations/requestbody1.md": body("RequestBody1", "text"),
      "operations/requestbody2.md": body("RequestBody2", "image"),
    };
    const after = {
      "operations/requestbody.md": unionDoc("RequestBody", ["operations.RequestBody1", "operations.RequestBody2", "operations.RequestBody3"]),
      "operations/requestbody1.md": body("RequestBody1", "audio"),
      "operations/requestbody2.md": body("RequestBody2", "text"),
      "operations/requestbody3.md": body("RequestBody3", "image"),
    };
    const report = diff(before, after, [{ name: "create", request: "operations.RequestBody" }]);
    expect(models(report)).toEqual([
      ["operations.RequestBody2", "renamed", "operations.RequestBody1", ["model-renamed"]],
      ["operations.RequestBody3", "renamed", "operations.RequestBody2", ["model-renamed"]],
      ["operations.RequestBody", "changed", null, ["union-member-added"]],
      ["operations.RequestBody1", "added", null, ["model-added"]],
    ]);
    expect(report.models.find((m) => m.id === "operations.RequestBody")!.changes[0]!.subject).toBe("operations.RequestBody1");
  });

  it("renamed and extended: a response root becomes a shared component with more optional fields (one rename per name, not model-removed)", () => {
    const settings = (name: string, extra: boolean) => model(name, [["topK", "*number*", true], ...optional(extra, "threshold", "*number*")]);
    const knowledge = (name: string, settingsId: string, extra: boolean) =>
      model(name, [["id", "*string*", true], ["name", "*string*", true], ["retrievalSettings", link(settingsId), true], ...optional(extra, "description", "*string*")]);
    const shared = {
      "components/knowledge.md": knowledge("Knowledge", "components.RetrievalSettings", true),
      "components/retrievalsettings.md": settings("RetrievalSettings", true),
      "operations/listknowledgeresponsebody.md": model("ListKnowledgeResponseBody", [["data", `${link("components.Knowledge")}[]`, true]]),
    };
    const before = {
      ...shared,
      "operations/getoneknowledgeresponsebody.md": knowledge("GetOneKnowledgeResponseBody", "operations.GetOneKnowledgeRetrievalSettings", false),
      "operations/getoneknowledgeretrievalsettings.md": settings("GetOneKnowledgeRetrievalSettings", false),
    };
    const list: OperationFixture = { name: "list", id: "ListKnowledge", response: "operations.ListKnowledgeResponseBody" };
    const report = diff(
      before,
      shared,
      [list, { name: "retrieve", id: "GetOneKnowledge", response: "operations.GetOneKnowledgeResponseBody" }],
      [list, { name: "retrieve", id: "GetOneKnowledge", response: "components.Knowledge" }],
    );
    expect(models(report)).toEqual([
      ["components.Knowledge", "renamed", "operations.GetOneKnowledgeResponseBody", ["model-renamed", "field-added"]],
      ["components.RetrievalSettings", "renamed", "operations.GetOneKnowledgeRetrievalSettings", ["model-renamed", "field-added"]],
    ]);
    expect(kinds(report)).not.toContain("model-removed");
    expect(report.summary.breaking).toBe(0);
  });

  it("renamed with identical fields where several models share the shape: not type-incompatible", () => {
    const retry = (name: string) => model(name, [["count", "*number*", false]]);
    const body = (name: string, retryId: string) => model(name, [["input", "*string*", true], ["retry", link(retryId), false]]);
    const before = {
      "operations/createspeechrequestbody.md": body("CreateSpeechRequestBody", "operations.CreateSpeechRetry"),
      "operations/createspeechretry.md": retry("CreateSpeechRetry"),
      "operations/createtranscriptionrequestbody.md": body("CreateTranscriptionRequestBody", "operations.CreateTranscriptionRetry"),
      "operations/createtranscriptionretry.md": retry("CreateTranscriptionRetry"),
    };
    const after = {
      "operations/createspeechrequestbody.md": body("CreateSpeechRequestBody", "operations.CreateSpeechRouterAudioSpeechRetry"),
      "operations/createspeechrouteraudiospeechretry.md": retry("CreateSpeechRouterAudioSpeechRetry"),
      "operations/createtranscriptionrequestbody.md": body("CreateTranscriptionRequestBody", "operations.CreateTranscriptionRouterAudioTranscriptionsRetry"),
      "operations/createtranscriptionrouteraudiotranscriptionsretry.md": retry("CreateTranscriptionRouterAudioTranscriptionsRetry"),
    };
    const ops = [
      { name: "createSpeech", request: "operations.CreateSpeechRequestBody" },
      { name: "createTranscription", request: "operations.CreateTranscriptionRequestBody" },
    ];
    const report = diff(before, after, ops);
    expectOnlyRenames(report, [
      ["operations.CreateSpeechRouterAudioSpeechRetry", "operations.CreateSpeechRetry"],
      ["operations.CreateTranscriptionRouterAudioTranscriptionsRetry", "operations.CreateTranscriptionRetry"],
    ]);
  });

  it("a field retyped to another existing model of the same structure is no change; one that adds a required field is", () => {
    const before = {
      "components/order.md": model("Order", [["part", link("components.Part"), true]]),
      "components/part.md": model("Part", [["id", "*string*", true]]),
      "components/gear.md": model("Gear", [["id", "*string*", true]]),
      "components/cog.md": model("Cog", [["id", "*string*", true], ["teeth", "*number*", true]]),
    };
    const ops = [{ name: "createOrder", request: "components.Order" }];
    expect(models(diff(before, { ...before, "components/order.md": model("Order", [["part", link("components.Gear"), true]]) }, ops))).toEqual([]);
    const retyped = diff(before, { ...before, "components/order.md": model("Order", [["part", link("components.Cog"), true]]) }, ops);
    // Compared in place: the required field Cog adds to what `part` held, found through `part`.
    expect(retyped.models.map((m) => [m.id, m.changes.map((c) => [c.kind, c.via, c.subject, c.severity])])).toEqual([["components.Order", [["field-added", "part", "teeth", "breaking"]]]]);
  });
});

/** The fixtures list a doc as `undefined` to delete it from a spread of the old docs. */
function defined(docs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(docs).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function optional(present: boolean, name: string, type: string): Row[] {
  return present ? [[name, type, false]] : [];
}
