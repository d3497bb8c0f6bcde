/**
 * The output files that ts-morph does not print: the folder's marker, the graph snapshot and the validators'
 * runtime. Apart from ./index.ts so that they can be made without loading ts-morph (an incremental run makes them
 * while a worker prints the TypeScript).
 */
import { serializeGraph } from "../model/json.js";
import type { ModelGraph } from "../model/types.js";
import type { EmitOptions } from "./options.js";
import { BANNER, type OutputFile } from "./output.js";
import { RUNTIME_FILE, RUNTIME_SOURCE } from "./validators/runtime-source.js";

export const SCHEMA_FILE = "schema.json";

/**
 * Marks a folder as docschema's output: docschema replaces a folder holding it as a whole, and refuses to write into
 * a non-empty folder without it (../pipeline/output.ts).
 */
export const OUTPUT_MARKER = ".docschema";
const MARKER_TEXT = "This folder is written by docschema: every file in it is replaced or removed on the next run.\n";

export function plainFiles(graph: ModelGraph, options: EmitOptions, include: (path: string) => boolean): OutputFile[] {
  const files: OutputFile[] = [];
  if (include(OUTPUT_MARKER)) files.push({ path: OUTPUT_MARKER, content: MARKER_TEXT });
  if (options.validators === "compiled" && include(RUNTIME_FILE)) files.push({ path: RUNTIME_FILE, content: `${BANNER}\n${RUNTIME_SOURCE}` });
  if (include(SCHEMA_FILE)) files.push({ path: SCHEMA_FILE, content: serializeGraph(graph) });
  return files;
}
