import { describe, expect, it } from "vitest";
import { NO, YES, pyEnum, pyLink, pyObject, tsEnum, tsLink, tsObject, twinObjects, unionDoc } from "../../test/helpers/docs.js";
import type { Field, ModelGraph, ObjectModel, Operation, UnionModel } from "../model/types.js";
import { parseDoc } from "../parse/doc.js";
import { buildGraph } from "./graph.js";
import { mergeGraphs } from "./merge.js";

const graphOf = (files: Record<string, string>, operations?: Operation[]): ModelGraph => {
  const { graph, diagnostics } = buildGraph(Object.entries(files).map(([file, text]) => parseDoc({ file, text, root: "/docs/models" })));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return operations ? { ...graph, operations } : graph;
};
const merge = (ts: Record<string, string>, py: Record<string, string>, operations: { ts?: Operation[]; py?: Operation[] } = {}) =>
  mergeGraphs(graphOf(ts, operations.ts), graphOf(py, operations.py), { mergedPrefix: "../py/" });
const object = (graph: ModelGraph, id: string) => graph.models.find((model) => model.id === id) as ObjectModel;
const fieldOf = (graph: ModelGraph, id: string, name: string) => object(graph, id).fields.find((field) => field.name === name) as Field;
const twinOf = (graph: ModelGraph, id: string) => graph.models.find((model) => model.id === id)?.twin?.name;
const located = (diagnostics: { code: string; file: string; line: number; message: string }[]) => diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);

describe("mergeGraphs: the facts of the Python docs", () => {
  const usage = twinObjects("Usage", [
    ["promptTokens", "*number*", "prompt_tokens", "*int*", true],
    ["cost", "*number*", "cost", "*OptionalNullable[float]*", false],
    ["model", "*string*", "model", "*Nullable[str]*", true],
    ["note", "*string*", "note", "*Optional[str]*", false],
    ["tags", "*string*[]", "tags", "List[*Nullable[str]*]", false],
    ["counts", "*number*[]", "counts", "List[*int*]", false],
    ["created", "[Date](https://developer.mozilla.org/x)", "created", "[date](https://docs.python.org/3/library/datetime.html#date-objects)", false],
    ["detail", tsLink("components", "Detail"), "detail", pyLink("Detail", "OptionalNullable"), false],
  ]);
  const detail = twinObjects("Detail", [["text", "*string*", "text", "*str*", true]]);
  const ts = { "components/usage.md": usage.ts, "components/detail.md": detail.ts };
  const py = { "usage.md": usage.py, "detail.md": detail.py };

  it("nullability and integers, with the Python names and locations as the twin", () => {
    const { graph, diagnostics } = merge(ts, py);
    expect(diagnostics).toEqual([]);
    expect(graph.merged).toEqual({ flavour: "python" });
    const field = (name: string) => fieldOf(graph, "components.Usage", name);
    expect(field("promptTokens")).toMatchObject({ type: { kind: "primitive", name: "integer" }, nullable: false, twin: { name: "prompt_tokens", facts: ["integer", "nullability"] } });
    expect(field("promptTokens").twin!.source).toEqual({ file: "usage.md", line: 7, column: 3 });
    expect(field("cost")).toMatchObject({ type: { kind: "primitive", name: "number" }, nullable: true, twin: { name: "cost", facts: ["nullability"] } });
    expect(field("model")).toMatchObject({ nullable: true, required: true });
    expect(field("note").nullable).toBe(false);
    // Lists, maps and dates are never wrapped in Python docs: their own nullability stays unknown, their items' is told.
    expect(field("tags")).toMatchObject({ type: { kind: "array", items: { kind: "nullable", type: { kind: "primitive", name: "string" } } }, twin: { facts: ["nullability"] } });
    expect(field("tags").nullable).toBeUndefined();
    expect(field("counts").type).toEqual({ kind: "array", items: { kind: "primitive", name: "integer" } });
    expect(field("created").nullable).toBeUndefined();
    expect(field("created").twin).toEqual({ name: "created", source: { file: "usage.md", line: 13, column: 3 } });
    // References stay the primary docs' own.
    expect(field("detail")).toMatchObject({ type: { kind: "ref", id: "components.Detail" }, nullable: true });
    expect(object(graph, "components.Usage").twin).toEqual({ name: "models.Usage", source: { file: "usage.md", line: 1, column: 1 } });
  });

  it("leaves the primary graph as it was where the merged docs say nothing new", () => {
    const { graph } = merge(ts, py);
    const detail = object(graph, "components.Detail");
    expect(detail.fields[0]).toMatchObject({ name: "text", required: true, nullable: false, twin: { name: "text", facts: ["nullability"] } });
    expect(graph.models.map((model) => model.id)).toEqual(["components.Detail", "components.Usage"]);
  });
});

describe("mergeGraphs: nullability from examples", () => {
  it("a Type column outranks an example: taken where Python states it, kept where it cannot (lists)", () => {
    const ts = tsObject("Doc", [
      ["`a`", "*string*", YES, "N/A"],
      ["`b`", "*string*", YES, "N/A"],
      ["`c`", "*string*[]", YES, "N/A"],
    ]).replace("let value: Doc = {};", "let value: Doc = { a: null, b: null, c: null };");
    const { graph, diagnostics } = merge(
      { "components/doc.md": ts },
      { "doc.md": pyObject("Doc", [["`a`", "*Nullable[str]*", YES, "N/A"], ["`b`", "*str*", YES, "N/A"], ["`c`", "List[*str*]", YES, "N/A"]]) },
    );
    const [a, b, c] = object(graph, "components.Doc").fields;
    expect(a).toMatchObject({ nullable: true, twin: { facts: ["nullability"] } });
    expect(a).not.toHaveProperty("nullableFrom");
    expect(b).toMatchObject({ nullable: false, twin: { facts: ["nullability"] } });
    expect(c).toMatchObject({ nullable: true, nullableFrom: "example" });
    expect(diagnostics.map((d) => d.message)).toEqual(['the example sets field "b" to null, but models.Doc says it is not nullable; not nullable, as that Type column says']);
  });
});

describe("mergeGraphs: matching fields", () => {
  it("by name with case and _ folded (digits, keywords, acronyms), then by position; the rest is reported where it is", () => {
    const cost = twinObjects("Cost", [
      ["cacheWrite1h", "*number*", "cache_write_1h", "*Optional[int]*", false],
      ["rouge1", "*number*", "rouge_1", "*OptionalNullable[float]*", false],
      ["bytes", "*number*[]", "bytes_", "List[*int*]", false],
      ["modelID", "*string*", "model_id", "*Optional[str]*", false],
      ["oldName", "*number*", "new_name", "*Optional[int]*", false],
      ["tsOnly", "*boolean*", "py_only", "*Optional[str]*", false],
    ]);
    // A Python-only field: the last row.
    const py = `${cost.py}\n| \`extra\` | *Optional[str]* | ${NO} | N/A |`;
    const { graph, diagnostics } = merge({ "components/cost.md": cost.ts }, { "cost.md": py });
    const twins = object(graph, "components.Cost").fields.map((field) => field.twin?.name);
    expect(twins).toEqual(["cache_write_1h", "rouge_1", "bytes_", "model_id", "new_name", undefined]);
    expect(fieldOf(graph, "components.Cost", "oldName").type).toEqual({ kind: "primitive", name: "integer" });
    // `tsOnly` (boolean) and `py_only` (str) share a position but not a type: neither is taken for the other.
    expect(located(diagnostics)).toEqual(["../py/cost.md:12 merge-unused-field", "../py/cost.md:13 merge-unused-field", "components/cost.md:18 merge-unmatched-field"]);
    expect(diagnostics.map((d) => d.message)).toContain('field "tsOnly" has no counterpart in models.Cost: its nullability and integers stay unknown');
  });

  it("the catch-all rows are one another's", () => {
    const { graph, diagnostics } = merge(
      { "components/open.md": tsObject("Open", [["`id`", "*string*", YES, "N/A"], ["`additionalProperties`", "Record<string, *number*>", NO, "N/A"]]) },
      { "open.md": pyObject("Open", [["`id`", "*str*", YES, "N/A"], ["`__pydantic_extra__`", "Dict[str, *Nullable[int]*]", NO, "N/A"]]) },
    );
    expect(diagnostics).toEqual([]);
    expect(object(graph, "components.Open").additionalProperties).toEqual({ kind: "nullable", type: { kind: "primitive", name: "integer" } });
  });
});

describe("mergeGraphs: matching models", () => {
  it("titles case folded, TS's and old Python's T suffix, Python's keyword file names; literals are Python's one-value enum docs", () => {
    const { graph, diagnostics } = merge(
      {
        "components/updateapikeyrequest.md": tsObject("UpdateApiKeyRequest", [["`type`", '*"key"*', YES, "N/A"], ["`error`", tsLink("components", "ErrorT"), NO, "N/A"]]),
        "components/errort.md": tsObject("ErrorT", [["`code`", "*number*", YES, "N/A"]]),
        "components/and.md": tsEnum("And", ['"a"', '"b"']),
        "components/enum.md": tsEnum("Enum", ['"one"']),
      },
      {
        "updateapikeyrequest.md": pyObject("UpdateAPIKeyRequest", [["`type`", pyLink("UpdateAPIKeyRequestType"), YES, "N/A"], ["`error`", pyLink("Error", "Optional"), NO, "N/A"]]),
        "updateapikeyrequesttype.md": pyEnum("UpdateAPIKeyRequestType", ['"key"']),
        "error.md": pyObject("Error", [["`code`", "*int*", YES, "N/A"]]),
        "and_.md": pyEnum("And", ['"a"', '"b"']),
        "enumt.md": pyEnum("EnumT", ['"one"']),
      },
    );
    expect(diagnostics).toEqual([]);
    expect(graph.models.map((model) => [model.id, model.twin?.name])).toEqual([
      ["components.And", "models.And"],
      ["components.Enum", "models.EnumT"],
      ["components.ErrorT", "models.Error"],
      ["components.UpdateApiKeyRequest", "models.UpdateAPIKeyRequest"],
    ]);
    expect(fieldOf(graph, "components.ErrorT", "code").type).toEqual({ kind: "primitive", name: "integer" });
  });

  it("another release of the same flavour pairs by id, shared titles included", () => {
    const docs = {
      "components/thing.md": tsObject("Thing", [["`a`", "*number*", YES, "N/A"]]),
      "operations/thing.md": tsObject("Thing", [["`b`", "*string*", YES, "N/A"]]),
    };
    const { graph, diagnostics } = mergeGraphs(graphOf(docs), graphOf(docs));
    expect(diagnostics).toEqual([]);
    expect(graph.models.map((model) => [model.id, model.twin?.name])).toEqual([
      ["components.Thing", "components.Thing"],
      ["operations.Thing", "operations.Thing"],
    ]);
    expect(graph.merged).toEqual({ flavour: "typescript" });
  });

  it("a title several namespaces share: references and operations pair the renamed Python docs", () => {
    const ts = {
      // Same title in three namespaces; only the references tell which Python doc is which.
      "components/thing.md": tsObject("Thing", [["`a`", "*number*", YES, "N/A"]]),
      "operations/thing.md": tsObject("Thing", [["`a`", "*number*", YES, "N/A"]]),
      "operations/getthingresponsebody.md": tsObject("GetThingResponseBody", [["`thing`", tsLink("operations", "Thing"), YES, "N/A"], ["`other`", tsLink("components", "Thing"), NO, "N/A"]]),
      // Error bodies look alike, and Python renames them onto each other's titles: the operation decides.
      "errors/getthingerror.md": tsObject("GetThingError", [["`message`", "*string*", YES, "N/A"]]),
      "errors/getthingthingserror.md": tsObject("GetThingThingsError", [["`message`", "*string*", YES, "N/A"]]),
    };
    const py = {
      "thing.md": pyObject("Thing", [["`a`", "*Nullable[int]*", YES, "N/A"]]),
      "getthingthing.md": pyObject("GetThingThing", [["`a`", "*float*", YES, "N/A"]]),
      "getthingresponsebody.md": pyObject("GetThingResponseBody", [["`thing`", pyLink("GetThingThing"), YES, "N/A"], ["`other`", pyLink("Thing", "Optional"), NO, "N/A"]]),
      "getthingthingserror.md": pyObject("GetThingThingsError", [["`message`", "*str*", YES, "N/A"]]),
      "getthingthingsresponseerror.md": pyObject("GetThingThingsResponseError", [["`message`", "*Nullable[str]*", YES, "N/A"]]),
    };
    const operation = (id: string, response: string[]): Operation => ({ id: "get-thing", group: "Things", name: "get", request: [], response, source: { file: "../sdks/things/README.md", line: 1, column: 1 } });
    const { graph, diagnostics } = merge(ts, py, {
      ts: [operation("get-thing", ["operations.GetThingResponseBody", "errors.GetThingError", "errors.GetThingThingsError"])],
      py: [operation("get-thing", ["models.GetThingResponseBody", "models.GetThingThingsError", "models.GetThingThingsResponseError"])],
    });
    expect(diagnostics).toEqual([]);
    expect(twinOf(graph, "operations.Thing")).toBe("models.GetThingThing");
    expect(twinOf(graph, "components.Thing")).toBe("models.Thing");
    expect(fieldOf(graph, "components.Thing", "a")).toMatchObject({ nullable: true, type: { kind: "primitive", name: "integer" } });
    expect(fieldOf(graph, "operations.Thing", "a")).toMatchObject({ nullable: false, type: { kind: "primitive", name: "number" } });
    expect(twinOf(graph, "errors.GetThingError")).toBe("models.GetThingThingsError");
    expect(twinOf(graph, "errors.GetThingThingsError")).toBe("models.GetThingThingsResponseError");
    expect(fieldOf(graph, "errors.GetThingThingsError", "message").nullable).toBe(true);
  });

  it("a lone title with another structure yields to references (the generators name inline models differently)", () => {
    const { graph } = merge(
      {
        "operations/parent.md": tsObject("Parent", [["`cache`", tsLink("operations", "TwoCache"), NO, "N/A"]]),
        "operations/twocache.md": tsObject("TwoCache", [["`ttl`", "*number*", NO, "N/A"]]),
      },
      {
        "parent.md": pyObject("Parent", [["`cache`", pyLink("ParentTwoCache", "Optional"), NO, "N/A"]]),
        "parenttwocache.md": pyObject("ParentTwoCache", [["`ttl`", "*Optional[int]*", NO, "N/A"]]),
        "twocache.md": pyObject("TwoCache", [["`ttl`", "*Optional[str]*", NO, "N/A"]]),
      },
    );
    expect(twinOf(graph, "operations.TwoCache")).toBe("models.ParentTwoCache");
    expect(fieldOf(graph, "operations.TwoCache", "ttl").type).toEqual({ kind: "primitive", name: "integer" });
  });

  it("even with the same structure, a referenced model's title yields to the references of its parent", () => {
    const { graph } = merge(
      {
        "operations/parent.md": tsObject("Parent", [["`content`", tsLink("operations", "ContentA"), YES, "N/A"]]),
        "operations/other.md": tsObject("Other", [["`content`", tsLink("operations", "ContentB"), YES, "N/A"]]),
        "operations/contenta.md": tsObject("ContentA", [["`size`", "*number*", YES, "N/A"]]),
        "operations/contentb.md": tsObject("ContentB", [["`size`", "*number*", YES, "N/A"]]),
      },
      {
        "parent.md": pyObject("Parent", [["`content`", pyLink("ParentContent"), YES, "N/A"]]),
        "other.md": pyObject("Other", [["`content`", pyLink("ContentA"), YES, "N/A"]]),
        "parentcontent.md": pyObject("ParentContent", [["`size`", "*int*", YES, "N/A"]]),
        "contenta.md": pyObject("ContentA", [["`size`", "*Nullable[float]*", YES, "N/A"]]),
      },
    );
    expect(twinOf(graph, "operations.ContentA")).toBe("models.ParentContent");
    expect(twinOf(graph, "operations.ContentB")).toBe("models.ContentA");
    expect(fieldOf(graph, "operations.ContentB", "size")).toMatchObject({ nullable: true, type: { kind: "primitive", name: "number" } });
  });

  it("reports models without a counterpart on either side, and types that disagree, where they are written", () => {
    const { graph, diagnostics } = merge(
      { "components/a.md": tsObject("A", [["`n`", "*string*", YES, "N/A"]]), "components/lonely.md": tsEnum("Lonely", ['"x"']) },
      { "a.md": pyObject("A", [["`n`", "*int*", YES, "N/A"]]), "stray.md": pyEnum("Stray", ['"y"', '"z"']) },
    );
    expect(located(diagnostics)).toEqual(["../py/stray.md:1 merge-unused-model", "components/a.md:13 merge-mismatch", "components/lonely.md:1 merge-unmatched-model"]);
    expect(diagnostics.find((d) => d.code === "merge-mismatch")!.message).toBe('field "n" is string here but integer in models.A; kept what these docs say');
    expect(fieldOf(graph, "components.A", "n").type).toEqual({ kind: "primitive", name: "string" });
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });
});

describe("mergeGraphs: unions", () => {
  it("members line up by shape: integers and nullable map values flow into them", () => {
    const { graph, diagnostics } = merge(
      {
        "operations/value.md": unionDoc("Value", ["string", "number", "{ [k: string]: operations.Item }"]),
        "operations/item.md": tsObject("Item", [["`id`", "*string*", YES, "N/A"]]),
        "operations/upload.md": tsObject("Upload", [["`file`", `[File](https://x) \\| [Blob](https://x) \\| ${tsLink("operations", "FileObject")}`, NO, "N/A"]]),
        "operations/fileobject.md": tsObject("FileObject", [["`size`", "*number*", YES, "N/A"]]),
      },
      {
        "value.md": unionDoc("Value", ["str", "int", "Dict[str, Nullable[models.Item]]"], "python"),
        "item.md": pyObject("Item", [["`id`", "*str*", YES, "N/A"]]),
        "upload.md": pyObject("Upload", [["`file`", pyLink("FileObject", "Optional"), NO, "N/A"]]),
        "fileobject.md": pyObject("FileObject", [["`size`", "*int*", YES, "N/A"]]),
      },
    );
    expect(diagnostics).toEqual([]);
    const value = graph.models.find((model) => model.id === "operations.Value") as UnionModel;
    expect(value.members.map((member) => member.type)).toEqual([
      { kind: "primitive", name: "string" },
      { kind: "primitive", name: "integer" },
      { kind: "map", values: { kind: "nullable", type: { kind: "ref", id: "operations.Item" } } },
    ]);
    expect(value.members[1]!.twin).toMatchObject({ facts: ["integer"] });
    // Python names only the object of a multipart `File | Blob | X` field: it is still X's twin.
    expect(twinOf(graph, "operations.FileObject")).toBe("models.FileObject");
    expect(fieldOf(graph, "operations.FileObject", "size").type).toEqual({ kind: "primitive", name: "integer" });
  });
});
