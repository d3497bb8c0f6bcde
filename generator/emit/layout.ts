/**
 * Where each model goes (the layout contract): `<namespace>/<lower-case name>.ts`, one barrel `index.ts` per
 * namespace and one at the root. File names are compared case-insensitively so that no two collide on macOS or
 * Windows; a clash gets a numbered name and a warning instead of overwriting.
 */
import type { Diagnostic, Model, ModelGraph, ModelId } from "../model/types.js";

export interface Layout {
  /** Namespaces in output order, with the identifier each is exported as from the root barrel. */
  namespaces: { name: string; folder: string; identifier: string }[];
  /** Output path of each model's file, relative to the output folder (e.g. `components/choices.ts`). */
  files: Map<ModelId, string>;
  models: Map<ModelId, Model>;
}

const RESERVED_FILE_NAMES = new Set(["index"]);

export function planLayout(graph: ModelGraph): { layout: Layout; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<ModelId, string>();
  const models = new Map<ModelId, Model>();
  const taken = new Set<string>();
  const folders = new Map<string, string>();
  for (const model of graph.models) {
    models.set(model.id, model);
    const folder = model.namespace.replace(/\./g, "/");
    const folderKey = folder.toLowerCase();
    const other = folders.get(folderKey);
    if (other !== undefined && other !== folder) {
      diagnostics.push({ severity: "error", code: "file-collision", message: `namespace folder "${folder}" collides with "${other}" on case-insensitive file systems`, ...model.source });
      continue;
    }
    folders.set(folderKey, folder);
    const base = model.name.toLowerCase();
    let stem = RESERVED_FILE_NAMES.has(base) ? `${base}_model` : base;
    for (let n = 2; taken.has(`${folderKey}/${stem}`); n++) stem = `${base}_${n}`;
    if (stem !== base) {
      diagnostics.push({
        severity: "warning",
        code: "file-collision",
        message: `${model.id} is written to ${folder}/${stem}.ts: "${base}.ts" is taken on case-insensitive file systems`,
        ...model.source,
      });
    }
    taken.add(`${folderKey}/${stem}`);
    files.set(model.id, `${folder}/${stem}.ts`);
  }
  const namespaces = [...folders.values()]
    .sort()
    .map((folder) => ({ name: folder.replace(/\//g, "."), folder, identifier: folder.replace(/[^A-Za-z0-9_$]/g, "_") }));
  return { layout: { namespaces, files, models }, diagnostics };
}

/** Relative module specifier from one output file to another, as ESM wants it (`./x.js`, `../ns/x.js`). */
export function moduleSpecifier(from: string, to: string): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join("/").replace(/\.ts$/, ".js");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}
