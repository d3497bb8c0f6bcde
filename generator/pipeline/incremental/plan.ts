/**
 * Incremental emission, kept apart from the emitter: which output files must be printed again. The emitter stays a
 * black box (`emitFiles(graph, include)`); this module only needs the layout and the graph.
 *
 * A model's file is a function of the model, of the models it references directly (their names, paths and
 * content: validators look into them), of the emit options and of the generator's code, so its key hashes exactly
 * those. A namespace barrel lists the files of its namespace, the root barrel the namespaces: their keys are those
 * lists, so editing a model does not print them again. The remaining files (schema.json, the validators' runtime)
 * are printed again whenever any key changed. Printed files whose text did not change are still not written (see
 * ./emit.ts).
 */
import { planLayout, type Layout } from "../../emit/layout.js";
import { referencesOf } from "../../model/type-expr.js";
import type { Diagnostic, Model, ModelGraph, ModelId } from "../../model/types.js";
import { sha256 } from "../hash.js";

/** What the previous run wrote, as far as the output folder still holds it unchanged. */
export interface PreviousOutput {
  outputKey: string;
  /** Every file it recorded is still on disk as written. */
  intact: boolean;
  /** Path → key of the model file (absent for other files) and hash of its text. */
  files: ReadonlyMap<string, { key?: string | undefined; hash: string }>;
}

export interface IncrementalPlan {
  /** Key of every model file and barrel, by path. */
  keys: Map<string, string>;
  /** Hash of all keys and of the graph's own fields: equal keys mean equal output. */
  outputKey: string;
  /** The files the emitter must print: files whose key changed, and every other file when the output key did. */
  include: (path: string) => boolean;
  /** Same output key and every file intact: nothing to print at all. */
  upToDate: boolean;
  /** Files the output consists of that have no key and are not printed this time (kept from the previous run). */
  kept: string[];
  /** Where every model goes, and the layout's diagnostics (file-name clashes): the emitter reports no others. */
  layout: Layout;
  diagnostics: Diagnostic[];
}

/**
 * `docs` (doc file → hash of its bytes) lets a model be fingerprinted without serialising it: the graph
 * builder makes a model from its doc alone plus where its references resolved, so the doc's hash and the resolved
 * ids, in order, determine it. Without them (or for a model without a hash, or a union holding members of other
 * docs) the model's JSON is hashed.
 */
export function planIncremental(
  graph: ModelGraph,
  previous: PreviousOutput | undefined,
  salt: string,
  docs?: ReadonlyMap<string, { hash: string }>,
): IncrementalPlan {
  const { layout, diagnostics } = planLayout(graph);
  // Each model is fingerprinted once; a file's key then hashes the few fingerprints it depends on.
  const fingerprints = new Map<ModelId, string>();
  const fingerprint = (model: Model): string => {
    const doc = docs?.get(model.source.file)?.hash;
    return doc === undefined || borrowsMembers(model) ? sha256(JSON.stringify(model)) : [doc, model.source.file, ...referencesOf(model)].join("\x01");
  };
  const fingerprintOf = (model: Model): string => fingerprints.get(model.id) ?? fingerprints.set(model.id, fingerprint(model)).get(model.id)!;
  const keys = new Map<string, string>();
  const barrels = new Map<string, string[]>(layout.namespaces.map((ns) => [`${ns.folder}/index.ts`, [salt]]));
  for (const model of graph.models) {
    const path = layout.files.get(model.id);
    if (!path) continue;
    barrels.get(`${path.slice(0, path.lastIndexOf("/"))}/index.ts`)?.push(path);
    const parts = [salt, path, fingerprintOf(model)];
    for (const id of new Set(referencesOf(model))) {
      const target = layout.models.get(id);
      parts.push(id, layout.files.get(id) ?? "", target ? fingerprintOf(target) : "");
    }
    keys.set(path, sha256(parts.join("\0")));
  }
  for (const [path, members] of barrels) keys.set(path, sha256(members.join("\0")));
  keys.set("index.ts", sha256([salt, ...layout.namespaces.map((ns) => `${ns.folder}\0${ns.identifier}`)].join("\0")));
  const outputKey = sha256([salt, JSON.stringify({ ...graph, models: graph.models.length }), ...[...keys].flat()].join("\0"));

  // With the same output key, the files not made from one model are those of the previous run, unchanged.
  const upToDate = previous !== undefined && previous.outputKey === outputKey && previous.intact;
  const kept = upToDate ? [...previous.files].filter(([, entry]) => entry.key === undefined).map(([path]) => path) : [];
  const include = (path: string): boolean => {
    if (upToDate) return false;
    const key = keys.get(path);
    return key === undefined || previous?.files.get(path)?.key !== key;
  };
  return { keys, outputKey, upToDate, include, kept, layout, diagnostics };
}

/** A union flattened out of a cycle (../../build/union-cycles.ts) holds members written in other docs. */
function borrowsMembers(model: Model): boolean {
  return model.kind === "union" && model.members.some((member) => member.source.file !== model.source.file);
}
