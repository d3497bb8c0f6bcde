/**
 * One model's file: imports of every model it references (type-only without validators), its type, and its
 * companion validator. A pure function of the model, the models it references directly, the layout and the options.
 */
import { StructureKind } from "ts-morph";
import { compareIds, unreachable } from "../model/type-expr.js";
import type { Model, ModelId } from "../model/types.js";
import { moduleSpecifier, type Layout } from "./layout.js";
import { exportNameOf, fileScope, identifierOf, namespaceIdentifier } from "./lib/names.js";
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
  // Declared under another identifier (a reserved word, or it would shadow a global): exported by its title all the same.
  const title: Statement[] =
    identifierOf(model) === exportNameOf(model) ? [] : [{ kind: StructureKind.ExportDeclaration, namedExports: [{ name: identifierOf(model), alias: exportNameOf(model) }] }];
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
