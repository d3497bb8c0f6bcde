/**
 * How alike two models are, whatever their names: the share of fields (values, members) they have in common, from
 * 0 to 1. It ranks the candidate pairs of the matcher (./match.ts) and decides whether a field that now names
 * another model is compared with it in place (./compare.ts).
 */
import type { Model, ModelId, TypeExpr } from "../model/types.js";
import { sameType } from "./same-type.js";
import { typeText } from "./type-text.js";

/** Below this, two differently named models are different models. */
export const SIMILAR = 0.5;

export type Models = ReadonlyMap<ModelId, Model>;

/** A type without names: references become the kind of model they reach (`@object[]`). */
export function shapeOf(type: TypeExpr, models: Models): string {
  return typeText(type, (id) => `@${models.get(id)?.kind ?? "?"}`);
}

/**
 * The Dice coefficient of the two models' fields by name (a field whose shape or requiredness differs counts
 * half), of their enum values, or of their union members by shape. Models of different kinds share nothing.
 */
export function similarity(a: Model, aModels: Models, b: Model, bModels: Models): number {
  if (a.kind === "object" && b.kind === "object") {
    const fields = new Map(b.fields.map((field) => [field.name, field]));
    let common = 0;
    for (const field of a.fields) {
      const other = fields.get(field.name);
      if (!other) continue;
      // Same references are the same shape: most fields are unchanged, and building their shapes is what costs.
      const sameShape = sameType(field.type, other.type) || shapeOf(other.type, bModels) === shapeOf(field.type, aModels);
      common += other.required === field.required && sameShape ? 1 : 0.5;
    }
    return dice(common, a.fields.length, b.fields.length);
  }
  if (a.kind === "enum" && b.kind === "enum") {
    const values = new Set<string | number>(b.values);
    return dice(a.values.filter((value) => values.has(value)).length, a.values.length, b.values.length);
  }
  if (a.kind === "union" && b.kind === "union") {
    const left = a.members.map((member) => memberShape(member.type, aModels));
    const right = b.members.map((member) => memberShape(member.type, bModels));
    let common = 0;
    for (const shape of left) {
      const at = right.indexOf(shape);
      if (at < 0) continue;
      common++;
      right.splice(at, 1);
    }
    return dice(common, a.members.length, b.members.length);
  }
  return 0;
}

/** A union member's shape names the fields (or values) of the model it is, which tells members apart. */
function memberShape(type: TypeExpr, models: Models): string {
  if (type.kind !== "ref") return shapeOf(type, models);
  const model = models.get(type.id);
  if (model?.kind === "object") return `@object{${model.fields.map((field) => field.name).sort().join(",")}}`;
  if (model?.kind === "enum") return `@enum(${model.values.join("|")})`;
  return shapeOf(type, models);
}

function dice(common: number, left: number, right: number): number {
  return left + right === 0 ? 1 : (2 * common) / (left + right);
}
