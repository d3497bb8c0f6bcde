/**
 * The persistent parse cache of one input folder: per doc, its stat (size, mtime), the hash of its bytes and its
 * parse result. A matching stat is the fast path; on a mismatch the content hash decides (./../parse/job.ts), so
 * a touched but unchanged file is not parsed again and a changed one always is.
 */
import path from "node:path";
import type { ParsedDoc } from "../parse/doc.js";
import { cacheFileName, readCache, writeCache } from "./store.js";
import { generatorVersion } from "./version.js";

export interface CachedParse {
  size: number;
  mtimeMs: number;
  hash: string;
  doc: ParsedDoc;
}

export type ParseCache = Map<string, CachedParse>;

const fileOf = (cacheDir: string, input: string): string => path.join(cacheDir, cacheFileName("parse", input));

export async function loadParseCache(cacheDir: string, input: string): Promise<ParseCache> {
  const value = await readCache(fileOf(cacheDir, input), generatorVersion());
  const cache: ParseCache = new Map();
  if (!(value instanceof Map)) return cache;
  for (const [file, entry] of value as Map<unknown, Partial<CachedParse> | null>) {
    // The checksum rules out corruption; this rules out a well-formed file of some other shape.
    if (typeof file === "string" && isEntry(entry) && entry.doc.file === file) cache.set(file, entry);
  }
  return cache;
}

export async function saveParseCache(cacheDir: string, input: string, cache: ParseCache): Promise<void> {
  await writeCache(fileOf(cacheDir, input), generatorVersion(), cache);
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
