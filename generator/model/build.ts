/**
 * Parse fragments in, model graph out: index every model by file and by id, resolve every reference
 * (link target first, then namespace-qualified name) and report what does not resolve. Linear in the
 * size of the doc set: one pass to index, one to resolve.
 */
import type { ParsedDoc } from "../parse/doc.js";
import type { Diagnostic, Flavour, Model, ModelGraph, ModelId, SourceLocation, TypeExpr } from "./types.js";

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

  const resolve = (type: TypeExpr): TypeExpr => {
    switch (type.kind) {
      case "ref": {
        const id = resolveRef(type);
        return { kind: "ref", id: id ?? type.id };
      }
      case "array":
        return { kind: "array", items: resolve(type.items) };
      case "map":
        return { kind: "map", values: resolve(type.values) };
      case "nullable":
      case "stream":
        return { kind: type.kind, type: resolve(type.type) };
      case "union":
        return { kind: "union", members: type.members.map(resolve) };
      default:
        return type;
    }
  };
  const resolveRef = (ref: Extract<TypeExpr, { kind: "ref" }>): ModelId | undefined => {
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
    report("error", "unresolved-ref", `reference to ${ref.id} does not match any model`, at);
    return undefined;
  };

  const models: Model[] = [];
  for (const model of byId.values()) {
    switch (model.kind) {
      case "object":
        models.push({
          ...model,
          fields: model.fields.map((field) => ({ ...field, type: resolve(field.type) })),
          ...(model.additionalProperties ? { additionalProperties: resolve(model.additionalProperties) } : {}),
        });
        break;
      case "union":
        models.push({ ...model, members: model.members.map((member) => ({ ...member, type: resolve(member.type) })) });
        break;
      default:
        models.push(model);
    }
  }
  models.sort((a, b) => compareIds(a.id, b.id));
  diagnostics.sort(compareDiagnostics);
  return { graph: { format: "docschema-graph", version: 1, flavour: majorityFlavour(docs), models }, diagnostics };
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

/** Code-unit order, independent of locale, so output is the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareIds(a.file, b.file) || a.line - b.line || a.column - b.column || compareIds(a.message, b.message);
}
