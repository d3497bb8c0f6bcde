/** Adds one field row at the end of a doc's `## Fields` table; `n` makes each edit distinct from the last. */
export declare function withAddedField(text: string, n: number, python?: boolean): string;
/** Object models of a model graph, the most referenced first, with their doc file and number of referrers. */
export declare function mostReferencedObjects(graph: unknown): { file: string; referrers: number }[];
