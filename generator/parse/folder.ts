/**
 * A folder of model docs in, parse fragments out. Files are listed in a stable order and parsed on every core
 * (./pool.ts); with a cache folder, docs whose bytes did not change since the last run are not parsed again.
 */
import { statSync, type Stats } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { loadParseCache, saveParseCache, type ParseCache } from "../cache/parse-cache.js";
import type { Diagnostic } from "../model/types.js";
import type { ParsedDoc } from "./doc.js";
import type { ParseJob } from "./job.js";
import { parseAll } from "./pool.js";

export interface ReadDocsOptions {
  /** Called as docs are parsed (or found in the cache), for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for parsing; default one per core; 0 or 1 parse in process. */
  workers?: number | undefined;
  /** Folder of the persistent parse cache; absent: no cache. */
  cacheDir?: string | undefined;
  /** The folder's listing, when the caller has just made it. */
  listing?: DocListing | undefined;
}

export interface ReadDocsResult {
  docs: ParsedDoc[];
  /** Problems with the folder itself (skipped files), not with one doc's content. */
  diagnostics: Diagnostic[];
  /** How many docs were parsed; the rest came from the cache. */
  parsed: number;
  /** Content hash of every doc (file → sha256 of its bytes). */
  hashes: Map<string, string>;
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
  files.forEach((file, i) => {
    const cached = cache.get(file);
    if (cached && cached.size === stats[i]!.size && cached.mtimeMs === stats[i]!.mtimeMs) return;
    jobs.push(cached ? { file, cachedHash: cached.hash } : { file });
    jobStats.push(stats[i]!);
  });
  const hits = files.length - jobs.length;
  options.onProgress?.(hits, files.length);
  const results = await parseAll(absolute, jobs, {
    workers: options.workers,
    onProgress: (done) => options.onProgress?.(hits + done, files.length),
  });

  const fresh: ParseCache = new Map();
  let parsed = 0;
  for (const [i, result] of results.entries()) {
    const stat = jobStats[i]!;
    if (result.doc) parsed++;
    fresh.set(result.file, { size: stat.size, mtimeMs: stat.mtimeMs, hash: result.hash, doc: result.doc ?? cache.get(result.file)!.doc });
  }
  const entries = files.map((file) => fresh.get(file) ?? cache.get(file)!);
  const docs = entries.map((entry) => entry.doc);
  const listed = new Set(files);
  const changed = [...fresh.keys(), ...[...cache.keys()].filter((file) => !listed.has(file))];
  if (options.cacheDir && changed.length > 0) {
    const next: ParseCache = new Map(files.map((file, i) => [file, entries[i]!]));
    try {
      await saveParseCache(options.cacheDir, absolute, next, changed);
    } catch (error) {
      // A cache is an optimisation: failing to write it must not fail the run.
      const message = `could not write the parse cache in ${options.cacheDir}: ${(error as Error).message}`;
      diagnostics.push({ severity: "warning", code: "cache-write-failed", message, file: ".", line: 1, column: 1 });
    }
  }
  const hashes = new Map(files.map((file, i) => [file, entries[i]!.hash]));
  return { docs, diagnostics, parsed, hashes };
}
