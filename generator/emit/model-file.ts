/**
 * One model's file: imports of every model it references (type-only without validators), its type, and its
 * companion validator. A pure function of the model, the models it references directly, the layout and the options.
 */
import { compareIds, unreachable } from "../model/type-expr.js";
import type { Model, ModelId } from "../model/types.js";
import { moduleSpecifier, type Layout } from "./layout.js";
import { exportNameOf, fileScope, identifierOf, namespaceIdentifier } from "./lib/names.js";
import type { EmitOptions } from "./options.js";
import { importLine, type Declaration, type FileParts } from "./print.js";
import { enumType } from "./types/enum.js";
import { objectType } from "./types/object.js";
import { unionType } from "./types/union.js";
import { validatorStatements } from "./validators/index.js";
import { validatorContext } from "./validators/lib.js";
import { CHECKS, RUNTIME, type EmbeddedModule } from "./validators/runtime-source.js";
import { zodStatements } from "./zod/index.js";

export function modelFile(model: Model, path: string, layout: Layout, options: EmitOptions): FileParts {
  // Module specifier → export name → local name; and each referenced model's local name, claimed once.
  const imports = new Map<string, Map<string, string>>();
  const locals = new Map<ModelId, string>();
  const scope = fileScope(model);
  const refName = (id: ModelId): string => {
    const target = layout.models.get(id);
    const targetPath = layout.files.get(id);
    if (!target || !targetPath) return "unknown"; // unresolved: already reported by the graph builder
    if (id === model.id) return identifierOf(model);
    const known = locals.get(id);
    if (known !== undefined) return known;
    // Its title within its namespace, `namespace_Title` from another one (or where the title is taken or unusable).
    const alias = `${namespaceIdentifier(target.namespace)}_${target.name}`;
    const local = scope.claim(target.namespace === model.namespace ? [target.name, alias] : [alias]);
    locals.set(id, local);
    const specifier = moduleSpecifier(path, targetPath);
    if (!imports.has(specifier)) imports.set(specifier, new Map());
    imports.get(specifier)!.set(exportNameOf(target), local);
    return local;
  };
  // The types name every model the file references: after them, every import is known.
  const declarations = declare(model, refName, options);
  const validators: Declaration[] = [];
  // Validators see the models this one references directly, under their local names; nothing else of the graph.
  const ref = (id: ModelId): { local: string; model: Model } | undefined => {
    const target = layout.models.get(id);
    return target && layout.files.has(id) ? { local: refName(id), model: target } : undefined;
  };
  let runtime: ReadonlySet<string> = new Set();
  if (options.validators !== "none") {
    const taken = [identifierOf(model), ...[...imports.values()].flatMap((names) => [...names.values()])];
    const ctx = validatorContext(options, ref, taken);
    validators.push(...(options.validators === "compiled" ? validatorStatements(model, ctx) : zodStatements(model, ctx)));
    runtime = ctx.runtime;
  }
  const head = [...(options.validators === "zod" ? [`import * as z from "zod";`] : [])];
  for (const module of [CHECKS, RUNTIME]) {
    const names = [...runtime].filter((name) => module.exports.has(name));
    if (names.length > 0) head.push(runtimeImport(module, names, moduleSpecifier(path, module.file)));
  }
  for (const [specifier, names] of [...imports.entries()].sort(([a], [b]) => compareIds(a, b))) {
    const named = [...names.entries()].map(([name, alias]) => (name === alias ? name : `${name} as ${alias}`));
    head.push(importLine(specifier, named, options.validators === "none"));
  }
  // Declared under another identifier (a reserved word, or it would shadow a global): exported by its title all the same.
  const exportName = exportNameOf(model);
  const title = identifierOf(model) === exportName ? [] : [`export { ${identifierOf(model)} as ${exportName} };`];
  return { head, body: [...declarations, ...validators, ...title] };
}

/** `import { type Issue as $Issue, schema as $schema } from "../runtime.js";`: runtime names start with `$`. */
function runtimeImport(module: EmbeddedModule, names: readonly string[], specifier: string): string {
  const named = [...names].sort().map((name) => `${module.types.has(name) ? "type " : ""}${name} as $${name}`);
  return importLine(specifier, named);
}

function declare(model: Model, refName: (id: ModelId) => string, options: EmitOptions): Declaration[] {
  switch (model.kind) {
    case "object":
      return [objectType(model, refName, options)];
    case "enum":
      return enumType(model, options);
    case "union":
      return [unionType(model, refName, options)];
    default:
      return unreachable(model);
  }
}
