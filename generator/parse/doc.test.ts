import { describe, expect, it } from "vitest";
import { NO, YES, pyEnum, pyLink, pyObject, table, tsEnum, tsLink, tsObject, unionDoc } from "../../test/helpers/docs.js";
import type { EnumModel, ObjectModel, UnionModel } from "../model/types.js";
import { namespaceOf, parseDoc, type ParsedDoc } from "./doc.js";
import { parseBytes } from "./bytes.js";

/** Docs live in `<root>/docs/models`, so TS links (`../../models/ns/x.md`) climb above the input folder and come back. */
const ROOT = "/project/docs/models";
const parse = (file: string, text: string): ParsedDoc => parseDoc({ file, text, root: ROOT });
const codes = (doc: ParsedDoc): string[] => doc.diagnostics.map((d) => `${d.severity} ${d.code}`);
const objectOf = (doc: ParsedDoc): ObjectModel => {
  expect(doc.model?.kind).toBe("object");
  return doc.model as ObjectModel;
};
const enumOf = (doc: ParsedDoc): EnumModel => {
  expect(doc.model?.kind).toBe("enum");
  return doc.model as EnumModel;
};
const unionOf = (doc: ParsedDoc): UnionModel => {
  expect(doc.model?.kind).toBe("union");
  return doc.model as UnionModel;
};

/** The single diagnostic of a doc, asserting there is exactly one. */
function only(doc: ParsedDoc) {
  expect(doc.diagnostics, JSON.stringify(doc.diagnostics)).toHaveLength(1);
  return doc.diagnostics[0]!;
}

describe("object docs", () => {
  it("reads a TS object: fields, required, descriptions (N/A dropped, <br/> → newline), links, description, example", () => {
    const doc = parse(
      "components/choices.md",
      tsObject(
        "Choices",
        [
          ["`finishReason`", tsLink("components", "FinishReason"), YES, "Why it stopped.<br/>See `stop`."],
          ["`index`", "*number*", YES, "N/A"],
          ["`tags`", "*string*[]", NO, "Tags \\| labels"],
        ],
        { description: "A choice of the model." },
      ),
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.flavour).toBe("typescript");
    const model = objectOf(doc);
    expect(model).toMatchObject({
      id: "components.Choices",
      name: "Choices",
      namespace: "components",
      description: "A choice of the model.",
      example: "let value: Choices = {};",
      source: { file: "components/choices.md", line: 1, column: 1 },
    });
    expect(model.fields.map((f) => [f.name, f.required, f.description])).toEqual([
      ["finishReason", true, "Why it stopped.\nSee `stop`."],
      ["index", true, undefined],
      ["tags", false, "Tags | labels"],
    ]);
    expect(model.fields[0]!.type).toMatchObject({ kind: "ref", id: "components.FinishReason", link: { target: "components/finishreason.md" } });
    expect(model.fields[0]!.nullable).toBeUndefined();
    // Fields point at their row: title, blank, description, blank, Example Usage (5 lines), blank, ## Fields, blank, header, delimiter.
    expect(model.fields[0]!.source).toEqual({ file: "components/choices.md", line: 15, column: 3 });
  });

  it("reads the Example column and a header-only (empty) table", () => {
    const withExample = objectOf(parse("components/m.md", tsObject("M", [["`model`", "*string*", YES, "N/A", "openai/gpt-4.1"]])));
    expect(withExample.fields[0]!.example).toBe("openai/gpt-4.1");
    const empty = parse("components/allprojects.md", tsObject("AllProjects", []));
    expect(empty.diagnostics).toEqual([]);
    expect(objectOf(empty).fields).toEqual([]);
  });

  it("deprecated models (~~Title~~, @deprecated) and fields (~~`x`~~ and the DEPRECATED prefix)", () => {
    const prefix = ": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>";
    const doc = parse(
      "components/old.md",
      tsObject("~~Old~~", [
        ["~~`legacy`~~", "*string*", NO, `${prefix}Use \`modern\`.`],
        ["`modern`", "*string*", NO, "N/A"],
      ]),
    );
    expect(doc.diagnostics).toEqual([]);
    const model = objectOf(doc);
    expect(model.name).toBe("Old");
    expect(model.deprecated).toBe(true);
    expect(model.fields[0]).toMatchObject({ name: "legacy", deprecated: true, description: "Use `modern`." });
    expect(model.fields[1]!.deprecated).toBeUndefined();
    expect(objectOf(parse("components/d.md", tsObject("D", [], { description: "@deprecated use E" }))).deprecated).toBe(true);
  });

  it("the open-object catch-all row becomes additionalProperties, not a field", () => {
    const ts = objectOf(parse("components/o.md", tsObject("O", [["`a`", "*string*", YES, "N/A"], ["`additionalProperties`", "Record<string, *any*>", NO, "N/A"]])));
    expect(ts.fields.map((f) => f.name)).toEqual(["a"]);
    expect(ts.additionalProperties).toEqual({ kind: "primitive", name: "any" });
    const py = objectOf(parse("o.md", pyObject("O", [["`a`", "*str*", YES, "N/A"], ["`__pydantic_extra__`", "Dict[str, *Any*]", NO, "N/A"]])));
    expect(py.additionalProperties).toEqual({ kind: "primitive", name: "any" });
    // Python's catch-all beside a field named like the SDKs' catch-all property: the output could not hold both.
    const clash = parse("c.md", pyObject("C", [["`additionalProperties`", "*str*", YES, "N/A"], ["`__pydantic_extra__`", "Dict[str, *Any*]", NO, "N/A"]]));
    expect(only(clash)).toMatchObject({ severity: "error", code: "duplicate-field", line: 7 });
    // A required or non-map additionalProperties is a real property (docs/FORMAT.md §3.5).
    const real = objectOf(parse("components/r.md", tsObject("R", [["`additionalProperties`", "*boolean*", NO, "N/A"]])));
    expect(real.fields.map((f) => f.name)).toEqual(["additionalProperties"]);
    expect(real.additionalProperties).toBeUndefined();
  });

  it("reads a Python object: flat namespace, nullability only where the docs can say it", () => {
    const doc = parse(
      "responsebody2.md",
      pyObject("ResponseBody2", [
        ["`id`", "*str*", YES, "N/A"],
        ["`name`", "*OptionalNullable[str]*", NO, "N/A"],
        ["`role`", pyLink("Role", "Nullable"), YES, "N/A"],
        ["`choices`", `List[${pyLink("Choice")}]`, YES, "N/A"],
        ["`created`", `[date](https://docs.python.org/3/library/datetime.html#date-objects)`, NO, "N/A"],
      ]),
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.flavour).toBe("python");
    const model = objectOf(doc);
    expect(model.id).toBe("models.ResponseBody2");
    expect(model.fields.map((f) => [f.name, f.required, f.nullable])).toEqual([
      ["id", true, false],
      ["name", false, true],
      ["role", true, true],
      ["choices", true, undefined],
      ["created", false, undefined],
    ]);
    expect(model.fields[2]!.type).toMatchObject({ kind: "ref", id: "models.Role", link: { target: "role.md" } });
  });
});

describe("enum docs", () => {
  it("TS literal-union block; values are JSON strings, so | and spaces inside them survive", () => {
    const doc = parse("operations/effort.md", tsEnum("Effort", ['"none"', '"a | b"', '"Translation (document)"'], "How hard."));
    expect(doc.diagnostics).toEqual([]);
    expect(enumOf(doc)).toMatchObject({ id: "operations.Effort", values: ["none", "a | b", "Translation (document)"], description: "How hard." });
    expect(enumOf(doc).open).toBeUndefined();
  });

  it("TS open enum: `| Unrecognized<string>`", () => {
    const model = enumOf(parse("components/role.md", tsEnum("Role", ['"user"', '"assistant"', "Unrecognized<string>"])));
    expect(model.values).toEqual(["user", "assistant"]);
    expect(model.open).toBe(true);
  });

  it("TS numeric enum", () => {
    expect(enumOf(parse("components/code.md", tsEnum("Code", ["100", "101", "-2"]))).values).toEqual([100, 101, -2]);
  });

  it("Python bullet list, and the open-enum sentence", () => {
    const closed = parse("role.md", pyEnum("Role", ['"user"', '"assistant"']));
    expect(closed.diagnostics).toEqual([]);
    expect(closed.flavour).toBe("python");
    expect(enumOf(closed)).toMatchObject({ id: "models.Role", values: ["user", "assistant"] });
    const open = enumOf(parse("role.md", pyEnum("Role", ['"user"'], "This is an open enum. Unrecognized values will not fail type checks.")));
    expect(open.open).toBe(true);
    expect(enumOf(parse("code.md", pyEnum("Code", ["100", "200"]))).values).toEqual([100, 200]);
  });

  it("older `Name | Value` table (with or without Description), values unquoted", () => {
    const text = ["# Status", "", "## Values", "", table(["Name", "Value", "Description"], [["`Active`", "active", "N/A"], ["`OnHold`", "on hold", "Paused"]])].join("\n");
    const doc = parse("components/status.md", text);
    expect(doc.diagnostics).toEqual([]);
    expect(enumOf(doc).values).toEqual(["active", "on hold"]);
  });

  it("the Name column names the members, the first of a repeated value keeping its name", () => {
    const rows = [["`ToolCalls`", "tool_calls"], ["`STOP`", "stop"], ["`Again`", "tool_calls"], ["`toolCalls2`", "other"]];
    const doc = parse("components/finishreason.md", ["# FinishReason", "", "## Values", "", table(["Name", "Value"], rows)].join("\n"));
    expect(enumOf(doc)).toMatchObject({ values: ["tool_calls", "stop", "other"], names: ["ToolCalls", "STOP", "toolCalls2"] });
    expect(codes(doc)).toEqual(["warning duplicate-enum-value"]);
    expect(enumOf(parse("components/e.md", tsEnum("E", ['"a"']))).names).toBeUndefined();
  });

  it("values JSON cannot read, or numbers out of range, are errors at the value", () => {
    const badEscape = only(parse("components/e.md", tsEnum("E", ['"a"', '"C:\\dir"'])));
    expect(badEscape).toMatchObject({ severity: "error", code: "bad-enum-value", line: 12, column: '"a" | '.length + 1 });
    expect(only(parse("components/e.md", tsEnum("E", ["1", "9".repeat(400)])))).toMatchObject({ code: "bad-enum-value", column: "1 | ".length + 1 });
    expect(only(parse("e.md", pyEnum("E", ['"C:\\dir"'])))).toMatchObject({ code: "bad-enum-value", line: 11 });
  });

  it("a repeated value is kept once, at its first line, with a warning", () => {
    const doc = parse("components/e.md", tsEnum("E", ['"a"', '"b"', '"a"']));
    expect(enumOf(doc)).toMatchObject({ values: ["a", "b"], valueLines: [12, 12] });
    expect(codes(doc)).toEqual(["warning duplicate-enum-value"]);
  });

  it("records the doc line of each value, where a diff points at it (a TS union wrapped over lines, bullets, table rows)", () => {
    const wrapped = ["# Size", "", "## Values", "", "```typescript", '"s" | "m" |', '  "l" | Unrecognized<string>', "```", ""].join("\n");
    expect(enumOf(parse("components/size.md", wrapped))).toMatchObject({ values: ["s", "m", "l"], valueLines: [6, 6, 7] });
    expect(enumOf(parse("size.md", pyEnum("Size", ['"s"', '"m"']))).valueLines).toEqual([11, 12]);
    const rows = ["# Status", "", "## Values", "", table(["Name", "Value"], [["`Active`", "active"], ["`OnHold`", "on hold"]])].join("\n");
    expect(enumOf(parse("components/status.md", rows)).valueLines).toEqual([7, 8]);
  });
});

describe("union docs", () => {
  it("TS members: refs, primitives, arrays, maps, EventStream; repeated members deduped; examples kept", () => {
    const doc = parse(
      "operations/body.md",
      unionDoc("Body", ["operations.ResponseBody1", "string", "operations.ResponseBody1", "number[]", "{ [k: string]: any }", "EventStream<operations.Chunk>"]),
    );
    expect(doc.diagnostics).toEqual([]);
    const model = unionOf(doc);
    expect(model.members.map((m) => m.type)).toEqual([
      // References point at the name, one column after the heading's backtick.
      { kind: "ref", id: "operations.ResponseBody1", link: { at: { file: "operations/body.md", line: 5, column: 6 } } },
      { kind: "primitive", name: "string" },
      { kind: "array", items: { kind: "primitive", name: "number" } },
      { kind: "map", values: { kind: "primitive", name: "any" } },
      { kind: "stream", type: { kind: "ref", id: "operations.Chunk", link: { at: { file: "operations/body.md", line: 35, column: 18 } } } },
    ]);
    expect(model.members[0]!.example).toBe("const value: operations.ResponseBody1 = {};");
    expect(model.members[0]!.source).toEqual({ file: "operations/body.md", line: 5, column: 5 });
  });

  it("Python members, a nullable map value kept as nullable", () => {
    const doc = parse("value.md", unionDoc("Value", ["str", "float", "bool", "List[models.Item]", "Dict[str, Nullable[models.Item]]"], "python"));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.flavour).toBe("python");
    const types = unionOf(doc).members.map((m) => m.type.kind);
    expect(types).toEqual(["primitive", "primitive", "primitive", "array", "map"]);
  });
});

describe("flavour detection", () => {
  it.each([
    ["typescript fence", "components/x.md", tsEnum("X", ['"a"']), "typescript"],
    ["python fence", "x.md", pyEnum("X", ['"a"']), "python"],
    ["python cells without a fence", "x.md", pyObject("X", [["`a`", "*Optional[str]*", NO, "N/A"]]), "python"],
    ["TS cells without a fence", "components/x.md", tsObject("X", [["`a`", "*string*", YES, "N/A"]], { example: false }), "typescript"],
    ["nothing to tell", "components/x.md", unionDoc("X", ["X1"], ""), undefined],
  ])("%s", (_, file, text, flavour) => {
    expect(parse(file, text).flavour).toBe(flavour);
  });

  it("namespace from the folder, `models` when flat", () => {
    expect(namespaceOf("components/x.md")).toBe("components");
    expect(namespaceOf("x.md")).toBe("models");
    expect(namespaceOf("a/b/x.md")).toBe("a.b");
  });
});

describe("diagnostics, one per problem, located", () => {
  const ok = (rows: string[][]) => tsObject("X", rows);

  it("empty-file", () => {
    expect(only(parse("components/x.md", " \n\n"))).toMatchObject({ severity: "error", code: "empty-file", line: 1, column: 1 });
  });

  it("missing-title", () => {
    const doc = parse("components/x.md", "Some text\n\n## Fields\n");
    expect(doc.model).toBeUndefined();
    expect(only(doc)).toMatchObject({ severity: "error", code: "missing-title" });
  });

  it("bad-title", () => {
    const doc = parse("components/x.md", "# Not a name\n\n## Values\n\n- `\"a\"`");
    expect(only(doc)).toMatchObject({ severity: "error", code: "bad-title", line: 1, column: 1 });
  });

  it("title-mismatch is a warning; Python's trailing `_` on keyword file names is not a mismatch", () => {
    const doc = parse("components/y.md", tsEnum("X", ['"a"']));
    expect(doc.model).toBeDefined();
    expect(only(doc)).toMatchObject({ severity: "warning", code: "title-mismatch", line: 1 });
    expect(parse("and_.md", pyEnum("And", ['"a"'])).diagnostics).toEqual([]);
  });

  it("duplicate-section is a warning and the first section wins", () => {
    const doc = parse("components/x.md", `${tsEnum("X", ['"a"'])}\n\n## Values\n\n\`\`\`typescript\n"b"\n\`\`\``);
    expect(enumOf(doc).values).toEqual(["a"]);
    expect(only(doc)).toMatchObject({ severity: "warning", code: "duplicate-section", line: 15 });
  });

  it("unknown-kind: no kind section, or two kinds", () => {
    const none = parse("components/x.md", "# X\n\n## Example Usage\n\n```typescript\nlet x = 1;\n```");
    expect(only(none)).toMatchObject({ severity: "error", code: "unknown-kind", line: 1 });
    expect(only(none).message).toContain("found ## Example Usage");
    const two = parse("components/x.md", `${tsEnum("X", ['"a"'])}\n\n## Fields\n\n${table(["Field", "Type", "Required", "Description"], [])}`);
    expect(only(two).message).toContain("several kinds");
  });

  it("missing-table", () => {
    const doc = parse("components/x.md", "# X\n\n## Fields\n\nNothing here.");
    expect(doc.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ["warning", "stray-content", 5],
      ["error", "missing-table", 3],
    ]);
  });

  it("bad-table-header", () => {
    const doc = parse("components/x.md", `# X\n\n## Fields\n\n${table(["Name", "Kind"], [["`a`", "*string*"]])}`);
    expect(only(doc)).toMatchObject({ code: "bad-table-header", line: 5 });
    const values = parse("components/x.md", `# X\n\n## Values\n\n${table(["Name", "Label"], [["`A`", "a"]])}`);
    expect(only(values)).toMatchObject({ code: "bad-table-header", line: 5 });
  });

  it("bad-row: too few or too many cells, located at the row", () => {
    const rows = [
      ["`a`", "*string*", YES, "N/A"],
      ["`b`", "*string*", YES],
      ["`c`", "*string*", YES, "N/A", "extra"],
    ];
    const text = `# X\n\n## Fields\n\n${table(["Field", "Type", "Required", "Description"], rows)}`;
    const doc = parse("components/x.md", text);
    expect(doc.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["bad-row", 8],
      ["bad-row", 9],
    ]);
  });

  it("bad-field-name", () => {
    const doc = parse("components/x.md", ok([["a b", "*string*", YES, "N/A"]]));
    expect(only(doc)).toMatchObject({ code: "bad-field-name", line: 13, column: 3 });
  });

  it("duplicate-field", () => {
    const doc = parse("components/x.md", ok([["`a`", "*string*", YES, "N/A"], ["`a`", "*number*", YES, "N/A"]]));
    expect(only(doc)).toMatchObject({ code: "duplicate-field", line: 14 });
  });

  it("bad-required names the column of the cell", () => {
    const doc = parse("components/x.md", ok([["`a`", "*string*", "yes", "N/A"]]));
    expect(only(doc)).toMatchObject({ code: "bad-required", line: 13, column: "| `a` | *string* | ".length + 1 });
  });

  it("unknown-type names line and column of the bad word; the field stays, typed unknown", () => {
    const doc = parse("components/x.md", ok([["`a`", "*strng*", YES, "N/A"]]));
    const d = only(doc);
    expect(d).toMatchObject({ severity: "error", code: "unknown-type", line: 13, column: "| `a` | *".length + 1 });
    expect(d.message).toContain('unknown type expression "*strng*"');
    expect(objectOf(doc).fields.map((field) => [field.name, field.type])).toEqual([["a", { kind: "primitive", name: "unknown" }]]);
  });

  it("optional-mismatch is a warning", () => {
    const doc = parse("x.md", pyObject("X", [["`a`", "*Optional[str]*", YES, "N/A"]]));
    expect(only(doc)).toMatchObject({ severity: "warning", code: "optional-mismatch" });
    expect(objectOf(doc).fields).toHaveLength(1);
  });

  it("model links of other layouts resolve by what follows models/ (docs/sdk/models, an old generator's undefined/models)", () => {
    const doc = parse(
      "shared/x.md",
      ok([
        ["`a`", "[shared.Enum](../../../sdk/models/shared/enum.md)", YES, "N/A"],
        ["`b`", "[Optional[shared.CardChannel]](undefined/models/shared/cardchannel.md)", NO, "N/A"],
      ]),
    );
    expect(doc.diagnostics).toEqual([]);
    expect(objectOf(doc).fields.map((field) => field.type)).toMatchObject([
      { kind: "ref", id: "shared.Enum", link: { target: "shared/enum.md" } },
      { kind: "ref", id: "shared.CardChannel", link: { target: "shared/cardchannel.md" } },
    ]);
  });

  it("link-outside-input", () => {
    const doc = parse("components/x.md", ok([["`a`", "[components.Y](../../../../../outside/y.md)", YES, "N/A"]]));
    expect(only(doc)).toMatchObject({ severity: "error", code: "link-outside-input", line: 13 });
  });

  it("missing-values, empty-enum, bad-enum-value", () => {
    expect(only(parse("components/x.md", "# X\n\n## Values\n\nNone."))).toMatchObject({ code: "missing-values", line: 3 });
    expect(only(parse("components/x.md", "# X\n\n## Values\n\n```typescript\n\n```"))).toMatchObject({ code: "empty-enum" });
    expect(only(parse("components/x.md", tsEnum("X", ['"a"', "b"])))).toMatchObject({ code: "bad-enum-value", line: 12, column: 7 });
    expect(only(parse("x.md", pyEnum("X", ['"a"', "b"])))).toMatchObject({ code: "bad-enum-value", line: 12 });
  });

  it("bad-member and empty-union", () => {
    const bad = parse("components/x.md", "# X\n\n## Supported Types\n\n### components.A\n\n### `components.B`\n");
    expect(codes(bad)).toEqual(["error bad-member"]);
    expect(bad.diagnostics[0]).toMatchObject({ line: 5 });
    expect(unionOf(bad).members).toHaveLength(1);
    expect(only(parse("components/x.md", "# X\n\n## Supported Types\n"))).toMatchObject({ code: "empty-union", line: 3 });
  });

  it("unclosed-fence: a code block that runs to the end of the file", () => {
    const doc = parse("components/x.md", tsEnum("X", ['"a"']).replace(/\n```$/, ""));
    expect(doc.diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "unclosed-fence", line: 11, column: 1 })]);
  });

  it("stray-content: unexpected blocks in a section or before the title are warnings", () => {
    const after = parse("components/x.md", `${tsEnum("X", ['"a"'])}\n\n<div>x</div>`);
    expect(enumOf(after).values).toEqual(["a"]);
    expect(only(after)).toMatchObject({ severity: "warning", code: "stray-content", line: 15, column: 1 });
    const before = parse("components/x.md", `<!-- x -->\n${tsEnum("X", ['"a"'], "Desc.")}`);
    expect(only(before)).toMatchObject({ severity: "warning", code: "stray-content", line: 1 });
    expect(enumOf(before).description).toBe("Desc.");
    // The Python open-enum sentence before the list is not stray.
    expect(parse("x.md", pyEnum("X", ['"a"'], "This is an open enum.")).diagnostics).toEqual([]);
  });

  it("unknown-section is a warning", () => {
    const doc = parse("components/x.md", `${tsEnum("X", ['"a"'])}\n\n## Notes\n\nText.`);
    expect(only(doc)).toMatchObject({ severity: "warning", code: "unknown-section", line: 15 });
  });

  it("extra-block: two tables in ## Fields, or two value blocks in ## Values", () => {
    const fields = table(["Field", "Type", "Required", "Description"], [["`a`", "*string*", YES, "N/A"]]);
    expect(only(parse("components/x.md", `# X\n\n## Fields\n\n${fields}\n\n${fields}`))).toMatchObject({ severity: "error", code: "extra-block", line: 9 });
    expect(only(parse("x.md", `${pyEnum("X", ['"a"'])}\n\n\`\`\`python\n"b"\n\`\`\``))).toMatchObject({ severity: "error", code: "extra-block", line: 13 });
  });

  it("bad-row: a row cut off before its closing pipe", () => {
    const text = `${tsObject("X", [["`a`", "*string*", YES, "Some text"]])}`.replace(/ \|$/, "");
    expect(only(parse("components/x.md", text))).toMatchObject({ code: "bad-row", line: 13, column: 1 });
    expect(only(parse("components/x.md", text)).message).toContain("cut off");
  });

  it("bad-enum-value: values ending in | (a cut-off line)", () => {
    expect(only(parse("components/x.md", tsEnum("X", ['"a"', ""])))).toMatchObject({ code: "bad-enum-value", line: 12 });
  });

  it("CRLF reads exactly like LF", () => {
    const text = tsObject("X", [["`a`", "*string*", YES, "Line<br/>two"]], { description: "Two\nlines." });
    expect(parse("components/x.md", text.replace(/\n/g, "\r\n"))).toEqual(parse("components/x.md", text));
  });

  it("invalid-utf8 at the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("# X\n\nab"), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]);
    const doc = parseBytes("components/x.md", bytes);
    expect(doc.model).toBeUndefined();
    expect(only(doc)).toMatchObject({ code: "invalid-utf8", line: 3, column: 3 });
  });

  it("a byte-order mark is not content", () => {
    const doc = parseBytes("components/x.md", Buffer.from(`\uFEFF${tsEnum("X", ['"a"'])}`));
    expect(doc.diagnostics).toEqual([]);
    expect(enumOf(doc).values).toEqual(["a"]);
  });
});
