/** Content hashes for cache keys, and a stable spread of names over shards. */
import { hash } from "node:crypto";

/** SHA-256 of text or bytes, base64url. (One-shot `hash`: no Hash object per call, which tells on short keys.) */
export function sha256(data: string | Uint8Array): string {
  return hash("sha256", data, "base64url");
}

/** The shard a name belongs to (FNV-1a): stable across runs and machines, even enough over thousands of names. */
export function shardOf(name: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}
