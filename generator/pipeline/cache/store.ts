/**
 * One cache file: a JSON value behind a checksum and a version (JSON, not v8.serialize: it reads back about twice
 * as fast, and reading the parse cache is most of a run that changed little; maps are stored as arrays of
 * entries, see entriesOf). Reading never trusts what it finds: a missing, truncated, corrupt (checksum mismatch)
 * or stale (other version) file reads as "no cache". Writes are atomic (temp file + rename), so a crash cannot
 * leave a half-written cache that a later run would have to doubt. Deleting the folder is always safe.
 *
 * One policy for every cache: it is an optimisation, so a cache that cannot be read (other than missing) or written
 * is a warning (`warnings`), never a failure of the run.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const MAGIC = Buffer.from("docschema-cache-2\n");
const CHECKSUM_BYTES = 32;

interface Envelope {
  version: string;
  value: unknown;
}

/** Warnings of a run about its caches, one line each. */
export type CacheWarnings = string[];

export async function readCache(file: string, version: string, warnings?: CacheWarnings): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") warnings?.push(`could not read the cache ${file}: ${(error as Error).message}; this run does without it`);
    return undefined;
  }
  const start = MAGIC.length + CHECKSUM_BYTES;
  if (bytes.length < start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(start);
  if (!checksum(payload).equals(bytes.subarray(MAGIC.length, start))) return undefined;
  try {
    const envelope = JSON.parse(payload.toString("latin1")) as Partial<Envelope> | null;
    return envelope?.version === version ? envelope.value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCache(file: string, version: string, value: unknown): Promise<void> {
  const payload = Buffer.from(asciiOnly(JSON.stringify({ version, value } satisfies Envelope)), "latin1");
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(temp, Buffer.concat([MAGIC, checksum(payload), payload]));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes a cache file; a failure becomes a warning in `warnings` (the run goes on: the next one may be slower). */
export async function saveCache(file: string, version: string, value: unknown, warnings: CacheWarnings): Promise<void> {
  try {
    await writeCache(file, version, value);
  } catch (error) {
    warnings.push(`could not write the cache ${file}: ${(error as Error).message}; the output is not affected, the next run may be slower`);
  }
}

/** A short stable name for the cache of one input or output folder (`parse-1a2b…`), without extension. */
export function cacheName(kind: string, folder: string): string {
  return `${kind}-${createHash("sha256").update(path.resolve(folder)).digest("hex").slice(0, 16)}`;
}

function checksum(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}

/** The `[key, value]` pairs of a map stored as an array of entries; anything else in it is skipped. */
export function* entriesOf<Value>(stored: unknown): Generator<[unknown, Value | null | undefined]> {
  if (!Array.isArray(stored)) return;
  for (const item of stored) if (Array.isArray(item) && item.length === 2) yield item as [unknown, Value | null | undefined];
}

/**
 * JSON with every non-ASCII character escaped (`\u00e9`): read back as latin1, it needs no UTF-8 decoding and
 * JSON.parse gets a one-byte string, about a third faster on the parse cache than UTF-8.
 */
function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
