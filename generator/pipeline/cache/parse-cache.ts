/**
 * The persistent parse cache of one input folder: per doc, its stat (size, mtime), the hash of its bytes and its
 * parse result. A matching stat is the fast path; on a mismatch the content hash decides (../parse-job.ts), so a
 * touched but unchanged file is not parsed again and a changed one always is. Stored in shards (docs spread by
 * name), so that a run that parsed a few docs rewrites a few small files, not the whole cache.
 */
import path from "node:path";
import type { ParsedDoc } from "../../model/types.js";
import { shardOf } from "../hash.js";
import { cacheName, entriesOf, readCache, saveCache, type CacheWarnings } from "./store.js";
import { generatorVersion } from "./version.js";

/** A doc's parse result with the hash of the bytes it came from: it stands for any doc of that name and content. */
export interface KnownParse {
  hash: string;
  doc: ParsedDoc;
}

export interface CachedParse extends KnownParse {
  size: number;
  mtimeMs: number;
}

export type ParseCache = Map<string, CachedParse>;

const SHARDS = 32;
const fileOf = (cacheDir: string, input: string, shard: number): string => path.join(cacheDir, cacheName("parse", input), `${shard}.bin`);

export async function loadParseCache(cacheDir: string, input: string, warnings: CacheWarnings): Promise<ParseCache> {
  const version = generatorVersion();
  const shards = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => readCache(fileOf(cacheDir, input, shard), version, warnings)));
  const cache: ParseCache = new Map();
  for (const [shard, value] of shards.entries()) {
    for (const [file, entry] of entriesOf<Partial<CachedParse>>(value)) {
      // The checksum rules out corruption; this rules out a well-formed file of some other shape or shard.
      if (typeof file === "string" && shardOf(file, SHARDS) === shard && isEntry(entry) && entry.doc.file === file) cache.set(file, entry);
    }
  }
  return cache;
}

/** Writes the shards holding any of `changed` (docs parsed again, added or removed). */
export async function saveParseCache(cacheDir: string, input: string, cache: ParseCache, changed: Iterable<string>, warnings: CacheWarnings): Promise<void> {
  const dirty = new Set([...changed].map((file) => shardOf(file, SHARDS)));
  const shards = new Map<number, ParseCache>([...dirty].map((shard) => [shard, new Map()]));
  for (const [file, entry] of cache) shards.get(shardOf(file, SHARDS))?.set(file, entry);
  const version = generatorVersion();
  await Promise.all([...shards].map(([shard, entries]) => saveCache(fileOf(cacheDir, input, shard), version, [...entries], warnings)));
}

function isEntry(entry: Partial<CachedParse> | null | undefined): entry is CachedParse {
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.size === "number" &&
    typeof entry.mtimeMs === "number" &&
    typeof entry.hash === "string" &&
    typeof entry.doc === "object" &&
    entry.doc !== null &&
    Array.isArray(entry.doc.diagnostics)
  );
}
