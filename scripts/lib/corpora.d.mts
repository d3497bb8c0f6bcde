export declare const CORPORA: string;
/** Unpacks a corpus (once) and returns its `docs/` folder. Throws when the tarball is missing. */
export declare function corpusDocs(name: string): string;
