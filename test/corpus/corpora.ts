/**
 * The real corpora live outside the project (../shared/corpora/*.tar.gz) and are never committed. They are
 * unpacked once into .cache/corpora. A missing corpus fails the test run loudly: CI must never pass without them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const CORPORA = process.env.DOCSCHEMA_CORPORA ?? path.resolve(root, "../shared/corpora");
const cache = path.join(root, ".cache/corpora");

export type CorpusName = "orq-node-4.13.19" | "orq-node-4.13.14" | "orq-python-4.13.19";

/** Unpacks a corpus (once) and returns its `docs/` folder. Throws when the tarball is missing. */
export function corpusDocs(name: CorpusName): string {
  const tarball = path.join(CORPORA, `${name}.tar.gz`);
  const target = path.join(cache, name);
  if (!existsSync(path.join(target, "docs"))) {
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
  return path.join(target, "docs");
}
