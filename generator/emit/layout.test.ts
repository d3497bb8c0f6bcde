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
