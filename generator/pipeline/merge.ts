/**
 * The `--merge` input of `generate` and `graph`: a second doc set of the same API (the Python docs of a TS SDK, or
 * another release) read like any input (a models folder, the docs folder holding it, or a `schema.json` snapshot)
 * and merged into the primary graph (../build/merge.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { mergeGraphs } from "../build/index.js";
import { compareDiagnostics } from "../model/diagnostics.js";
import type { Diagnostic } from "../model/types.js";
import { openSide } from "./diff-input.js";
import { InputError } from "./errors.js";
import { loadGraph, type LoadedGraph, type LoadOptions } from "./load.js";

export async function loadMergedGraph(input: string, merge: string, options: LoadOptions = {}): Promise<LoadedGraph> {
  // Checked before the primary docs are parsed: a mistyped path should not wait for them.
  if (!existsSync(merge)) throw new InputError(`merge input "${merge}" does not exist`);
  const side = await openSide(merge);
  const primary = await loadGraph(input, options);
  const other = "models" in side ? await loadGraph(side.models, { ...options, seed: undefined, listing: undefined }) : { graph: side.graph, diagnostics: [], parsedCount: 0 };
  // Diagnostics name files relative to the primary input: name the merged docs from there too.
  const folder = "models" in side ? side.models : path.dirname(merge);
  const prefix = `${path.relative(path.resolve(input), path.resolve(folder)).split(path.sep).join("/")}/`;
  const merged = mergeGraphs(primary.graph, other.graph, { mergedPrefix: prefix });
  const rebased = other.diagnostics.map((d): Diagnostic => ({ ...d, file: `${prefix}${d.file}` }));
  return {
    ...primary,
    graph: merged.graph,
    diagnostics: [...primary.diagnostics, ...rebased, ...merged.diagnostics].sort(compareDiagnostics),
    parsedCount: primary.parsedCount + other.parsedCount,
  };
}
