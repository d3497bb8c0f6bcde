/**
 * One model's file: imports of every model it references (type-only without validators), its type, and its
 * companion validator. A pure function of the model, the models it references directly, the layout and the options.
 */
import { StructureKind } from "ts-morph";
import { compareIds, unreachable } from "../model/type-expr.js";
import type { Model, ModelId } from "../model/types.js";
import { moduleSpecifier, type Layout } from "./layout.js";
import { identifierOf, OUTPUT_GLOBALS } from "./lib/ts.js";
import type { EmitOptions } from "./options.js";
import type { Statement } from "./print.js";
import { enumType } from "./types/enum.js";
import { objectType } from "./types/object.js";
import { unionType } from "./types/union.js";
import { validatorStatements } from "./validators/index.js";
import { validatorContext } from "./validators/lib.js";
import { RUNTIME_FILE, RUNTIME_TYPES } from "./validators/runtime-source.js";
import { ZOD_IMPORT, zodStatements } from "./zod/index.js";

export function modelStatements(model: Model, path: string, layout: Layout, options: EmitOptions): Statement[] {
  const imports = new Map<string, Map<string, string>>();
  const refName = (id: ModelId): string => {
    const target = layout.models.get(id);
    const targetPath = layout.files.get(id);
    if (!target || !targetPath) return "unknown"; // unresolved: already reported by the graph builder
    if (id === model.id) return identifierOf(model);
    const plain = target.namespace === model.namespace && !OUTPUT_GLOBALS.has(target.name);
    const local = plain ? target.name : `${target.namespace.replace(/\W/g, "_")}_${target.name}`;
    const specifier = moduleSpecifier(path, targetPath);
    if (!imports.has(specifier)) imports.set(specifier, new Map());
    imports.get(specifier)!.set(target.name, local);
    return local;
  };
  const declarations = declare(model, refName, options);
  const validators: Statement[] = [];
  const runtime = new Set<string>();
  // Validators see the models this one references directly, under their local names; nothing else of the graph.
  const ref = (id: ModelId): { local: string; model: Model } | undefined => {
    const target = layout.models.get(id);
    return target && layout.files.has(id) ? { local: refName(id), model: target } : undefined;
  };
  if (options.validators === "compiled") {
    const ctx = validatorContext(options, ref);
    validators.push(...validatorStatements(model, ctx));
    for (const name of ctx.runtime) runtime.add(name);
  } else if (options.validators === "zod") {
    validators.push(...zodStatements(model, { options, ref }));
  }
  const importStatements = [...imports.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([moduleSpecifier, names]) => ({
      kind: StructureKind.ImportDeclaration as const,
      isTypeOnly: options.validators === "none",
      moduleSpecifier,
      namedImports: [...names.entries()].map(([name, alias]) => (name === alias ? { name } : { name, alias })),
    }));
  if (runtime.size > 0) {
    importStatements.unshift({
      kind: StructureKind.ImportDeclaration as const,
      isTypeOnly: false,
      moduleSpecifier: moduleSpecifier(path, RUNTIME_FILE),
      namedImports: [...runtime].sort().map((name) => ({ name, alias: `$${name}`, isTypeOnly: RUNTIME_TYPES.has(name) })),
    });
  }
  const zod = options.validators === "zod" ? [ZOD_IMPORT] : [];
  // Declared under another identifier (it would shadow a global): exported by its title all the same.
  const title: Statement[] =
    identifierOf(model) === model.name ? [] : [{ kind: StructureKind.ExportDeclaration, namedExports: [{ name: identifierOf(model), alias: model.name }] }];
  return [...zod, ...importStatements, ...declarations, ...validators, ...title];
}

function declare(model: Model, refName: (id: ModelId) => string, options: EmitOptions): Statement[] {
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
