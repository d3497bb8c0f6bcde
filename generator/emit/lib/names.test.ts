import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { enumModel, field, graphOf, object, prim, ref, union } from "../../../test/helpers/graph.js";
import type { Model } from "../../model/types.js";
import { emitOutput } from "../index.js";
import { planLayout } from "../layout.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../options.js";
import { emitterName, exportNameOf, fileScope, identifierOf, namespaceIdentifier, renamedExport } from "./names.js";

describe("model names", () => {
  it("a title is declared as is unless it is a reserved word, a global the output uses or a name the emitters use", () => {
    const declared = (name: string) => identifierOf({ name });
    expect(["Choice", "thing", "Index", "_Private", "constructor", "toString", "Error"].map(declared)).toEqual(["Choice", "thing", "Index", "_Private", "constructor", "toString", "Error"]);
    for (const name of ["class", "default", "delete", "enum", "await", "yield", "let", "arguments", "string", "undefined", "as", "require", "__proto__", "Date", "Record", "z", "v", "path", "issues"]) {
      expect(declared(name)).toBe(`${name}$`);
    }
  });

  it("is exported by its title, except where the title means something else as an export name (with the reason)", () => {
    expect(exportNameOf({ name: "class" })).toBe("class");
    expect(exportNameOf({ name: "Date" })).toBe("Date");
    expect(exportNameOf({ name: "default" })).toBe("default$");
    expect(exportNameOf({ name: "__proto__" })).toBe("__proto__$");
    expect(renamedExport({ id: "components.class", name: "class" })).toBeUndefined();
    expect(renamedExport({ id: "components.default", name: "default" })).toContain("components.default is exported as default$");
  });

  it("a file imports models under names it does not use otherwise, each once", () => {
    const scope = fileScope({ name: "Thing" });
    expect(scope.claim(["Other", "components_Other"])).toBe("Other");
    // The companion's own functions, a reserved word, a name already claimed.
    expect(scope.claim(["isThing", "components_isThing"])).toBe("components_isThing");
    expect(scope.claim(["class", "components_class"])).toBe("components_class");
    expect(scope.claim(["components_Other"])).toBe("components_Other");
    expect(scope.claim(["components_Other"])).toBe("components_Other$");
    expect(scope.claim(["components_Other"])).toBe("components_Other$2");
    expect(scope.claim(["Thing"])).toBe("Thing$");
  });

  it("namespaces become identifiers", () => {
    expect(["components", "a.b", "a-b", "2024", "café"].map(namespaceIdentifier)).toEqual(["components", "a_b", "a_b", "_2024", "caf_"]);
  });
});

/** Every name a file binds: imports, declarations, parameters and locals, at any depth (`top`: at module level). */
function declaredNames(text: string): { name: string; modelImport: boolean; top?: boolean }[] {
  const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const names: { name: string; modelImport: boolean; top?: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      const modelImport = from !== "zod" && !from.endsWith("runtime.js") && !from.endsWith("checks.js");
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push({ name: bindings.name.text, modelImport });
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push({ name: element.name.text, modelImport });
      return;
    }
    const declaration = node as ts.Node & { name?: ts.Node };
    // The key of an index signature (`[key: string]: T`) names nothing in scope.
    const parameter = ts.isParameter(node) && !ts.isIndexSignatureDeclaration(node.parent);
    const declares = ts.isVariableDeclaration(node) || parameter || ts.isFunctionDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
    const top = node.parent !== undefined && (ts.isSourceFile(node.parent) || (ts.isVariableDeclaration(node) && ts.isSourceFile(node.parent.parent.parent)));
    if (declares && declaration.name && ts.isIdentifier(declaration.name)) names.push({ name: declaration.name.text, modelImport: false, top });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

describe("the names emitters give their own code", () => {
  // Every kind of generated helper: containers, inline unions, long enums, discriminated unions, strip and reject.
  const graph = graphOf([
    object("components.A", [
      field("list", { kind: "array", items: ref("components.B") }),
      field("map", { kind: "map", values: { kind: "union", members: [prim("string"), ref("components.A")] } }, { required: false }),
      field("when", prim("datetime"), { nullable: true }),
      field("kind", { kind: "literal", value: "a" }),
      field("file", prim("binary"), { required: false }),
    ], { additionalProperties: prim("number") }),
    enumModel("components.B", ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"]),
    enumModel("components.C", ["c"], { open: true }),
    union("components.U", [ref("components.A"), ref("components.D"), prim("string"), { kind: "array", items: ref("components.U") }, { kind: "stream", type: ref("components.A") }]),
    object("components.D", [field("kind", { kind: "literal", value: "d" }), field("c", ref("components.C"))]),
  ]);
  const variants: Partial<EmitOptions>[] = [{}, { unknownKeys: "strip" }, { unknownKeys: "reject", dates: "iso" }, { validators: "zod" }, { validators: "none" }];

  it("never clash with a model's: locals and the companion's functions are ones emitterName lists, helpers are unique", () => {
    const { layout } = planLayout(graph);
    const modelOf = new Map<string, Model>([...layout.files].map(([id, path]) => [path, layout.models.get(id)!]));
    const unlisted = new Set<string>();
    let helpers = 0;
    for (const variant of variants) {
      for (const file of emitOutput(graph, { ...DEFAULT_OPTIONS, ...variant }).files) {
        const model = modelOf.get(file.path);
        if (!model) continue;
        const own = identifierOf(model);
        const names = declaredNames(file.content);
        const imported = new Set(names.filter((found) => found.modelImport).map((found) => found.name));
        const topLevel = names.filter((found) => found.top).map((found) => found.name);
        for (const { name, modelImport, top } of names) {
          if (modelImport || name === own || emitterName(name, own)) continue;
          // A helper named for what it checks: declared once, at module level, under a name no import uses.
          const unique = top && !imported.has(name) && topLevel.filter((other) => other === name).length === 1;
          if (unique) helpers++;
          else unlisted.add(`${file.path}: ${name}`);
        }
      }
    }
    expect([...unlisted]).toEqual([]);
    expect(helpers).toBeGreaterThan(10);
  });

  it("the check can fail: a name the lists do not hold", () => {
    expect(declaredNames("function helper(y: unknown) { const w = y; }").map((d) => d.name)).toEqual(["helper", "y", "w"]);
    expect(["helper", "y", "w"].filter((name) => emitterName(name, "A"))).toEqual([]);
    expect(["isA", "collectA", "stripA", "$issue", "z", "v", "issues"].every((name) => emitterName(name, "A"))).toBe(true);
  });
});
