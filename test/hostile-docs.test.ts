/**
 * Fuzz: doc sets built from hostile but legitimate titles, field names, descriptions, examples and enum values
 * (test/support/hostile-docs.ts), a fixed sequence of seeds. Every run either fails with located diagnostics, or
 * its output type-checks under strict + exactOptionalPropertyTypes with every validator kind (one tsc run for
 * all), every model is exported under its title (or the renamed title), and every companion answers any value
 * without throwing (no unbounded recursion, no companion used before it exists).
 */
import { describe, expect, it } from "vitest";
import { buildModelGraph } from "../generator/build/index.js";
import { planLayout } from "../generator/emit/layout.js";
import { OPTION_CHOICES, type EmitOptions, type ValidatorKind } from "../generator/emit/options.js";
import type { Diagnostic, ModelGraph } from "../generator/model/types.js";
import { parseDoc } from "../generator/parse/doc.js";
import { hostileDocSet, random } from "./support/hostile-docs.js";
import { buildOutputs, type OutputBuild } from "./support/output.js";

const SEEDS = Array.from({ length: 100 }, (_, n) => n + 1);
/** zod's types are slow to check (most of the time of the tsc run): every fourth doc set only. */
const kindsOf = (seed: number): ValidatorKind[] => (seed % 4 === 0 ? ["compiled", "zod", "none"] : ["compiled", "none"]);
const VALUES: unknown[] = [null, undefined, 0, -1.5, Number.NaN, "", "a", true, [], [null], [[[]]], {}, { a: 1 }, new Date(0), JSON.parse('{"__proto__": {"x": 1}}')];

interface Run {
  seed: number;
  graph: ModelGraph;
}

/** Each error names a doc of the set, a line and a column. */
function unlocated(diagnostics: Diagnostic[], files: Record<string, string>): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error" && !(d.file in files && d.line >= 1 && d.column >= 1 && d.code !== ""));
}

describe("hostile docs", () => {
  it("give output that type-checks and runs under every validator kind, or located errors", () => {
    const runs: Run[] = [];
    const builds: OutputBuild[] = [];
    let failed = 0;
    for (const seed of SEEDS) {
      const { files, broken } = hostileDocSet(seed);
      const parsed = Object.entries(files).map(([file, text]) => parseDoc({ file, text }));
      const { graph, diagnostics } = buildModelGraph(parsed, []);
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        expect(unlocated(errors, files), `seed ${seed}`).toEqual([]);
        expect(broken, `seed ${seed}: a legitimate doc set fails: ${errors.map((d) => d.message).join("; ")}`).toBe(true);
        failed++;
        continue;
      }
      expect(broken, `seed ${seed}: broken on purpose, yet no error`).toBe(false);
      const rnd = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
      for (const validators of kindsOf(seed)) {
        const options: EmitOptions = { validators, unknownKeys: pick(OPTION_CHOICES.unknownKeys), dates: pick(OPTION_CHOICES.dates), nulls: pick(OPTION_CHOICES.nulls) };
        builds.push({ name: `${seed}-${validators}`, graph, options });
      }
      runs.push({ seed, graph });
    }
    // Both paths are taken.
    expect(runs.length).toBeGreaterThan(SEEDS.length * 0.8);
    expect(failed).toBeGreaterThan(0);

    // One tsc run for all (emit errors would throw here).
    const built = buildOutputs("hostile-docs", builds);
    expect(builds.map((build) => built.errors(build.name)).filter(Boolean).join("\n").split("\n").slice(0, 30).join("\n")).toBe("");

    for (const { seed, graph } of runs) {
      const { layout } = planLayout(graph);
      const namespaces = new Map(layout.namespaces.map((ns) => [ns.name, ns.identifier]));
      for (const validators of kindsOf(seed).filter((kind) => kind !== "none")) {
        const index = built.module(`${seed}-${validators}`) as Record<string, Record<string, Companion | undefined>>;
        for (const model of graph.models) {
          const exported = model.name === "default" || model.name === "__proto__" ? `${model.name}$` : model.name;
          const companion = index[namespaces.get(model.namespace)!]?.[exported];
          expect(companion, `seed ${seed} ${validators}: ${model.id} exported as ${exported}`).toBeDefined();
          for (const value of VALUES) {
            expect(() => check(companion!, value), `seed ${seed} ${validators}: ${model.id}`).not.toThrow();
          }
        }
      }
    }
    // About 20 s of CPU on an idle machine; more under load.
  }, 300_000);
});

type Companion = { is?(value: unknown): boolean; validate?(value: unknown): unknown; safeParse?(value: unknown): unknown };

function check(companion: Companion, value: unknown): void {
  if (companion.safeParse) companion.safeParse(value);
  else {
    companion.is!(value);
    companion.validate!(value);
  }
}
