import { describe, expect, it } from "vitest";
import { unionDoc } from "../../test/helpers/docs.js";
import { enumModel, field, object, prim, ref, union } from "../../test/helpers/graph.js";
import type { Diagnostic, Model, TypeExpr, UnionModel } from "../model/types.js";
import { parseDoc } from "../parse/doc.js";
import { buildGraph } from "./graph.js";
import { flattenUnionCycles } from "./union-cycles.js";

const flatten = (...models: Model[]) => {
  const diagnostics: Diagnostic[] = [];
  const result = flattenUnionCycles(models, diagnostics);
  const members = (id: string): TypeExpr[] => (result.find((m) => m.id === id) as UnionModel).members.map((m) => m.type);
  return { result, diagnostics, members };
};
const nullable = (type: TypeExpr): TypeExpr => ({ kind: "nullable", type });

describe("unions that contain each other", () => {
  it("each list the other members of the group, their own first, each once, with the source they are written at", () => {
    const { members, result } = flatten(
      union("c.A", [prim("string"), ref("c.B")]),
      union("c.B", [ref("c.A"), prim("number"), ref("c.O"), prim("string")]),
      object("c.O", [field("a", ref("c.A"))]),
    );
    expect(members("c.A")).toEqual([prim("string"), prim("number"), ref("c.O")]);
    expect(members("c.B")).toEqual([prim("string"), prim("number"), ref("c.O")]);
    // Objects are untouched: recursion through them is fine.
    expect(result.find((m) => m.id === "c.O")).toEqual(object("c.O", [field("a", ref("c.A"))]));
    const a = result.find((m) => m.id === "c.A") as UnionModel;
    expect(a.members.map((m) => m.source.file)).toEqual(["c/a.md", "c/b.md", "c/b.md"]);
  });

  it("through a third union, inline unions and Nullable[…]; a union containing only itself", () => {
    const { members } = flatten(
      union("c.A", [ref("c.B"), prim("boolean")]),
      union("c.B", [{ kind: "union", members: [ref("c.C"), prim("integer")] }]),
      union("c.C", [nullable(ref("c.A")), { kind: "literal", value: "c" }]),
      union("c.Self", [ref("c.Self"), prim("string")]),
    );
    // A = B | boolean, B = C | integer, C = A | null | "c": A, B and C are "c" | integer | boolean | null.
    expect(members("c.A")).toEqual([nullable({ kind: "literal", value: "c" }), prim("integer"), prim("boolean")]);
    expect(members("c.C")).toEqual([nullable(prim("integer")), prim("boolean"), { kind: "literal", value: "c" }]);
    expect(members("c.Self")).toEqual([prim("string")]);
  });

  it("recursion through arrays, maps and streams is not a cycle of unions", () => {
    const models = [
      union("c.Value", [prim("string"), { kind: "map", values: ref("c.Value") }, { kind: "array", items: ref("c.Value") }]),
      union("c.Events", [{ kind: "stream", type: ref("c.Events") }, prim("string")]),
      enumModel("c.E", ["e"]),
    ];
    const { result, diagnostics } = flatten(...models);
    expect(result).toEqual(models);
    expect(diagnostics).toEqual([]);
  });

  it("a group with no other member has no values: an error at each title", () => {
    const docs = [
      parseDoc({ file: "components/a.md", text: unionDoc("A", ["components.B"]) }),
      parseDoc({ file: "components/b.md", text: unionDoc("B", ["components.A", "components.A[]"]) }),
    ];
    expect(buildGraph(docs).diagnostics).toEqual([]);
    const cyclic = [docs[0]!, parseDoc({ file: "components/b.md", text: unionDoc("B", ["components.A"]) })];
    expect(buildGraph(cyclic).diagnostics).toEqual([
      { severity: "error", code: "union-cycle", message: "union components.A has no values: it contains only itself and components.B, which contain only each other", file: "components/a.md", line: 1, column: 1 },
      { severity: "error", code: "union-cycle", message: "union components.B has no values: it contains only itself and components.A, which contain only each other", file: "components/b.md", line: 1, column: 1 },
    ]);
  });
});
