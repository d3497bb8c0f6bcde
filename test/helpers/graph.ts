/** Small model graphs written by hand, for emitter tests that should not depend on the parser. */
import { compareIds } from "../../generator/model/type-expr.js";
import type { EnumModel, Field, Model, ModelGraph, ObjectModel, PrimitiveName, TypeExpr, UnionModel } from "../../generator/model/types.js";

const at = (id: string) => ({ file: `${id.replace(/\.(?=[^.]*$)/, "/").toLowerCase()}.md`, line: 1, column: 1 });
const split = (id: string) => ({ id, name: id.slice(id.lastIndexOf(".") + 1), namespace: id.slice(0, id.lastIndexOf(".")), source: at(id) });

export const prim = (name: PrimitiveName): TypeExpr => ({ kind: "primitive", name });
export const ref = (id: string): TypeExpr => ({ kind: "ref", id });

export function field(name: string, type: TypeExpr, extra: Partial<Field> = {}): Field {
  return { name, type, required: true, source: { file: "x.md", line: 1, column: 1 }, ...extra };
}

export function object(id: string, fields: Field[], extra: Partial<ObjectModel> = {}): ObjectModel {
  return { kind: "object", ...split(id), fields, ...extra };
}

export function enumModel(id: string, values: (string | number)[], extra: Partial<EnumModel> = {}): EnumModel {
  return { kind: "enum", ...split(id), values, ...extra };
}

export function union(id: string, members: TypeExpr[], extra: Partial<UnionModel> = {}): UnionModel {
  return { kind: "union", ...split(id), members: members.map((type) => ({ type, source: at(id) })), ...extra };
}

export function graphOf(models: Model[], flavour: ModelGraph["flavour"] = "typescript"): ModelGraph {
  return { format: "docschema-graph", version: 1, flavour, models: [...models].sort((a, b) => compareIds(a.id, b.id)) };
}
