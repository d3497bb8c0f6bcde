/**
 * Where each model goes (the layout contract): `<namespace>/<lower-case name>.ts`, one barrel `index.ts` per
 * namespace and one at the root. File names are compared case-insensitively so that no two collide on macOS or
 * Windows; a clash gets a numbered name and a warning instead of overwriting.
 */
import type { Diagnostic, Model, ModelGraph, ModelId } from "../model/types.js";
import { namespaceIdentifier, renamedExport, unique } from "./lib/names.js";

export interface Layout {
  /** Namespaces in output order, with the identifier each is exported as from the root barrel. */
  namespaces: { name: string; folder: string; identifier: string }[];
  /** Output path of each model's file, relative to the output folder (e.g. `components/choices.ts`). */
  files: Map<ModelId, string>;
  models: Map<ModelId, Model>;
}

/** `index` is the namespace barrel; the others are device names Windows reserves, whatever the extension. */
const RESERVED_FILE_NAMES = new Set(["index", "con", "prn", "aux", "nul", ..."123456789".split("").flatMap((n) => [`com${n}`, `lpt${n}`])]);

/** What the root index exports besides the namespaces: the validators' runtime (see ./index.ts). */
export const ROOT_EXPORTS: readonly string[] = ["EnumSchema", "Issue", "Path", "Result", "Schema", "StandardSchemaV1", "ValidationError"];

export function planLayout(graph: ModelGraph): { layout: Layout; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<ModelId, string>();
  const models = new Map<ModelId, Model>();
  const taken = new Set<string>();
  const folders = new Map<string, string>();
  for (const model of graph.models) {
    models.set(model.id, model);
    const renamed = renamedExport(model);
    if (renamed) diagnostics.push({ severity: "warning", code: "renamed-export", message: renamed, ...model.source });
    const folder = model.namespace.replace(/\./g, "/");
    const folderKey = folder.toLowerCase();
    const other = folders.get(folderKey);
    if (other !== undefined && other !== folder) {
      diagnostics.push({ severity: "error", code: "file-collision", message: `namespace folder "${folder}" collides with "${other}" on case-insensitive file systems`, ...model.source });
      continue;
    }
    folders.set(folderKey, folder);
    const base = model.name.toLowerCase();
    const reserved = RESERVED_FILE_NAMES.has(base);
    let stem = reserved ? `${base}_model` : base;
    for (let n = 2; taken.has(`${folderKey}/${stem}`); n++) stem = `${base}_${n}`;
    if (stem !== base) {
      const why = reserved ? "is reserved (a namespace barrel, or a device name on Windows)" : "is taken on case-insensitive file systems";
      diagnostics.push({ severity: "warning", code: "file-collision", message: `${model.id} is written to ${folder}/${stem}.ts: "${base}.ts" ${why}`, ...model.source });
    }
    taken.add(`${folderKey}/${stem}`);
    files.set(model.id, `${folder}/${stem}.ts`);
  }
  return { layout: { namespaces: namespacesOf([...folders.values()].sort()), files, models }, diagnostics };
}

/**
 * Each namespace's identifier in the root index (`export * as components`): unique, and none of the names the
 * root index exports otherwise or that mean something else (`default`). A function of the namespace names alone.
 */
function namespacesOf(folders: string[]): Layout["namespaces"] {
  const taken = new Set(["default", "__proto__", ...ROOT_EXPORTS]);
  return folders.map((folder) => {
    const name = folder.replace(/\//g, ".");
    const identifier = unique(namespaceIdentifier(name), (candidate) => !taken.has(candidate));
    taken.add(identifier);
    return { name, folder, identifier };
  });
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
