/**
 * The emitter: model graph in, output files out (path → text). Each model file is described as its imports and its
 * declarations and printed in one go; nothing is manipulated node by node. Files are split by output kind: types
 * (./types), compiled validators (./validators), zod schemas (./zod), the graph snapshot and the validators' runtime
 * (./plain-files.ts); JSON Schema is ./json-schema.
 */
import type { ModelGraph } from "../model/types.js";
import { moduleSpecifier, planLayout, ROOT_EXPORTS, type Layout } from "./layout.js";
import { compareIds } from "../model/type-expr.js";
import { modelFile } from "./model-file.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "./options.js";
import type { EmitResult, OutputFile } from "./output.js";
import { createPrinter, reexportLine } from "./print.js";
import { plainFiles } from "./plain-files.js";
import { RUNTIME } from "./validators/runtime-source.js";

export type { EmitResult, OutputFile } from "./output.js";
export { SCHEMA_FILE } from "./plain-files.js";

export function emitOutput(graph: ModelGraph, options: EmitOptions = DEFAULT_OPTIONS): EmitResult {
  return emitFiles(graph, options, () => true);
}

/**
 * Like emitOutput, printing only the files `include` selects (incremental emission). Given the layout of the whole
 * graph, `graph` may hold only the models of the selected files and those they reference; the barrels and
 * schema.json then need the whole graph.
 */
export function emitFiles(graph: ModelGraph, options: EmitOptions, include: (path: string) => boolean, planned?: Layout): EmitResult {
  const { layout, diagnostics } = planned ? { layout: planned, diagnostics: [] } : planLayout(graph);
  const printer = createPrinter();
  const files: OutputFile[] = [];
  const emit = (path: string, content: () => string): void => {
    if (include(path)) files.push({ path, content: content() });
  };
  for (const model of graph.models) {
    const path = layout.files.get(model.id);
    if (path) emit(path, () => printer.print(path, modelFile(model, path, layout, options)));
  }
  for (const ns of layout.namespaces) {
    const path = `${ns.folder}/index.ts`;
    const exports = () =>
      graph.models
        .filter((model) => model.namespace === ns.name && layout.files.has(model.id))
        .map((model) => `export * from ${JSON.stringify(moduleSpecifier(path, layout.files.get(model.id)!))};`);
    emit(path, () => printer.print(path, { head: exports(), body: [] }));
  }
  const rootExports = layout.namespaces.map((ns) => `export * as ${ns.identifier} from "./${ns.folder}/index.js";`);
  if (options.validators === "compiled") rootExports.push(runtimeExports());
  emit("index.ts", () => printer.print("index.ts", { head: rootExports, body: [] }));
  files.push(...plainFiles(graph, options, include));
  files.sort((a, b) => compareIds(a.path, b.path));
  return { files, diagnostics };
}

/** The root index re-exports the runtime's public names: issue and result types, `ValidationError`. */
function runtimeExports(): string {
  return reexportLine(`./${RUNTIME.file.replace(/\.ts$/, ".js")}`, ROOT_EXPORTS.map((name) => `${RUNTIME.types.has(name) ? "type " : ""}${name}`));
}
