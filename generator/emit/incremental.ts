/**
 * Incremental emission, kept apart from the emitter: which output files must be printed again. The emitter stays a
 * black box (`emitFiles(graph, include)`); this module only needs the layout and the graph.
 *
 * A model's file is a function of the model, of the models it references directly (their names, paths and
 * content: validators look into them), of the emit options and of the generator's code, so its key hashes exactly
 * those. Files made from more than one model (barrels, schema.json) are printed again whenever any key changed;
 * they are cheap. Printed files whose text did not change are still not written (see ../cli/incremental.ts).
 */
import { sha256 } from "../lib/hash.js";
import type { Diagnostic, Model, ModelGraph, ModelId } from "../model/types.js";
import { planLayout } from "./layout.js";
import { referencesOf } from "./references.js";

/** What the previous run wrote, as far as the output folder still holds it unchanged. */
export interface PreviousOutput {
  outputKey: string;
  /** Every file it recorded is still on disk as written. */
  intact: boolean;
  /** Path → key of the model file (absent for other files) and hash of its text. */
  files: ReadonlyMap<string, { key?: string | undefined; hash: string }>;
}

export interface IncrementalPlan {
  /** Key of every model file, by path. */
  keys: Map<string, string>;
  /** Hash of all keys and of the graph's own fields: equal keys mean equal output. */
  outputKey: string;
  /** The files the emitter must print: model files whose key changed, and every other file when the output key did. */
  include: (path: string) => boolean;
  /** Same output key and every file intact: nothing to print at all. */
  upToDate: boolean;
  /** Files the output consists of that are neither model files nor printed this time (kept from the previous run). */
  kept: string[];
  /** The layout's diagnostics (file-name clashes): the emitter reports no others. */
  diagnostics: Diagnostic[];
}

export function planIncremental(graph: ModelGraph, previous: PreviousOutput | undefined, salt: string): IncrementalPlan {
  const { layout, diagnostics } = planLayout(graph);
  // Each model's JSON is hashed once; a file's key then hashes the few hashes it depends on.
  const hashes = new Map<ModelId, string>();
  const hashOf = (model: Model): string => hashes.get(model.id) ?? hashes.set(model.id, sha256(JSON.stringify(model))).get(model.id)!;
  const keys = new Map<string, string>();
  for (const model of graph.models) {
    const path = layout.files.get(model.id);
    if (!path) continue;
    const parts = [salt, path, hashOf(model)];
    for (const id of new Set(referencesOf(model))) {
      const target = layout.models.get(id);
      parts.push(id, layout.files.get(id) ?? "", target ? hashOf(target) : "");
    }
    keys.set(path, sha256(parts.join("\0")));
  }
  const outputKey = sha256([salt, JSON.stringify({ ...graph, models: graph.models.length }), ...[...keys].flat()].join("\0"));

  // With the same output key, the files not made from one model are those of the previous run, unchanged.
  const upToDate = previous !== undefined && previous.outputKey === outputKey && previous.intact;
  const kept = upToDate ? [...previous.files].filter(([, entry]) => entry.key === undefined).map(([path]) => path) : [];
  const include = (path: string): boolean => {
    if (upToDate) return false;
    const key = keys.get(path);
    return key === undefined || previous?.files.get(path)?.key !== key;
  };
  return { keys, outputKey, upToDate, include, kept, diagnostics };
}
