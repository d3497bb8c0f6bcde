/**
 * A folder of model docs in, parse fragments out. Files are listed in a stable order and parsed on every core
 * (./parse-pool.ts); with a cache folder, docs whose bytes did not change since the last run are not parsed again, and
 * with a seed (the parses of another version of the same docs), docs whose bytes are the seed's are not either.
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Diagnostic, ParsedDoc } from "../model/types.js";
import { loadParseCache, saveParseCache, type KnownParse, type ParseCache } from "./cache/parse-cache.js";
import { sha256 } from "./hash.js";
import type { ParseJob } from "./parse-job.js";
import { parseAll } from "./parse-pool.js";

export interface ReadDocsOptions {
  /** Called as docs are parsed (or found in the cache), for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for parsing; default one per core; 0 or 1 parse in process. */
  workers?: number | undefined;
  /** Folder of the persistent parse cache; absent: no cache. */
  cacheDir?: string | undefined;
  /** The folder's listing, when the caller has just made it. */
  listing?: DocListing | undefined;
  /**
   * Known parses by relative path, typically another folder's `parses` (the other side of a diff): a doc whose
   * bytes hash to its entry's hash takes that parse instead of being parsed again.
   */
  seed?: ParseSeed | undefined;
}

export type { KnownParse };

export type ParseSeed = ReadonlyMap<string, KnownParse>;

export interface ReadDocsResult {
  docs: ParsedDoc[];
  /** Problems with the folder itself (skipped files), not with one doc's content. */
  diagnostics: Diagnostic[];
  /** How many docs were parsed; the rest came from the cache or the seed. */
  parsed: number;
  /** Every doc's parse and content hash by relative path: a seed for reading another version of these docs. */
  parses: ParseSeed;
}

export interface DocListing {
  files: string[];
  /** Markdown files that are not model docs. */
  skipped: string[];
  /** Of each file, as listed. */
  stats: Stats[];
}

/** Lists the model docs of a folder: `*.md` at any depth, sorted; in a flat (Python) folder only the top level. */
export async function listDocs(input: string): Promise<DocListing> {
  const all = (await glob("**/*.md", { cwd: input, onlyFiles: true, dot: false })).sort();
  // Python doc sets keep every model at the top level; sub-folders there (`utils/`) hold SDK documentation.
  const flat = all.some((file) => !file.includes("/"));
  const files = flat ? all.filter((f) => !f.includes("/")) : all;
  const stats = files.map((file) => statSync(path.join(input, file)));
  return { files, skipped: flat ? all.filter((f) => f.includes("/")) : [], stats };
}

export async function readDocs(input: string, options: ReadDocsOptions = {}): Promise<ReadDocsResult> {
  const absolute = path.resolve(input);
  const { files, skipped, stats } = options.listing ?? (await listDocs(absolute));
  const diagnostics: Diagnostic[] = skipped.map((file) => ({
    severity: "warning",
    code: "skipped-file",
    message: "skipped: in a flat doc set, sub-folders hold SDK documentation, not models",
    file,
    line: 1,
    column: 1,
  }));

  const cache: ParseCache = options.cacheDir ? await loadParseCache(options.cacheDir, absolute) : new Map();
  const jobs: ParseJob[] = [];
  const jobStats: Stats[] = [];
  // Entries of this run: docs parsed, re-hashed or taken from the seed.
  const fresh: ParseCache = new Map();
  files.forEach((file, i) => {
    const stat = stats[i]!;
    const cached = cache.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return;
    const seeded = cached ? undefined : seededParse(absolute, file, options.seed);
    if (seeded) fresh.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, hash: seeded.hash, doc: seeded.doc });
    else {
      jobs.push(cached ? { file, cachedHash: cached.hash } : { file });
      jobStats.push(stat);
    }
  });
  const hits = files.length - jobs.length;
  options.onProgress?.(hits, files.length);
  const results = await parseAll(absolute, jobs, {
    workers: options.workers,
    onProgress: (done) => options.onProgress?.(hits + done, files.length),
  });

  let parsed = 0;
  for (const [i, result] of results.entries()) {
    const stat = jobStats[i]!;
    if (result.doc) parsed++;
    fresh.set(result.file, { size: stat.size, mtimeMs: stat.mtimeMs, hash: result.hash, doc: result.doc ?? cache.get(result.file)!.doc });
  }
  const parses: ParseCache = new Map(files.map((file) => [file, fresh.get(file) ?? cache.get(file)!]));
  const docs = [...parses.values()].map((entry) => entry.doc);
  const listed = new Set(files);
  const changed = [...fresh.keys(), ...[...cache.keys()].filter((file) => !listed.has(file))];
  if (options.cacheDir && changed.length > 0) {
    try {
      await saveParseCache(options.cacheDir, absolute, parses, changed);
    } catch (error) {
      // A cache is an optimisation: failing to write it must not fail the run.
      const message = `could not write the parse cache in ${options.cacheDir}: ${(error as Error).message}`;
      diagnostics.push({ severity: "warning", code: "cache-write-failed", message, file: ".", line: 1, column: 1 });
    }
  }
  return { docs, diagnostics, parsed, parses };
}

/**
 * The seed's parse of a doc, if the doc's bytes are the ones it came from. The seed describes another folder, so
 * only the content hash can vouch for it. Checked in process: most docs match, and reading and hashing them costs
 * less than starting parse workers; those that differ go to the pool.
 */
function seededParse(input: string, file: string, seed: ParseSeed | undefined): KnownParse | undefined {
  const known = seed?.get(file);
  return known && sha256(readFileSync(path.join(input, file))) === known.hash ? known : undefined;
}
