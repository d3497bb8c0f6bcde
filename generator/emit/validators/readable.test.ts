/**
 * The generated code reads like hand-written code, under every validator kind and option: helpers named for what
 * they check, lines within the width where a break is possible, one blank line between declarations, `unknown`
 * where the docs say any, companions a bundler may drop.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { graphOf } from "../../../test/helpers/graph.js";
import { EVERY_CONSTRUCT } from "../../../test/support/every-construct.js";
import { loadGraph } from "../../pipeline/load.js";
import { emitOutput, type OutputFile } from "../index.js";
import { WIDTH } from "../lib/code.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../options.js";

const OPTION_SETS: Partial<EmitOptions>[] = [
  {},
  { unknownKeys: "strip", dates: "iso", nulls: "optional" },
  { unknownKeys: "reject", nulls: "unstated" },
  { validators: "zod" },
  { validators: "zod", unknownKeys: "strip", dates: "iso" },
  { validators: "none" },
];

let files: (OutputFile & { options: string })[];

beforeAll(async () => {
  const embedded = (await loadGraph(path.resolve(import.meta.dirname, "../../../docs/models"))).graph;
  const graph = graphOf([...embedded.models, ...EVERY_CONSTRUCT]);
  files = OPTION_SETS.flatMap((options) =>
    emitOutput(graph, { ...DEFAULT_OPTIONS, ...options })
      .files.filter((file) => file.path.endsWith(".ts") && !/^(runtime|checks)\.ts$/.test(file.path))
      .map((file) => ({ ...file, options: JSON.stringify(options) })),
  );
});

/** Every line of the generated files that `wrong` flags, with its file. */
function lines(wrong: (line: string, index: number, all: string[]) => boolean): string[] {
  return files.flatMap((file) => {
    const all = file.content.split("\n");
    return all.flatMap((line, i) => (wrong(line, i, all) ? [`${file.options} ${file.path}:${i + 1}: ${line}`] : []));
  });
}

describe("generated code", () => {
  it("names its helpers for what they check", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(lines((line) => /\b(is|collect|members)_\d+\b/.test(line))).toEqual([]);
    const helpers = new Set(files.flatMap((file) => [...file.content.matchAll(/^(?:function|const) (\w+)/gm)].map((match) => match[1]!)));
    for (const name of ["isStringArray", "collectStringArray", "isNodeRecord", "isNumberArrayArray", "isNullableStringArray", "isDocumentedKey"]) {
      expect(helpers, name).toContain(name);
    }
    expect([...helpers].some((name) => /Members$/.test(name))).toBe(true);
  });

  it("keeps its lines within the width, except comments and names too long to break", () => {
    const tooLong = lines((line) => line.length > WIDTH && !/^\s*(\/\/|\/\*\*|\*)/.test(line) && !/^export const \S+: \S+ =$/.test(line));
    expect(tooLong).toEqual([]);
  });

  it("puts one blank line between declarations and none inside functions", () => {
    const doubled = lines((line, i, all) => line === "" && all[i - 1] === "");
    const declarationStart = /^(export |function |const |let |\/\*\*)/;
    // A declaration follows a blank line or its own comment; re-exports (barrels) stand together.
    const unseparated = lines((line, i, all) => declarationStart.test(line) && !/^export (\*|\{)/.test(line) && i > 0 && !/^(|.*\*\/|\/\/.*)$/.test(all[i - 1]!));
    const insideFunctions = files.flatMap((file) => [...file.content.matchAll(/^function [^\n]*\{\n([\s\S]*?)\n\}$/gm)].filter((match) => match[1]!.includes("\n\n")).map((match) => `${file.path}: ${match[0].slice(0, 80)}`));
    expect([doubled, unseparated, insideFunctions]).toEqual([[], [], []]);
  });

  it("says unknown where the docs say any (a map of any stays Record<string, any>: interfaces must fit it)", () => {
    const anys = lines((line) => /\bany\b/.test(line.replace(/Record<string, any>|z\.any\(\)/g, "")) && !/^\s*(\/\/|\/\*\*|\*)/.test(line));
    expect(anys).toEqual([]);
  });

  it("marks every companion pure, so that bundlers drop the unused ones", () => {
    const companions = lines((line, i, all) => /^export const \w+(: [^=]+)? =/.test(line) && !/Object\.freeze/.test(line) && !/\/\* @__PURE__ \*\//.test(line + (all[i + 1] ?? "")));
    expect(companions).toEqual([]);
  });
});
