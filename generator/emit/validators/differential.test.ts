/**
 * Differential: on the embedded docs and on a graph of every construct, for valid values (the docs' examples and
 * values made from the graph) and mutations of them, under several option sets, every answer agrees: `is(v)` with
 * `validate(v).ok`, the guard with the issue collector (no issue exactly when the guard accepts), and the compiled
 * companion with the zod schema (verdicts, and with `strip` the copies). Seeded: every run checks the same values.
 */
import path from "node:path";
import { inspect, isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { graphOf } from "../../../test/helpers/graph.js";
import { EVERY_CONSTRUCT } from "../../../test/support/every-construct.js";
import { exampleCases } from "../../../test/support/examples.js";
import { BUILD_TIMEOUT, buildVariants, type BuiltOutput } from "../../../test/support/output.js";
import { mutations, random, validValue } from "../../../test/support/values.js";
import { loadGraph } from "../../pipeline/load.js";
import type { Model, ModelGraph } from "../../model/types.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../options.js";

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
  graph = graphOf([...embedded.models, ...EVERY_CONSTRUCT]);
  const variants: Record<string, Partial<EmitOptions>> = {};
  for (const [name, options] of Object.entries(OPTION_SETS)) {
    variants[`compiled-${name}`] = options;
    variants[`zod-${name}`] = { ...options, validators: "zod" };
  }
  // Compiled only: the other tests type-check such outputs, and checking zod's types here would take most of a minute.
  outputs = buildVariants("differential", graph, variants, { typeCheck: false });
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
