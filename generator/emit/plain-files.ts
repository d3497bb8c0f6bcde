/**
 * The output files that ts-morph does not print: the folder's marker, the graph snapshot and the validators'
 * runtime (./validators/runtime.ts and ./validators/checks.ts, as they are). Apart from ./index.ts so that they can
 * be made without loading ts-morph (an incremental run makes them while a worker prints the TypeScript).
 */
import { serializeGraph } from "../model/json.js";
import type { ModelGraph } from "../model/types.js";
import type { EmitOptions } from "./options.js";
import { BANNER, type OutputFile } from "./output.js";
import { CHECKS, RUNTIME, type EmbeddedModule } from "./validators/runtime-source.js";

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
  // Compiled validators use the runtime, which uses the checks; zod schemas use the checks alone.
  const modules: EmbeddedModule[] = options.validators === "compiled" ? [RUNTIME, CHECKS] : options.validators === "zod" ? [CHECKS] : [];
  for (const module of modules) if (include(module.file)) files.push({ path: module.file, content: `${BANNER}\n${module.source}` });
  if (include(SCHEMA_FILE)) files.push({ path: SCHEMA_FILE, content: serializeGraph(graph) });
  return files;
}
