/**
 * The generator's version for cache keys: the package version and a hash of the generator's own code, so a cache
 * written by any other build (an upgrade, or a local edit of the parser) is never reused.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const codeRoot = path.resolve(import.meta.dirname, "../..");
let memo: string | undefined;

export function generatorVersion(): string {
  if (memo) return memo;
  const hash = createHash("sha256");
  hash.update(readFileSync(path.resolve(codeRoot, "../package.json")));
  const files = readdirSync(codeRoot, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(js|ts)$/.test(file) && !/\.test\.ts$/.test(file))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(codeRoot, file)));
  return (memo = hash.digest("base64url"));
}
