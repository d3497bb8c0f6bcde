/**
 * The whole run, memoised on its inputs: when every doc has the size and mtime it had at the last successful run
 * (the parse cache's own fast path), the generator is the same, and the output folder is exactly what that run
 * wrote, that run's result is this run's result, and nothing is parsed, built or printed. Any difference falls
 * through to the normal (cached, incremental) run.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import type { EmitOptions } from "../../emit/options.js";
import { loadVerifiedManifest, type RunRecord, type VerifiedManifest } from "../cache/emit-manifest.js";
import type { CacheWarnings } from "../cache/store.js";
import { generatorVersion } from "../cache/version.js";
import { listDocs, type DocListing } from "../docs-folder.js";
import { sha256 } from "../hash.js";
import { listOperationDocs, sdksBeside } from "../operations-folder.js";

export interface PreviousRun {
  /** Fingerprint of this run's inputs, to record with its result. */
  inputs: string;
  manifest: VerifiedManifest | undefined;
  /** The docs folder as this run found it, for the run to read. */
  listing: DocListing;
  /** The last run's result, when it is still this run's. */
  unchanged?: RunRecord | undefined;
}

export async function previousRun(input: string, out: string, cacheDir: string, options: EmitOptions, warnings: CacheWarnings): Promise<PreviousRun> {
  const absolute = path.resolve(input);
  const listing = await listDocs(absolute);
  const { files, skipped } = listing;
  // The operation docs beside the models (docs/sdks) are inputs too: schema.json lists their operations.
  const sdks = sdksBeside(absolute);
  const operationDocs = sdks ? (await listOperationDocs(sdks)).map((file) => `../sdks/${file}`) : [];
  const names = [...files, ...operationDocs];
  const stats = [...listing.stats, ...operationDocs.map((file) => statSync(path.join(absolute, file)))];
  const fingerprints = names.map((file, i) => `${file}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}`);
  const inputs = sha256([generatorVersion(), JSON.stringify(options), absolute, ...skipped.map((s) => s.file), "", ...fingerprints].join("\n"));
  const manifest = await loadVerifiedManifest(cacheDir, out, warnings);
  if (!manifest?.intact || manifest.run?.inputs !== inputs) return { inputs, manifest, listing };
  const onDisk = await glob("**/*", { cwd: out, onlyFiles: true, dot: true });
  const exact = onDisk.length === manifest.files.size && onDisk.every((file) => manifest.files.has(file));
  return { inputs, manifest, listing, unchanged: exact ? manifest.run : undefined };
}
