import { describe, expect, it } from "vitest";
import { NO, YES, pyEnum, pyLink, pyObject, tsEnum, tsLink, tsObject, unionDoc } from "../../test/helpers/docs.js";
import { parseDoc, type ParsedDoc } from "../parse/doc.js";
import { buildGraph } from "./graph.js";
import { GraphFormatError, parseGraph, serializeGraph } from "../model/json.js";
import type { ObjectModel, UnionModel } from "../model/types.js";

const ROOT = "/project/docs/models";
const parseAll = (files: Record<string, string>): ParsedDoc[] => Object.entries(files).map(([file, text]) => parseDoc({ file, text, root: ROOT }));
const build = (files: Record<string, string>) => buildGraph(parseAll(files));

const TS_DOCS = {
  "components/choice.md": tsObject("Choice", [
    ["`finishReason`", tsLink("components", "FinishReason"), YES, "N/A"],
    ["`content`", "*operations.Content*", NO, "N/A"],
    ["`next`", `${tsLink("components", "Choice")}[]`, NO, "self-reference"],
  ]),
  "components/finishreason.md": tsEnum("FinishReason", ['"stop"', '"length"']),
  "operations/content.md": unionDoc("Content", ["string", "components.Choice"]),
  "errors/errort.md": tsObject("ErrorT", [["`message`", "*string*", YES, "N/A"]]),
  "operations/errort.md": tsObject("ErrorT", [["`detail`", `Record<string, ${tsLink("errors", "ErrorT")}>`, YES, "N/A"]]),
};

describe("reference resolution", () => {
  it("resolves links by target file and italic refs by qualified name, across namespaces, and drops link data", () => {
    const { graph, diagnostics } = build(TS_DOCS);
    expect(diagnostics).toEqual([]);
    const choice = graph.models.find((m) => m.id === "components.Choice") as ObjectModel;
    expect(choice.fields.map((f) => f.type)).toEqual([
      { kind: "ref", id: "components.FinishReason" },
      { kind: "ref", id: "operations.Content" },
      { kind: "array", items: { kind: "ref", id: "components.Choice" } },
    ]);
    const content = graph.models.find((m) => m.id === "operations.Content") as UnionModel;
    expect(content.members.map((m) => m.type)).toEqual([
      { kind: "primitive", name: "string" },
      { kind: "ref", id: "components.Choice" },
    ]);
    const opError = graph.models.find((m) => m.id === "operations.ErrorT") as ObjectModel;
    expect(opError.fields[0]!.type).toEqual({ kind: "map", values: { kind: "ref", id: "errors.ErrorT" } });
  });

  it("the same title in two namespaces is two models", () => {
    const ids = build(TS_DOCS).graph.models.map((m) => m.id);
    expect(ids).toContain("errors.ErrorT");
    expect(ids).toContain("operations.ErrorT");
  });

  it("cycles are fine: self-references and mutual references (a union through an object)", () => {
    const { graph, diagnostics } = build({
      "components/a.md": tsObject("A", [["`b`", "*components.B*", NO, "N/A"]]),
      "components/b.md": unionDoc("B", ["string", "components.A", "{ [k: string]: components.B }"]),
    });
    expect(diagnostics).toEqual([]);
    const b = graph.models.find((m) => m.id === "components.B") as UnionModel;
    expect(b.members[2]!.type).toEqual({ kind: "map", values: { kind: "ref", id: "components.B" } });
  });

  it("Python links resolve to the flat folder, including keyword-escaped file names (`and_.md`)", () => {
    const { graph, diagnostics } = build({
      "filter_.md": pyObject("Filter", [["`and_`", `[Optional[models.And]](../models/and_.md)`, NO, "N/A"], ["`role`", pyLink("Role"), YES, "N/A"]]),
      "and_.md": unionDoc("And", ["str", "float"], "python"),
      "role.md": pyEnum("Role", ['"user"']),
    });
    expect(diagnostics).toEqual([]);
    expect(graph.flavour).toBe("python");
    const filter = graph.models.find((m) => m.id === "models.Filter") as ObjectModel;
    expect(filter.fields.map((f) => f.type)).toEqual([
      { kind: "ref", id: "models.And" },
      { kind: "ref", id: "models.Role" },
    ]);
  });
});

describe("diagnostics", () => {
  it("broken-link: the target file does not exist; located at the link", () => {
    const { diagnostics } = build({ "components/a.md": tsObject("A", [["`x`", tsLink("components", "Missing"), YES, "N/A"]]) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", code: "broken-link", file: "components/a.md", line: 13, column: 10 });
    expect(diagnostics[0]!.message).toContain("a file that does not exist");
  });

  it("broken-link: the target exists but could not be parsed (its own error comes too)", () => {
    const { diagnostics } = build({
      "components/a.md": tsObject("A", [["`x`", tsLink("components", "B"), YES, "N/A"]]),
      "components/b.md": "",
    });
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["components/a.md broken-link", "components/b.md empty-file"]);
    expect(diagnostics[0]!.message).toContain("could not be parsed");
  });

  it("unresolved-ref: an italic reference to no model", () => {
    const { diagnostics, graph } = build({ "components/a.md": tsObject("A", [["`x`", "*components.Nope*", YES, "N/A"]]) });
    expect(diagnostics).toEqual([
      { severity: "error", code: "unresolved-ref", message: "reference to components.Nope does not match any model (no doc is titled so; if it names a type, docs/FORMAT.md §3 lists those docschema knows)", file: "components/a.md", line: 13, column: 10 },
    ]);
    // The model is kept (nothing silently dropped), its field typed unknown, and the error stops generation.
    expect(graph.models.map((m) => m.id)).toEqual(["components.A"]);
    expect((graph.models[0] as ObjectModel).fields[0]!.type).toEqual({ kind: "primitive", name: "unknown" });
  });

  it("link-text-mismatch is a warning and the link target wins", () => {
    const { diagnostics, graph } = build({
      "components/a.md": tsObject("A", [["`x`", "[components.Wrong](../../models/components/b.md)", YES, "N/A"]]),
      "components/b.md": tsEnum("B", ['"b"']),
    });
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning link-text-mismatch"]);
    expect((graph.models[0] as ObjectModel).fields[0]!.type).toEqual({ kind: "ref", id: "components.B" });
  });

  it("duplicate-model: two docs define the same id", () => {
    const { diagnostics, graph } = build({
      "components/a.md": tsEnum("A", ['"a"']),
      "components/a2.md": tsEnum("A", ['"b"']),
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({ code: "duplicate-model", file: "components/a2.md", line: 1, column: 1, message: "model components.A is also defined in components/a.md" }),
    ]);
    expect(graph.models).toHaveLength(1);
  });

  it("diagnostics are sorted by file, line, column", () => {
    const { diagnostics } = build({
      "components/z.md": tsObject("Z", [["`x`", "*strng*", YES, "N/A"]]),
      "components/a.md": tsObject("A", [["`x`", "*components.Nope*", YES, "N/A"], ["`y`", "*components.Nope*", YES, "N/A"]]),
    });
    expect(diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(["components/a.md:13", "components/a.md:14", "components/z.md:13"]);
  });
});

describe("JSON format", () => {
  it("round-trips through serializeGraph/parseGraph", () => {
    const { graph } = build(TS_DOCS);
    const json = serializeGraph(graph);
    expect(json.endsWith("}\n")).toBe(true);
    expect(parseGraph(json)).toEqual(graph);
    expect(serializeGraph(parseGraph(json))).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ format: "docschema-graph", version: 1, flavour: "typescript" });
  });

  it("stable: models sorted by id (code-unit order), bytes independent of the order docs come in", () => {
    const forward = serializeGraph(build(TS_DOCS).graph);
    const backward = serializeGraph(buildGraph(parseAll(TS_DOCS).reverse()).graph);
    expect(backward).toBe(forward);
    const ids = build(TS_DOCS).graph.models.map((m) => m.id);
    expect(ids).toEqual(["components.Choice", "components.FinishReason", "errors.ErrorT", "operations.Content", "operations.ErrorT"]);
  });

  it("kind comes first in every model; fields keep doc order", () => {
    const { graph } = build(TS_DOCS);
    for (const model of graph.models) expect(Object.keys(model)[0]).toBe("kind");
    expect((graph.models[0] as ObjectModel).fields.map((f) => f.name)).toEqual(["finishReason", "content", "next"]);
  });

  it.each([
    ["not json", "not valid JSON"],
    ['{"format":"other","version":1,"models":[]}', 'format must be "docschema-graph"'],
    ['{"format":"docschema-graph","version":2,"models":[]}', "version 2 is not supported"],
    ['{"format":"docschema-graph","version":1}', '"models" must be an array'],
  ])("parseGraph refuses %s", (json, message) => {
    expect(() => parseGraph(json, "x.json")).toThrow(GraphFormatError);
    expect(() => parseGraph(json, "x.json")).toThrow(message);
  });
});
