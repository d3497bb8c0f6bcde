/**
 * The unit of parsing work, the same in a worker thread and in process: read one doc, hash its bytes and parse it,
 * unless the hash is the one the cache already holds. Inputs and results are plain data (structured-clone friendly).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../lib/hash.js";
import type { ParsedDoc } from "./doc.js";
import { parseBytes } from "./bytes.js";

export interface ParseJob {
  /** Relative to the input folder, forward slashes. */
  file: string;
  /** Content hash of the cached parse of this file, if any: when the bytes still hash to it, nothing is parsed. */
  cachedHash?: string;
}

export interface ParseJobResult {
  file: string;
  hash: string;
  /** Absent when the bytes match `cachedHash`: the cached parse is still the truth. */
  doc?: ParsedDoc;
}

export interface ParseBatch {
  /** Absolute input folder, as given to the file system. */
  input: string;
  /** Absolute input folder (posix), for links that climb above it. */
  root: string;
  jobs: ParseJob[];
}

export function runParseJob(input: string, root: string, job: ParseJob): ParseJobResult {
  const bytes = readFileSync(path.join(input, job.file));
  const hash = sha256(bytes);
  if (hash === job.cachedHash) return { file: job.file, hash };
  return { file: job.file, hash, doc: parseBytes(job.file, bytes, root) };
}

export function runParseBatch(batch: ParseBatch): ParseJobResult[] {
  return batch.jobs.map((job) => runParseJob(batch.input, batch.root, job));
}
