import { describe, expect, it } from "vitest";
import type { Model, ModelGraph } from "../model/types.js";
import { planIncremental, type PreviousOutput } from "./incremental.js";

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
const previousOf = (graph: ModelGraph, others = ["components/index.ts", "index.ts", "schema.json"]): PreviousOutput => {
  const plan = planIncremental(graph, undefined, "v");
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
    expect(warm.kept.sort()).toEqual(["components/index.ts", "index.ts", "schema.json"]);
  });

  it("prints a changed model, the models referencing it directly, and the shared files", () => {
    const changed = graphOf(object("A", ["B"]), object("B", [], "new description"), object("C"));
    const plan = planIncremental(changed, previousOf(base), "v");
    expect(plan.upToDate).toBe(false);
    expect(["components/a.ts", "components/b.ts", "schema.json", "index.ts", "components/index.ts"].every(plan.include)).toBe(true);
    expect(plan.include("components/c.ts")).toBe(false);
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
