/**
 * One cache file: a v8-serialised value behind a checksum and a version. Reading never trusts what it finds: a
 * missing, truncated, corrupt (checksum mismatch) or stale (other version) file reads as "no cache". Writes are
 * atomic (temp file + rename), so a crash cannot leave a half-written cache that a later run would have to doubt.
 * Deleting the folder is always safe.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";

const MAGIC = Buffer.from("docschema-cache-1\n");
const CHECKSUM_BYTES = 32;

interface Envelope {
  version: string;
  value: unknown;
}

export async function readCache(file: string, version: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + CHECKSUM_BYTES;
  if (bytes.length < start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(start);
  if (!checksum(payload).equals(bytes.subarray(MAGIC.length, start))) return undefined;
  try {
    const envelope = v8.deserialize(payload) as Partial<Envelope> | null;
    return envelope?.version === version ? envelope.value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCache(file: string, version: string, value: unknown): Promise<void> {
  const payload = v8.serialize({ version, value } satisfies Envelope);
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

/** A short stable name for the cache of one input or output folder (`parse-1a2b…`), without extension. */
export function cacheName(kind: string, folder: string): string {
  return `${kind}-${createHash("sha256").update(path.resolve(folder)).digest("hex").slice(0, 16)}`;
}

function checksum(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}
