export declare const CORPORA: string;
/** Unpacks a corpus (once) and returns its `docs/` folder. Throws when the tarball is missing. */
export declare function corpusDocs(name: string): string;
/** Unpacks an SDK source corpus (once) and returns its `src/` folder. Throws when the tarball is missing. */
export declare function corpusSource(name: string): string;
