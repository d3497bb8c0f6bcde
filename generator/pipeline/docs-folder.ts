/**
 * A folder of model docs in, parse fragments out. Files are listed in a stable order and parsed on every core
 * (./parse-pool.ts); with a cache folder, docs whose bytes did not change since the last run are not parsed again, and
 * with a seed (the parses of another version of the same docs), docs whose bytes are the seed's are not either.
 */
import { readFileSync, statSync, type Dirent, type Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { compareIds } from "../model/type-expr.js";
import type { Diagnostic, ParsedDoc } from "../model/types.js";
import { loadParseCache, saveParseCache, type KnownParse, type ParseCache } from "./cache/parse-cache.js";
import type { CacheWarnings } from "./cache/store.js";
import { reasonOf } from "./errors.js";
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
  /** Problems with the folder itself (skipped and unreadable files), not with one doc's content. */
  diagnostics: Diagnostic[];
  /** About the caches: they cannot fail a run. */
  warnings: CacheWarnings;
  /** How many docs were parsed; the rest came from the cache or the seed. */
  parsed: number;
  /** Every doc's parse and content hash by relative path: a seed for reading another version of these docs. */
  parses: ParseSeed;
}

export interface DocListing {
  /** Model docs, relative to the input folder with forward slashes, sorted. */
  files: string[];
  /** Of each file, as listed. */
  stats: Stats[];
  /** Markdown files that are not read as model docs, and why. */
  skipped: { file: string; why: string }[];
  /** Folders and files that could not be listed: errors, since the models in them would be missing. */
  unreadable: { file: string; why: string }[];
}

/**
 * Lists the model docs of a folder: `*.md` at any depth, sorted. A flat (Python) doc set keeps its models at the
 * top level, and its sub-folders (`utils/`) hold SDK documentation; a namespaced (TypeScript) one keeps them in
 * namespace folders. Whichever layout holds more docs decides, so that one stray file cannot flip the whole set;
 * the docs of the other layout are skipped, with a warning each.
 */
export async function listDocs(input: string): Promise<DocListing> {
  const { files: all, unreadable } = await walkMarkdown(input);
  const top = all.filter((file) => !file.includes("/"));
  const flat = top.length > 0 && top.length >= all.length - top.length;
  const files = flat ? top : all.filter((file) => file.includes("/"));
  const why = flat
    ? "skipped: in a flat doc set, sub-folders hold SDK documentation, not models"
    : "skipped: models of a namespaced doc set live in namespace folders (components/, operations/…), not at the top";
  const skipped = all.filter((file) => !files.includes(file)).map((file) => ({ file, why }));
  const stats: Stats[] = [];
  const listed: string[] = [];
  for (const file of files) {
    try {
      stats.push(statSync(path.join(input, file)));
      listed.push(file);
    } catch (error) {
      unreadable.push({ file, why: `cannot read: ${reasonOf(error)}` });
    }
  }
  return { files: listed, stats, skipped, unreadable };
}

/**
 * Every `*.md` file under a folder (not hidden ones, following symbolic links once), and every folder that could
 * not be read: a glob would skip those silently, and with them every model inside.
 */
async function walkMarkdown(root: string): Promise<{ files: string[]; unreadable: { file: string; why: string }[] }> {
  const files: string[] = [];
  const unreadable: { file: string; why: string }[] = [];
  const seen = new Set<string>();
  const walk = async (relative: string): Promise<void> => {
    const folder = path.join(root, relative);
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (seen.has(real)) return;
      seen.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ file: relative || ".", why: `cannot read the folder: ${reasonOf(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      let kind: Dirent | Stats = entry;
      if (entry.isSymbolicLink()) {
        try {
          kind = await stat(path.join(root, child));
        } catch (error) {
          unreadable.push({ file: child, why: `cannot follow the symbolic link: ${reasonOf(error)}` });
          continue;
        }
      }
      if (kind.isDirectory()) await walk(child);
      else if (kind.isFile() && entry.name.endsWith(".md")) files.push(child);
    }
  };
  await walk("");
  return { files: files.sort(compareIds), unreadable };
}


export async function readDocs(input: string, options: ReadDocsOptions = {}): Promise<ReadDocsResult> {
  const absolute = path.resolve(input);
  const { files, skipped, unreadable, stats } = options.listing ?? (await listDocs(absolute));
  const at = { line: 1, column: 1 };
  const diagnostics: Diagnostic[] = [
    ...skipped.map(({ file, why }): Diagnostic => ({ severity: "warning", code: "skipped-file", message: why, file, ...at })),
    ...unreadable.map(({ file, why }): Diagnostic => ({ severity: "error", code: "unreadable", message: why, file, ...at })),
  ];
  const warnings: CacheWarnings = [];
  const cache: ParseCache = options.cacheDir ? await loadParseCache(options.cacheDir, absolute, warnings) : new Map();
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
  const failed = new Map<string, ParsedDoc>();
  for (const [i, result] of results.entries()) {
    const stat = jobStats[i]!;
    // A doc that could not be read is reported, and never cached: fixing its permissions must be seen.
    if (result.unreadable) failed.set(result.file, result.doc!);
    else {
      if (result.doc) parsed++;
      fresh.set(result.file, { size: stat.size, mtimeMs: stat.mtimeMs, hash: result.hash, doc: result.doc ?? cache.get(result.file)!.doc });
    }
  }
  const known = files.filter((file) => !failed.has(file));
  const parses: ParseCache = new Map(known.map((file) => [file, fresh.get(file) ?? cache.get(file)!]));
  const docs = files.map((file) => failed.get(file) ?? parses.get(file)!.doc);
  const listed = new Set(known);
  const changed = [...fresh.keys(), ...[...cache.keys()].filter((file) => !listed.has(file))];
  if (options.cacheDir && changed.length > 0) await saveParseCache(options.cacheDir, absolute, parses, changed, warnings);
  return { docs, diagnostics, warnings, parsed, parses };
}

/**
 * The seed's parse of a doc, if the doc's bytes are the ones it came from. The seed describes another folder, so
 * only the content hash can vouch for it. Checked in process: most docs match, and reading and hashing them costs
 * less than starting parse workers; those that differ go to the pool.
 */
function seededParse(input: string, file: string, seed: ParseSeed | undefined): KnownParse | undefined {
  const known = seed?.get(file);
  if (!known) return undefined;
  try {
    return sha256(readFileSync(path.join(input, file))) === known.hash ? known : undefined;
  } catch {
    return undefined; // unreadable: the parse job reports it
  }
}
