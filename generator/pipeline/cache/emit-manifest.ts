/**
 * What the last `generate` wrote into an output folder: per file, its key (model files, ../incremental/plan.ts),
 * the hash of its text and its stat when written. An entry is only believed while the file on disk still has
 * that stat, so a hand-edited or deleted output file is written again.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../model/types.js";
import { cacheName, entriesOf, readCache, saveCache, type CacheWarnings } from "./store.js";
import { generatorVersion } from "./version.js";

export interface ManifestEntry {
  key?: string | undefined;
  hash: string;
  size: number;
  mtimeMs: number;
}

/** The result of the run that wrote the output, and the fingerprint of the docs it read (../incremental/previous-run.ts). */
export interface RunRecord {
  inputs: string;
  summary: string;
  fileCount: number;
  docCount: number;
  /** Warnings: a run with errors writes nothing. */
  diagnostics: Diagnostic[];
}

export interface EmitManifest {
  outputKey: string;
  files: Map<string, ManifestEntry>;
  run?: RunRecord | undefined;
}

export interface VerifiedManifest extends EmitManifest {
  /** No entry had to be dropped. */
  intact: boolean;
}

const fileOf = (cacheDir: string, out: string): string => path.join(cacheDir, `${cacheName("emit", out)}.bin`);

/** The manifest of an output folder, keeping only the entries whose file is on disk as it was written. */
export async function loadVerifiedManifest(cacheDir: string, out: string, warnings: CacheWarnings): Promise<VerifiedManifest | undefined> {
  const value = (await readCache(fileOf(cacheDir, out), generatorVersion(), warnings)) as (Omit<Partial<EmitManifest>, "files"> & { files?: unknown }) | undefined;
  if (!value || typeof value.outputKey !== "string" || !Array.isArray(value.files)) return undefined;
  const files = new Map<string, ManifestEntry>();
  for (const [file, entry] of entriesOf<Partial<ManifestEntry>>(value.files)) {
    if (typeof file !== "string" || !isEntry(entry)) continue;
    const now = statSync(path.join(out, file), { throwIfNoEntry: false });
    if (now?.isFile() && now.size === entry.size && now.mtimeMs === entry.mtimeMs) files.set(file, entry);
  }
  return { outputKey: value.outputKey, files, intact: files.size === value.files.length, run: isRun(value.run) ? value.run : undefined };
}

export async function saveManifest(cacheDir: string, out: string, manifest: EmitManifest, warnings: CacheWarnings): Promise<void> {
  await saveCache(fileOf(cacheDir, out), generatorVersion(), { ...manifest, files: [...manifest.files] }, warnings);
}

function isRun(run: Partial<RunRecord> | undefined): run is RunRecord {
  return (
    typeof run === "object" &&
    typeof run.inputs === "string" &&
    typeof run.summary === "string" &&
    typeof run.fileCount === "number" &&
    typeof run.docCount === "number" &&
    Array.isArray(run.diagnostics)
  );
}

function isEntry(entry: Partial<ManifestEntry> | null | undefined): entry is ManifestEntry {
  return (
    typeof entry === "object" &&
    entry !== null &&
    (entry.key === undefined || typeof entry.key === "string") &&
    typeof entry.hash === "string" &&
    typeof entry.size === "number" &&
    typeof entry.mtimeMs === "number"
  );
}
