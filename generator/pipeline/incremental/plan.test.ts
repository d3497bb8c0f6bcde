import { describe, expect, it } from "vitest";
import type { Model, ModelGraph, TypeExpr, UnionMember } from "../../model/types.js";
import { planIncremental, type PreviousOutput } from "./plan.js";

const at = { file: "x.md", line: 1, column: 1 };
const object = (name: string, refs: string[] = [], extra = ""): Model => ({
  kind: "object",
  id: `components.${name}`,
  name,
  namespace: "components",
  ...(extra ? { description: extra } : {}),
  source: at,
  fields: refs.map((ref) => ({ name: ref.toLowerCase(), type: { kind: "ref", id: `components.${ref}` }, required: true, source: at })),
});
const graphOf = (...models: Model[]): ModelGraph => ({ format: "docschema-graph", version: 1, flavour: "typescript", models });
const previousOf = (graph: ModelGraph, others = ["schema.json"], docs?: Map<string, { hash: string }>): PreviousOutput => {
  const plan = planIncremental(graph, undefined, "v", docs);
  const files = new Map<string, { key?: string; hash: string }>([...plan.keys].map(([path, key]) => [path, { key, hash: "h" }]));
  for (const path of others) files.set(path, { hash: "h" });
  return { outputKey: plan.outputKey, intact: true, files };
};

describe("planIncremental", () => {
  const base = graphOf(object("A", ["B"]), object("B"), object("C"));

  it("prints everything without a previous output, nothing when nothing changed", () => {
    const cold = planIncremental(base, undefined, "v");
    expect(cold.upToDate).toBe(false);
    expect(["components/a.ts", "index.ts", "schema.json"].every(cold.include)).toBe(true);
    const warm = planIncremental(base, previousOf(base), "v");
    expect(warm.upToDate).toBe(true);
    expect(["components/a.ts", "components/b.ts", "components/c.ts", "index.ts", "schema.json"].some(warm.include)).toBe(false);
    expect(warm.kept).toEqual(["schema.json"]);
  });

  it("prints a changed model, the models referencing it directly, and the files without a key", () => {
    const changed = graphOf(object("A", ["B"]), object("B", [], "new description"), object("C"));
    const plan = planIncremental(changed, previousOf(base), "v");
    expect(plan.upToDate).toBe(false);
    expect(["components/a.ts", "components/b.ts", "schema.json"].every(plan.include)).toBe(true);
    // The barrels list the same files as before.
    expect(["components/c.ts", "components/index.ts", "index.ts"].some(plan.include)).toBe(false);
  });

  it("prints a barrel when its namespace gains a model, the root barrel when a namespace appears", () => {
    const added = graphOf(...base.models, object("D"));
    expect(planIncremental(added, previousOf(base), "v").include("components/index.ts")).toBe(true);
    expect(planIncremental(added, previousOf(base), "v").include("index.ts")).toBe(false);
    const errors: Model = { ...object("E"), id: "errors.E", namespace: "errors" };
    const plan = planIncremental(graphOf(...base.models, errors), previousOf(base), "v");
    expect(["index.ts", "errors/index.ts", "errors/e.ts"].every(plan.include)).toBe(true);
    expect(plan.include("components/index.ts")).toBe(false);
  });

  it("fingerprints models by doc hash and resolved references, so a reference resolving elsewhere still counts", () => {
    const docOf = (model: Model): Model => ({ ...model, source: { ...at, file: `components/${model.name.toLowerCase()}.md` } });
    const graph = graphOf(...[object("A", ["B", "C"]), object("B"), object("C"), object("D", ["A"])].map(docOf));
    const hashes = new Map(graph.models.map((model) => [model.source.file, { hash: `hash of ${model.name}` }]));
    const previous = previousOf(graph, ["schema.json"], hashes);
    expect(planIncremental(graph, previous, "v", hashes).upToDate).toBe(true);
    // Same doc bytes, but its two links now resolve the other way round (docs were renamed): A is printed again.
    const resolvedElsewhere = graphOf(...[object("A", ["C", "B"]), object("B"), object("C"), object("D", ["A"])].map(docOf));
    const plan = planIncremental(resolvedElsewhere, previous, "v", hashes);
    // D too: validators look into the models they reference.
    expect(["components/a.ts", "components/d.ts"].every(plan.include)).toBe(true);
    expect(plan.include("components/b.ts")).toBe(false);
    // A doc whose bytes changed is printed again, with the models referencing it.
    const edited = planIncremental(graph, previous, "v", new Map([...hashes, ["components/b.md", { hash: "new hash" }]]));
    expect(["components/a.ts", "components/b.ts"].every(edited.include)).toBe(true);
    expect(edited.include("components/d.ts")).toBe(false);
    expect(edited.include("components/c.ts")).toBe(false);
  });

  it("a union flattened out of a cycle is printed again when a doc it took members from changes", () => {
    // What ../../build/union-cycles.ts makes of A = string | B, B = A | X: A lists string (from a.md) and X (from b.md).
    const member = (file: string, type: TypeExpr): UnionMember => ({ type, source: { ...at, file } });
    const unionA = (...members: UnionMember[]): Model => ({ kind: "union", id: "components.A", name: "A", namespace: "components", source: { ...at, file: "components/a.md" }, members });
    const x: Model = { ...object("X"), source: { ...at, file: "components/x.md" } };
    const before = [member("components/a.md", { kind: "primitive", name: "string" }), member("components/b.md", { kind: "ref", id: "components.X" })];
    const hashes = new Map(["a", "b", "x"].map((name) => [`components/${name}.md`, { hash: `hash of ${name}` }]));
    const previous = previousOf(graphOf(unionA(...before), x), ["schema.json"], hashes);
    // B's doc gained a member, which A lists too; A's own doc did not change.
    const after = graphOf(unionA(...before, member("components/b.md", { kind: "primitive", name: "boolean" })), x);
    expect(planIncremental(after, previous, "v", new Map([...hashes, ["components/b.md", { hash: "new hash of b" }]])).include("components/a.ts")).toBe(true);
  });

  it("prints everything again for another generator version or when output files were lost", () => {
    expect(planIncremental(base, previousOf(base), "other version").include("components/c.ts")).toBe(true);
    const damaged = { ...previousOf(base), intact: false };
    damaged.files = new Map([...damaged.files].filter(([path]) => path !== "schema.json"));
    const plan = planIncremental(base, damaged, "v");
    expect(plan.upToDate).toBe(false);
    expect(plan.include("schema.json")).toBe(true);
    expect(plan.include("components/c.ts")).toBe(false);
  });
});
