/**
 * The output files that ts-morph does not print: the graph snapshot and the validators' runtime. Apart from
 * ./index.ts so that they can be made without loading ts-morph (an incremental run makes them while a worker
 * prints the TypeScript).
 */
import { serializeGraph } from "../model/json.js";
import type { ModelGraph } from "../model/types.js";
import type { EmitOptions } from "./options.js";
import { BANNER, type OutputFile } from "./output.js";
import { RUNTIME_FILE, RUNTIME_SOURCE } from "./validators/runtime-source.js";

export const SCHEMA_FILE = "schema.json";

export function plainFiles(graph: ModelGraph, options: EmitOptions, include: (path: string) => boolean): OutputFile[] {
  const files: OutputFile[] = [];
  if (options.validators === "compiled" && include(RUNTIME_FILE)) files.push({ path: RUNTIME_FILE, content: `${BANNER}\n${RUNTIME_SOURCE}` });
  if (include(SCHEMA_FILE)) files.push({ path: SCHEMA_FILE, content: serializeGraph(graph) });
  return files;
}
