/**
 * The operation docs of an SDK (`docs/sdks/<group>/README.md`) as a folder: listed, read, and parsed
 * (../parse/operations-doc.ts) only when their bytes changed since the last run. The parser, and remark with it,
 * is loaded only then.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Operation } from "../model/types.js";
import type { CacheWarnings } from "./cache/store.js";
import { loadOperationsCache, saveOperationsCache, type OperationsCache } from "./cache/operations-cache.js";
import { sha256 } from "./hash.js";

/** Operations of README files by label and content hash: one folder's, to seed the reading of another version. */
export type OperationParses = ReadonlyMap<string, { hash: string; operations: Operation[] }>;

export interface ReadOperationsOptions {
  /** Folder of the persistent cache; absent: no cache. */
  cacheDir?: string | undefined;
  seed?: OperationParses | undefined;
}

/**
 * The operations of every `<group>/README.md` under an sdks folder; files are named relative to `relativeTo`. A
 * README whose bytes did not change since the last run (with a cache folder), or whose bytes are those of its entry
 * in `seed`, is not parsed again. Also returns every README's parse, a seed for another version of these docs.
 */
export async function readOperationDocs(
  sdksFolder: string,
  relativeTo: string,
  { cacheDir, seed }: ReadOperationsOptions = {},
  warnings: CacheWarnings = [],
): Promise<{ operations: Operation[]; parses: OperationParses }> {
  const files = await listOperationDocs(sdksFolder);
  const cache: OperationsCache = cacheDir ? await loadOperationsCache(cacheDir, sdksFolder, warnings) : new Map();
  const fresh: OperationsCache = new Map();
  await Promise.all(
    files.map(async (file) => {
      const label = path.relative(relativeTo, path.join(sdksFolder, file)).split(path.sep).join("/");
      const bytes = await readFile(path.join(sdksFolder, file));
      const hash = sha256(bytes);
      const known = [cache.get(label), seed?.get(label)].find((entry) => entry?.hash === hash);
      fresh.set(label, known ?? { hash, operations: (await import("../parse/operations-doc.js")).parseOperationsDoc(label, bytes.toString("utf8")) });
    }),
  );
  const changed = fresh.size !== cache.size || [...fresh].some(([label, entry]) => cache.get(label) !== entry);
  if (cacheDir && changed) await saveOperationsCache(cacheDir, sdksFolder, fresh, warnings);
  return { operations: [...fresh.keys()].sort().flatMap((label) => fresh.get(label)!.operations), parses: fresh };
}

/** The operation docs of an sdks folder (`<group>/README.md`), sorted. */
export async function listOperationDocs(sdksFolder: string): Promise<string[]> {
  return (await glob("*/README.md", { cwd: sdksFolder, onlyFiles: true })).sort();
}

/** The operation docs beside a models folder: `docs/sdks/` for `docs/models/`. Empty when there are none. */
export async function readSiblingOperations(
  modelsFolder: string,
  options: ReadOperationsOptions = {},
  warnings: CacheWarnings = [],
): Promise<{ operations: Operation[]; parses: OperationParses }> {
  const sdks = sdksBeside(modelsFolder);
  return sdks ? readOperationDocs(sdks, modelsFolder, options, warnings) : { operations: [], parses: new Map() };
}

/** The operation docs folder beside a models folder (`docs/sdks/` for `docs/models/`), if there is one. */
export function sdksBeside(modelsFolder: string): string | undefined {
  const sdks = path.join(modelsFolder, "..", "sdks");
  return existsSync(sdks) ? sdks : undefined;
}
