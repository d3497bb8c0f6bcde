import { describe, expect, it } from "vitest";
import { NO, YES, pyObject, tsObject } from "../../test/helpers/docs.js";
import type { ObjectModel } from "../model/types.js";
import { diffGraphs } from "../diff/index.js";
import { parseDoc } from "../parse/doc.js";
import { nullKeysOfExample } from "./example-nulls.js";
import { buildGraph } from "./graph.js";

describe("nullKeysOfExample", () => {
  it("reads the top-level keys set to null, skipping strings, nested values and calls", () => {
    const code = [
      'import { X } from "@sdk/models/components";',
      "",
      "let value: X = {",
      '  text: "null, { not: null }",',
      "  bytes: null,",
      "  nested: { inner: null, list: [null, { deep: null }] },",
      '  "quoted-key": null,',
      "  created: new Date(\"2024-01-01T00:00:00Z\"),",
      "  nullish: nullValue,",
      "  last: null",
      "};",
    ].join("\n");
    expect(nullKeysOfExample(code)).toEqual(["bytes", "quoted-key", "last"]);
  });

  it("reads nothing from examples that are no object literal", () => {
    expect(nullKeysOfExample('let value: Role = "user";')).toEqual([]);
    expect(nullKeysOfExample("// No examples available for this model")).toEqual([]);
    expect(nullKeysOfExample("let value: X = { broken")).toEqual([]);
  });
});

describe("nullability from a doc's own example", () => {
  const build = (files: Record<string, string>) => buildGraph(Object.entries(files).map(([file, text]) => parseDoc({ file, text, root: "/docs/models" })));
  const withExample = (rows: string[][], example: string) =>
    tsObject("X", rows).replace("let value: X = {};", `let value: X = ${example};`);

  it("marks the fields the example sets to null nullable, where the Type column does not tell", () => {
    const { graph, diagnostics } = build({
      "components/x.md": withExample(
        [
          ["`tags`", "*string*[]", NO, "N/A"],
          ["`name`", "*string*", YES, "N/A"],
        ],
        '{ tags: null, name: "x" }',
      ),
    });
    expect(diagnostics).toEqual([]);
    const [tags, name] = (graph.models[0] as ObjectModel).fields;
    expect(tags).toMatchObject({ nullable: true, nullableFrom: "example" });
    expect(name!.nullable).toBeUndefined();
  });

  it("is no sign that the docs state nullability: a diff of TS docs still says it cannot see it", () => {
    const { graph } = build({ "components/x.md": withExample([["`tags`", "*string*[]", NO, "N/A"]], "{ tags: null }") });
    expect((graph.models[0] as ObjectModel).fields[0]!.nullable).toBe(true);
    expect(diffGraphs(graph, graph).unseen).toEqual(["nullability", "integers"]);
  });

  it("keeps a field the Type column says is not nullable, with a warning", () => {
    const py = pyObject("X", [["`name`", "*str*", YES, "N/A"]]) + '\n\n## Example Usage\n\n```python\nvalue: X = { name: null }\n```\n';
    const { graph, diagnostics } = build({ "x.md": py });
    expect((graph.models[0] as ObjectModel).fields[0]!.nullable).toBe(false);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "example-null", file: "x.md", line: 7 }]);
  });
});
