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
  const resolver = createResolver(docs);
  const diagnostics: Diagnostic[] = [...docs.flatMap((doc) => doc.diagnostics), ...resolver.diagnostics];
  const models: Model[] = [];
  for (const model of resolver.models()) {
    const resolved = resolver.resolve(model);
    models.push(resolved.model);
    diagnostics.push(...resolved.diagnostics);
  }
  models.sort((a, b) => compareIds(a.id, b.id));
  const graph: ModelGraph = { format: "docschema-graph", version: 1, flavour: majorityFlavour(docs), models: flattenUnionCycles(models, diagnostics) };
  diagnostics.sort(compareDiagnostics);
  return { graph, diagnostics };
}

/**
 * The index of a doc set (every model by file and by id) and the resolution of one model's references against it.
 * A model's resolution depends on the index alone, so after an edit that keeps every doc's model id (watch mode),
 * only the edited docs' models need resolving again.
 */
export interface Resolver {
  /** The models of the doc set, in doc order, without duplicates: the ones `resolve` is for. */
  models(): Iterable<Model>;
  /** Duplicate models: diagnostics of the index itself. */
  diagnostics: Diagnostic[];
  /** The model with its references resolved (a resolved reference keeps only its id), and what did not resolve. */
  resolve(model: Model): { model: Model; diagnostics: Diagnostic[] };
}

export function createResolver(docs: readonly ParsedDoc[]): Resolver {
  const indexDiagnostics: Diagnostic[] = [];
  const byId = new Map<ModelId, Model>();
  const byFile = new Map<string, ModelId>();
  const knownFiles = new Set(docs.map((doc) => doc.file));
  for (const doc of docs) {
    const model = doc.model;
    if (!model) continue;
    const clash = byId.get(model.id);
    if (clash) {
      indexDiagnostics.push({ severity: "error", code: "duplicate-model", message: `model ${model.id} is also defined in ${clash.source.file}`, ...model.source });
      continue;
    }
    byId.set(model.id, model);
    byFile.set(doc.file, model.id);
  }

  const resolve = (model: Model): { model: Model; diagnostics: Diagnostic[] } => {
    const diagnostics: Diagnostic[] = [];
    const report = (severity: Diagnostic["severity"], code: string, message: string, at: SourceLocation): void => {
      diagnostics.push({ severity, code, message, ...at });
    };
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
    // A resolved reference keeps only its id: the link was for resolving. One that resolves to no model is reported
    // and left `unknown`, so that every reference of the graph names a model.
    const type = (expr: TypeExpr): TypeExpr =>
      mapRefs(expr, (ref) => {
        const id = resolveRef(ref);
        return id === undefined ? { kind: "primitive", name: "unknown" } : { kind: "ref", id };
      });
    switch (model.kind) {
      case "object":
        return {
          model: withExampleNulls(
            {
              ...model,
              fields: model.fields.map((field) => ({ ...field, type: type(field.type) })),
              ...(model.additionalProperties ? { additionalProperties: type(model.additionalProperties) } : {}),
            },
            diagnostics,
          ),
          diagnostics,
        };
      case "union":
        return { model: { ...model, members: model.members.map((member) => ({ ...member, type: type(member.type) })) }, diagnostics };
      case "enum":
        return { model, diagnostics };
      default:
        return unreachable(model);
    }
  };
  return { models: () => byId.values(), diagnostics: indexDiagnostics, resolve };
}

export function majorityFlavour(docs: readonly ParsedDoc[]): Flavour {
  let python = 0;
  let typescript = 0;
  for (const doc of docs) {
    if (doc.flavour === "python") python++;
    else if (doc.flavour === "typescript") typescript++;
  }
  return python > typescript ? "python" : "typescript";
}
