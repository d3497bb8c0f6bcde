/**
 * The real corpora live outside the project (../shared/corpora/*.tar.gz) and are never committed. They are
 * unpacked once into .cache/corpora. A missing corpus throws: benchmarks and corpus tests must never pass without them.
 * Shared by test/corpus/corpora.ts and the scripts, so both read the same unpacked copy.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const CORPORA = process.env.DOCSCHEMA_CORPORA ?? path.resolve(root, "../shared/corpora");
const cache = path.join(root, ".cache/corpora");

/** Unpacks a corpus (once) and returns its `docs/` folder. Throws when the tarball is missing. */
export function corpusDocs(name) {
  return unpacked(name, "docs");
}

/** Unpacks an SDK source corpus (once) and returns its `src/` folder. Throws when the tarball is missing. */
export function corpusSource(name) {
  return unpacked(name, "src");
}

function unpacked(name, folder) {
  const tarball = path.join(CORPORA, `${name}.tar.gz`);
  const target = path.join(cache, name);
  if (!existsSync(path.join(target, folder))) {
    if (!existsSync(tarball)) {
      throw new Error(`corpus ${tarball} is missing: the corpus tests need ../shared/corpora (or DOCSCHEMA_CORPORA)`);
    }
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", staging]);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  return path.join(target, folder);
}
