/**
 * The unit of parsing work, the same in a worker thread and in process: read one doc, hash its bytes and parse it,
 * unless the hash is the one the cache already holds. Inputs and results are plain data (structured-clone friendly).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ParsedDoc } from "../model/types.js";
import { parseBytes } from "../parse/bytes.js";
import { reasonOf } from "./errors.js";
import { sha256 } from "./hash.js";

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
  /** The file could not be read: `doc` holds the error. */
  unreadable?: true;
}

export interface ParseBatch {
  /** Absolute input folder, as given to the file system. */
  input: string;
  jobs: ParseJob[];
}

export function runParseJob(input: string, job: ParseJob): ParseJobResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(input, job.file));
  } catch (error) {
    const diagnostic = { severity: "error", code: "unreadable", message: `cannot read the file: ${reasonOf(error)}`, file: job.file, line: 1, column: 1 } as const;
    return { file: job.file, hash: "", doc: { file: job.file, diagnostics: [diagnostic] }, unreadable: true };
  }
  const hash = sha256(bytes);
  if (hash === job.cachedHash) return { file: job.file, hash };
  // No root: links resolve as if the input were the SDK's docs/models folder, whatever it is called here.
  return { file: job.file, hash, doc: parseBytes(job.file, bytes) };
}

export function runParseBatch(batch: ParseBatch): ParseJobResult[] {
  return batch.jobs.map((job) => runParseJob(batch.input, job));
}
