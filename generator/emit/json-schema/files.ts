/**
 * The JSON Schema output (`generate --emit json-schema`): the graph as one document with a `$defs` entry per model
 * id (`models.schema.json`), or one document per model at the path of its TypeScript file (`components/choices.schema.json`,
 * its `$id`), referring to the others by relative path. Either way, the folder's marker goes with it.
 */
import type { ModelGraph } from "../../model/types.js";
import { moduleSpecifier, planLayout } from "../layout.js";
import type { EmitOptions } from "../options.js";
import type { EmitResult, OutputFile } from "../output.js";
import { OUTPUT_MARKER, plainFiles } from "../plain-files.js";
import { jsonSchemaOf, jsonSchemaRef, type JsonSchema } from "./index.js";

export const JSON_SCHEMA_BUNDLE = "models.schema.json";
const DIALECT = "https://json-schema.org/draft/2020-12/schema";

export function jsonSchemaFiles(graph: ModelGraph, options: EmitOptions, layout: "bundle" | "per-model"): EmitResult {
  const document = jsonSchemaOf(graph, options);
  const files: OutputFile[] = plainFiles(graph, options, (path) => path === OUTPUT_MARKER);
  if (layout === "bundle") {
    files.push({ path: JSON_SCHEMA_BUNDLE, content: json(document) });
    return { files, diagnostics: [] };
  }
  const planned = planLayout(graph);
  const paths = new Map([...planned.layout.files].map(([id, file]) => [jsonSchemaRef(id), file.replace(/\.ts$/, ".schema.json")]));
  const defs = document["$defs"] as Record<string, JsonSchema>;
  for (const model of graph.models) {
    const file = paths.get(jsonSchemaRef(model.id));
    if (file === undefined) continue;
    const schema = relink(defs[model.id], (ref) => moduleSpecifier(file, paths.get(ref) ?? ref));
    files.push({ path: file, content: json({ $schema: DIALECT, $id: file, ...(schema as JsonSchema) }) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: planned.diagnostics };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A copy of `value` with every `$ref` mapped; objects are built with own keys only (a `__proto__` field stays a key). */
function relink(value: unknown, map: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => relink(item, map));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === "$ref" && typeof item === "string" ? map(item) : relink(item, map)]));
}
