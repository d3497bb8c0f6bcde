import { describe, expect, it } from "vitest";
import { enumModel, field, graphOf, object, ref } from "../../test/helpers/graph.js";
import { moduleSpecifier, planLayout } from "./layout.js";

describe("output layout", () => {
  it("one folder per namespace, lower-cased title as file name, namespaces sorted", () => {
    const { layout, diagnostics } = planLayout(graphOf([object("operations.ChatMessage", []), enumModel("components.FinishReason", ["stop"]), object("models.X", [])]));
    expect(diagnostics).toEqual([]);
    expect([...layout.files]).toEqual([
      ["components.FinishReason", "components/finishreason.ts"],
      ["models.X", "models/x.ts"],
      ["operations.ChatMessage", "operations/chatmessage.ts"],
    ]);
    expect(layout.namespaces.map((ns) => [ns.name, ns.folder, ns.identifier])).toEqual([
      ["components", "components", "components"],
      ["models", "models", "models"],
      ["operations", "operations", "operations"],
    ]);
  });

  it("the same title in two namespaces gets one file in each, without warnings", () => {
    const { layout, diagnostics } = planLayout(graphOf([object("errors.ErrorT", []), object("operations.ErrorT", []), object("components.ErrorT", [])]));
    expect(diagnostics).toEqual([]);
    expect([...layout.files.values()].sort()).toEqual(["components/errort.ts", "errors/errort.ts", "operations/errort.ts"]);
  });

  it("titles differing only in case get numbered names and a warning, never the same file", () => {
    const { layout, diagnostics } = planLayout(graphOf([object("components.APIKey", []), object("components.ApiKey", []), object("components.Apikey", [])]));
    const files = [...layout.files.values()];
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(3);
    expect(files.sort()).toEqual(["components/apikey.ts", "components/apikey_2.ts", "components/apikey_3.ts"]);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["warning", "file-collision"],
      ["warning", "file-collision"],
    ]);
    expect(diagnostics[0]!.message).toContain("components/apikey_2.ts");
  });

  it("a model named Index does not overwrite the namespace barrel", () => {
    const { layout, diagnostics } = planLayout(graphOf([object("components.Index", [])]));
    expect(layout.files.get("components.Index")).toBe("components/index_model.ts");
    expect(diagnostics).toHaveLength(1);
  });

  it("device names Windows reserves get another file name too", () => {
    const { layout, diagnostics } = planLayout(graphOf([object("components.Con", []), object("components.LPT1", []), object("components.Console", [])]));
    expect([...layout.files.values()]).toEqual(["components/con_model.ts", "components/console.ts", "components/lpt1_model.ts"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'components.Con is written to components/con_model.ts: "con.ts" is reserved (a namespace barrel, or a device name on Windows)',
      'components.LPT1 is written to components/lpt1_model.ts: "lpt1.ts" is reserved (a namespace barrel, or a device name on Windows)',
    ]);
  });

  it("a model whose title cannot be an export name is renamed, with a warning at its title", () => {
    const { diagnostics } = planLayout(graphOf([object("components.default", []), object("components.class", []), object("components.__proto__", [])]));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "renamed-export", file: "components/__proto__.md", message: expect.stringContaining("components.__proto__ is exported as __proto__$") }),
      expect.objectContaining({ severity: "warning", code: "renamed-export", file: "components/default.md", message: expect.stringContaining("components.default is exported as default$") }),
    ]);
  });

  it("namespace identifiers in the root index are identifiers, distinct, and none of its other exports", () => {
    const models = ["a-b", "a_b", "2024", "default", "Schema", "ValidationError", "class"].map((ns) => object(`${ns}.X`, []));
    expect(planLayout(graphOf(models)).layout.namespaces.map((ns) => [ns.name, ns.identifier])).toEqual([
      ["2024", "_2024"],
      ["Schema", "Schema$"],
      ["ValidationError", "ValidationError$"],
      ["a-b", "a_b"],
      ["a_b", "a_b$"],
      ["class", "class"],
      ["default", "default$"],
    ]);
  });

  it("namespace folders differing only in case are an error", () => {
    const { diagnostics } = planLayout(graphOf([object("Components.A", []), object("components.B", [field("a", ref("Components.A"))])]));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "file-collision" })]);
  });

  it("module specifiers are relative ESM paths", () => {
    expect(moduleSpecifier("components/a.ts", "components/b.ts")).toBe("./b.js");
    expect(moduleSpecifier("operations/a.ts", "components/b.ts")).toBe("../components/b.js");
    expect(moduleSpecifier("index.ts", "components/index.ts")).toBe("./components/index.js");
    expect(moduleSpecifier("a/b/c.ts", "a/d.ts")).toBe("../d.js");
  });
});
