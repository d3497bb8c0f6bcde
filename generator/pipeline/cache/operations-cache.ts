/**
 * The operation docs (`docs/sdks/*\/README.md`) of one folder, parsed once per content: per README, the hash of its
 * bytes and its operations. They are few but large (usage snippets), and would otherwise be parsed on every run.
 */
import path from "node:path";
import type { Operation } from "../../model/types.js";
import { cacheName, entriesOf, readCache, saveCache, type CacheWarnings } from "./store.js";
import { generatorVersion } from "./version.js";

export type OperationsCache = Map<string, { hash: string; operations: Operation[] }>;

const fileOf = (cacheDir: string, sdks: string): string => path.join(cacheDir, `${cacheName("operations", sdks)}.bin`);

export async function loadOperationsCache(cacheDir: string, sdks: string, warnings: CacheWarnings): Promise<OperationsCache> {
  const value = await readCache(fileOf(cacheDir, sdks), generatorVersion(), warnings);
  const cache: OperationsCache = new Map();
  // The checksum rules out corruption; this rules out a well-formed value of another shape.
  for (const [file, entry] of entriesOf<{ hash?: unknown; operations?: unknown }>(value)) {
    if (typeof file === "string" && typeof entry?.hash === "string" && Array.isArray(entry.operations)) cache.set(file, entry as { hash: string; operations: Operation[] });
  }
  return cache;
}

export async function saveOperationsCache(cacheDir: string, sdks: string, cache: OperationsCache, warnings: CacheWarnings): Promise<void> {
  await saveCache(fileOf(cacheDir, sdks), generatorVersion(), [...cache], warnings);
}
