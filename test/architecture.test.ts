/** The structure the README's Architecture section promises, checked on every run. */
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, layerViolations, missingCitations, type ImportEdge } from "./support/imports.js";

describe("the generator's import graph", async () => {
  const { files, edges } = await importGraph();

  it("runs one way: cli → pipeline → {parse, build, emit, diff} → model, side effects in pipeline and cli only", () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  it("the checks catch what they look for", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, line: 1 });
    expect(layerViolations([edge("model/types.ts", "parse/doc.ts")])).toHaveLength(1);
    expect(layerViolations([edge("emit/index.ts", "diff/index.ts")])).toHaveLength(1);
    expect(layerViolations([edge("parse/doc.ts", "node:fs")])).toHaveLength(1);
    expect(layerViolations([edge("cli/main.ts", "pipeline/index.ts"), edge("pipeline/load.ts", "node:fs")])).toEqual([]);
    const files = ["a.ts", "b.ts", "c.ts"];
    expect(importCycles(files, [edge("a.ts", "b.ts"), edge("b.ts", "c.ts")])).toEqual([]);
    expect(importCycles(files, [edge("a.ts", "b.ts"), edge("b.ts", "c.ts"), edge("c.ts", "a.ts")])).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});

describe("comments", () => {
  it("cite only files that exist", async () => {
    expect(await missingCitations()).toEqual([]);
  });
});
