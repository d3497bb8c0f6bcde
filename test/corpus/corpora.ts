/** The real corpora (../shared/corpora/*.tar.gz, never committed), unpacked once into .cache/corpora; see scripts/lib/corpora.mjs. */
import { CORPORA, corpusDocs as unpack, corpusSource as unpackSource } from "../../scripts/lib/corpora.mjs";

export { CORPORA };

export type CorpusName = "orq-node-4.13.19" | "orq-node-4.13.14" | "orq-python-4.13.19";

/** Unpacks a corpus (once) and returns its `docs/` folder. Throws when the tarball is missing. */
export function corpusDocs(name: CorpusName): string {
  return unpack(name);
}

/** Unpacks the SDK source corpus (once) and returns its `src/` folder: the SDK's own types. Throws when the tarball is missing. */
export function corpusSource(name: "orq-node-src-4.13.19"): string {
  return unpackSource(name);
}
