/**
 * Parse fragments in, model graph out: index every model by file and by id, resolve every reference
 * (link target first, then namespace-qualified name) and report what does not resolve; then flatten unions that
 * contain each other (./union-cycles.ts). Linear in the size of the doc set: one pass to index, one to resolve.
 */
import { compareDiagnostics } from "../model/diagnostics.js";
import { compareIds, mapRefs, unreachable, type RefType } from "../model/type-expr.js";
import type { Diagnostic, Flavour, Model, ModelGraph, ModelId, ParsedDoc, SourceLocation, TypeExpr } from "../model/types.js";
import { withExampleNulls } from "./example-nulls.js";
import { flattenUnionCycles } from "./union-cycles.js";

export interface BuildResult {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
}

export function buildGraph(docs: readonly ParsedDoc[]): BuildResult {
  const diagnostics: Diagnostic[] = docs.flatMap((doc) => doc.diagnostics);
  const report = (severity: Diagnostic["severity"], code: string, message: string, at: SourceLocation): void => {
    diagnostics.push({ severity, code, message, ...at });
  };

  const byId = new Map<ModelId, Model>();
  const byFile = new Map<string, ModelId>();
  const knownFiles = new Set(docs.map((doc) => doc.file));
  for (const doc of docs) {
    const model = doc.model;
    if (!model) continue;
    const clash = byId.get(model.id);
    if (clash) {
      report("error", "duplicate-model", `model ${model.id} is also defined in ${clash.source.file}`, model.source);
      continue;
    }
    byId.set(model.id, model);
    byFile.set(doc.file, model.id);
  }

  // A resolved reference keeps only its id: the link was for resolving. One that resolves to no model is reported
  // and left `unknown`, so that every reference of the graph names a model.
  const resolve = (type: TypeExpr): TypeExpr =>
    mapRefs(type, (ref) => {
      const id = resolveRef(ref);
      return id === undefined ? { kind: "primitive", name: "unknown" } : { kind: "ref", id };
    });
  const resolveRef = (ref: RefType): ModelId | undefined => {
    const at = ref.link?.at ?? { file: "?", line: 1, column: 1 };
    const target = ref.link?.target;
    if (target !== undefined) {
      const id = byFile.get(target);
      if (id === undefined) {
        const why = knownFiles.has(target) ? "a doc that could not be parsed (see its own errors)" : "a file that does not exist";
        report("error", "broken-link", `link to ${ref.id} points at ${target}, ${why}`, at);
        return undefined;
      }
      if (id !== ref.id) report("warning", "link-text-mismatch", `link text says ${ref.id} but its target ${target} defines ${id}; using ${id}`, at);
      return id;
    }
    if (byId.has(ref.id)) return ref.id;
    report("error", "unresolved-ref", `reference to ${ref.id} does not match any model (no doc is titled so; if it names a type, docs/FORMAT.md §3 lists those docschema knows)`, at);
    return undefined;
  };

  const models: Model[] = [];
  for (const model of byId.values()) {
    switch (model.kind) {
      case "object": {
        const resolved = {
          ...model,
          fields: model.fields.map((field) => ({ ...field, type: resolve(field.type) })),
          ...(model.additionalProperties ? { additionalProperties: resolve(model.additionalProperties) } : {}),
        };
        models.push(withExampleNulls(resolved, diagnostics));
        break;
      }
      case "union":
        models.push({ ...model, members: model.members.map((member) => ({ ...member, type: resolve(member.type) })) });
        break;
      case "enum":
        models.push(model);
        break;
      default:
        unreachable(model);
    }
  }
  models.sort((a, b) => compareIds(a.id, b.id));
  const graph: ModelGraph = { format: "docschema-graph", version: 1, flavour: majorityFlavour(docs), models: flattenUnionCycles(models, diagnostics) };
  diagnostics.sort(compareDiagnostics);
  return { graph, diagnostics };
}

function majorityFlavour(docs: readonly ParsedDoc[]): Flavour {
  let python = 0;
  let typescript = 0;
  for (const doc of docs) {
    if (doc.flavour === "python") python++;
    else if (doc.flavour === "typescript") typescript++;
  }
  return python > typescript ? "python" : "typescript";
}
