/**
 * Differential: on the embedded docs and on a graph of every construct, for valid values (the docs' examples and
 * values made from the graph) and mutations of them, under several option sets, every answer agrees: `is(v)` with
 * `validate(v).ok`, the guard with the issue collector (no issue exactly when the guard accepts), and the compiled
 * companion with the zod schema (verdicts, and with `strip` the copies). Seeded: every run checks the same values.
 */
import path from "node:path";
import { inspect, isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { enumModel, field, graphOf, object, prim, ref, union } from "../../../test/helpers/graph.js";
import { exampleCases } from "../../../test/support/examples.js";
import { BUILD_TIMEOUT, buildOutputs, type BuiltOutput } from "../../../test/support/output.js";
import { mutations, random, validValue } from "../../../test/support/values.js";
import { loadGraph } from "../../pipeline/load.js";
import type { Model, ModelGraph, TypeExpr } from "../../model/types.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../options.js";

const optional = { required: false };
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
const nullable = (type: TypeExpr): TypeExpr => ({ kind: "nullable", type });
const inline = (...members: TypeExpr[]): TypeExpr => ({ kind: "union", members });

/** Every kind of type expression and model, in the `synthetic` namespace. */
const SYNTHETIC: Model[] = [
  object("synthetic.Everything", [
    field("text", prim("string")),
    field("count", prim("integer"), optional),
    field("ratio", prim("number"), { nullable: true }),
    field("flag", prim("boolean"), optional),
    field("anything", prim("any")),
    field("maybe", prim("any"), optional),
    field("when", prim("datetime"), optional),
    field("file", prim("binary"), optional),
    field("events", { kind: "stream", type: ref("synthetic.Node") }, optional),
    field("kind", { kind: "literal", value: "everything" }),
    field("version", { kind: "literal", value: 2 }, optional),
    field("tags", array(nullable(prim("string"))), optional),
    field("matrix", array(array(prim("number"))), optional),
    field("scores", map(prim("number")), optional),
    field("loose", map(prim("any")), optional),
    field("nodes", map(ref("synthetic.Node")), optional),
    field("either", inline(prim("string"), array(ref("synthetic.Node")), { kind: "literal", value: false }), optional),
    field("shape", ref("synthetic.Shape"), optional),
    field("level", ref("synthetic.Level"), optional),
    field("code", ref("synthetic.Code"), optional),
    field("size", ref("synthetic.Size"), optional),
    field("constructor", prim("string"), optional),
    field("toString", prim("string"), optional),
  ]),
  object("synthetic.Node", [field("name", prim("string")), field("children", array(ref("synthetic.Node")), optional), field("value", ref("synthetic.Value"), optional)]),
  union("synthetic.Value", [prim("string"), prim("number"), nullable(array(ref("synthetic.Value"))), map(ref("synthetic.Value"))]),
  object("synthetic.Circle", [field("type", { kind: "literal", value: "circle" }), field("radius", prim("number"))]),
  object("synthetic.Square", [field("type", ref("synthetic.SquareType")), field("side", prim("number")), field("label", prim("string"), optional)]),
  object("synthetic.Blob", [field("type", { kind: "literal", value: "blob" }, { nullable: true }), field("points", array(prim("number")))]),
  enumModel("synthetic.SquareType", ["square"]),
  union("synthetic.Shape", [ref("synthetic.Circle"), ref("synthetic.Square"), ref("synthetic.Blob")]),
  union("synthetic.Tagged", [ref("synthetic.Circle"), ref("synthetic.Square")]),
  enumModel("synthetic.Level", ["low", "high"], { open: true }),
  enumModel("synthetic.Code", [100, 200]),
  enumModel("synthetic.Size", ["xs", "s", "m", "l", "xl", "xxl", "3xl", "4xl", "5xl"]),
  object("synthetic.Open", [field("id", prim("string")), field("__proto__", prim("string"), optional)], { additionalProperties: prim("integer") }),
  object("synthetic.Empty", []),
];

const OPTION_SETS = {
  defaults: {},
  "strip-iso-optional": { unknownKeys: "strip", dates: "iso", nulls: "optional" },
  "reject-unstated": { unknownKeys: "reject", nulls: "unstated" },
} satisfies Record<string, Partial<EmitOptions>>;
type OptionSet = keyof typeof OPTION_SETS;

interface Compiled {
  is(value: unknown): boolean;
  validate(value: unknown): { ok: boolean; value?: unknown };
  collect(value: unknown, path: (string | number)[], issues: unknown[]): void;
}
interface Zod {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

let graph: ModelGraph;
let outputs: Record<string, BuiltOutput>;

beforeAll(async () => {
  const embedded = (await loadGraph(path.resolve(import.meta.dirname, "../../../docs/models"))).graph;
  graph = graphOf([...embedded.models, ...SYNTHETIC]);
  const variants: Record<string, Partial<EmitOptions>> = {};
  for (const [name, options] of Object.entries(OPTION_SETS)) {
    variants[`compiled-${name}`] = options;
    variants[`zod-${name}`] = { ...options, validators: "zod" };
  }
  // Compiled only: the other tests type-check such outputs, and checking zod's types here would take most of a minute.
  outputs = buildOutputs("differential", graph, variants, { typeCheck: false });
}, BUILD_TIMEOUT);

function companion<T>(variant: string, model: Model): T {
  return outputs[variant]!.module[model.namespace]![model.name] as T;
}

/** The disagreements between every answer on one value. */
function disagreements(set: OptionSet, model: Model, value: unknown, mustAccept: boolean): string[] {
  const compiled = companion<Compiled>(`compiled-${set}`, model);
  const zod = companion<Zod>(`zod-${set}`, model);
  const is = compiled.is(value);
  const result = compiled.validate(value);
  const issues: unknown[] = [];
  compiled.collect(value, [], issues);
  const parsed = zod.safeParse(value);
  const found: string[] = [];
  if (result.ok !== is) found.push(`is() ${is}, validate().ok ${result.ok}`);
  if (is === issues.length > 0) found.push(`is() ${is}, but the collector found ${issues.length} issues`);
  if (mustAccept && !is) found.push("a valid value is refused");
  // zod skips a key named `__proto__` (it neither checks nor copies it); the compiled validators check it as data.
  if (!hasProtoKey(value)) {
    if (parsed.success !== is) found.push(`compiled ${is}, zod ${parsed.success}`);
    const strips = (OPTION_SETS[set] as Partial<EmitOptions>).unknownKeys === "strip";
    if (strips && is && parsed.success && !isDeepStrictEqual(result.value, parsed.data)) found.push("the strip copies differ");
  }
  return found.map((text) => `${set} ${model.id}: ${text}: ${show(value)}`);
}

/** Whether a key `__proto__` is anywhere in the value. */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return Object.keys(value).some((key) => key === "__proto__" || hasProtoKey((value as Record<string, unknown>)[key]));
}

function show(value: unknown): string {
  return inspect(value, { depth: 8, breakLength: Infinity }).slice(0, 400);
}

describe("compiled validators, their collectors and zod schemas agree", () => {
  it("on valid values made from the graph, and on mutations of them", () => {
    const found: string[] = [];
    let checked = 0;
    for (const set of Object.keys(OPTION_SETS) as OptionSet[]) {
      const options = { ...DEFAULT_OPTIONS, ...OPTION_SETS[set] };
      const rng = random(20261128);
      for (const model of graph.models) {
        for (let n = 0; n < 3; n++) {
          const value = validValue(graph, model.id, options, rng);
          found.push(...disagreements(set, model, value, true));
          for (const mutated of mutations(value, 6, rng)) found.push(...disagreements(set, model, mutated, false));
          checked += 7;
        }
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
  });

  it("on the docs' own examples and mutations of them", () => {
    const found: string[] = [];
    const { cases } = exampleCases(graph);
    expect(cases.length).toBeGreaterThan(50);
    const rng = random(7);
    for (const set of Object.keys(OPTION_SETS) as OptionSet[]) {
      for (const example of cases) {
        // The examples hold Dates: valid as they are where dates are instances, and the null policy only widens.
        found.push(...disagreements(set, example.model, example.value, set !== "strip-iso-optional"));
        for (const mutated of mutations(example.value, 6, rng)) found.push(...disagreements(set, example.model, mutated, false));
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
  });
});
