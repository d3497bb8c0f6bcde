/**
 * Model graph vs model graph → what changed, model by model, before any judgement of severity. Models are
 * matched by id; a removed and an added model with the same structure (and no other such pair) are a rename.
 * The Example Usage blocks are not compared: generators rewrite them (timestamps, placeholders) on every release.
 */
import type { EnumModel, Field, Model, ModelGraph, ModelId, ObjectModel, SourceLocation, TypeExpr, UnionModel } from "../model/types.js";
import { compareTypes } from "./type-compat.js";
import { renameRefs, typeText } from "./type-text.js";
import type { RawChange } from "./types.js";

export interface ModelComparison {
  id: ModelId;
  /** The model as it is now, or as it was for a removed model. */
  model: Model;
  status: "added" | "removed" | "renamed" | "changed";
  renamedFrom?: ModelId;
  changes: RawChange[];
}

export interface GraphComparison {
  models: ModelComparison[];
  /** Old id → new id of every rename. */
  renames: Map<ModelId, ModelId>;
}

export function compareGraphs(before: ModelGraph, after: ModelGraph): GraphComparison {
  const oldById = new Map(before.models.map((m) => [m.id, m]));
  const newById = new Map(after.models.map((m) => [m.id, m]));
  const removed = before.models.filter((m) => !newById.has(m.id));
  const added = after.models.filter((m) => !oldById.has(m.id));
  const renames = pairRenames(removed, added);
  const renamedFrom = new Map([...renames].map(([from, to]) => [to, from]));

  const models: ModelComparison[] = [];
  for (const model of after.models) {
    const previousId = oldById.has(model.id) ? model.id : renamedFrom.get(model.id);
    if (previousId === undefined) {
      models.push({ id: model.id, model, status: "added", changes: [{ kind: "model-added", after: model.kind, source: model.source, side: "new" }] });
      continue;
    }
    const changes = compareModels(oldById.get(previousId)!, model, renames);
    if (previousId !== model.id) {
      changes.unshift({ kind: "model-renamed", before: previousId, after: model.id, source: model.source, side: "new" });
      models.push({ id: model.id, model, status: "renamed", renamedFrom: previousId, changes });
    } else if (changes.length > 0) {
      models.push({ id: model.id, model, status: "changed", changes });
    }
  }
  for (const model of removed) {
    if (renames.has(model.id)) continue;
    models.push({ id: model.id, model, status: "removed", changes: [{ kind: "model-removed", before: model.kind, source: model.source, side: "old" }] });
  }
  return { models, renames };
}

/** A removed and an added model with the same structure are a rename, when exactly one of each has it. */
function pairRenames(removed: readonly Model[], added: readonly Model[]): Map<ModelId, ModelId> {
  const candidates = new Map<string, { removed: Model[]; added: Model[] }>();
  const entry = (model: Model) => {
    const key = structureKey(model);
    let found = candidates.get(key);
    if (!found) candidates.set(key, (found = { removed: [], added: [] }));
    return found;
  };
  for (const model of removed) entry(model).removed.push(model);
  for (const model of added) entry(model).added.push(model);
  const renames = new Map<ModelId, ModelId>();
  for (const { removed: [from, ...moreFrom], added: [to, ...moreTo] } of candidates.values()) {
    if (from && to && moreFrom.length === 0 && moreTo.length === 0) renames.set(from.id, to.id);
  }
  return renames;
}

/** Everything that shapes values, nothing that names or documents them. */
function structureKey(model: Model): string {
  switch (model.kind) {
    case "object": {
      const fields = model.fields.map((f) => [f.name, typeText(f.type), f.required, f.nullable ?? null]);
      return JSON.stringify(["object", fields, model.additionalProperties ? typeText(model.additionalProperties) : null]);
    }
    case "enum":
      return JSON.stringify(["enum", model.values, model.open ?? false]);
    case "union":
      return JSON.stringify(["union", model.members.map((m) => typeText(m.type))]);
  }
}

function compareModels(before: Model, after: Model, renames: ReadonlyMap<ModelId, ModelId>): RawChange[] {
  const at = (source: SourceLocation) => ({ source, side: "new" as const });
  const changes: RawChange[] = [];
  if (before.kind !== after.kind) {
    return [{ kind: "kind-changed", before: before.kind, after: after.kind, ...at(after.source) }];
  }
  if (!before.deprecated && after.deprecated) changes.push({ kind: "deprecated", ...at(after.source) });
  if (differ(before.description, after.description)) {
    changes.push({ kind: "description-changed", ...texts(before.description, after.description), ...at(after.source) });
  }
  if (before.kind === "object") changes.push(...compareObjects(before, after as ObjectModel, renames));
  else if (before.kind === "enum") changes.push(...compareEnums(before, after as EnumModel));
  else changes.push(...compareUnions(before, after as UnionModel, renames));
  return changes;
}

function compareObjects(before: ObjectModel, after: ObjectModel, renames: ReadonlyMap<ModelId, ModelId>): RawChange[] {
  const changes: RawChange[] = [];
  if (sameList(before.fields, after.fields, (a, b) => a.name === b.name)) {
    // The usual case, without lookups: the same fields in the same order.
    before.fields.forEach((field, i) => changes.push(...compareFields(field, after.fields[i]!, renames)));
  } else {
    changes.push(...compareFieldSets(before, after, renames));
  }
  const extraBefore = before.additionalProperties && renameRefs(before.additionalProperties, renames);
  const extraAfter = after.additionalProperties;
  const compat =
    extraBefore && extraAfter ? (sameExpr(extraBefore, extraAfter) ? undefined : compareTypes(extraBefore, extraAfter)) : extraBefore ? "narrowing" : extraAfter ? "widening" : undefined;
  if (compat) {
    const text = (type: TypeExpr | undefined) => (type ? `Record<string, ${typeText(type)}>` : "(none)");
    changes.push({ kind: "type-changed", subject: "additionalProperties", before: text(extraBefore), after: text(extraAfter), compat, source: after.source, side: "new" });
  }
  return changes;
}

function compareFieldSets(before: ObjectModel, after: ObjectModel, renames: ReadonlyMap<ModelId, ModelId>): RawChange[] {
  const changes: RawChange[] = [];
  const newFields = new Map(after.fields.map((f) => [f.name, f]));
  const oldFields = new Map(before.fields.map((f) => [f.name, f]));
  for (const field of before.fields) {
    if (!newFields.has(field.name)) {
      changes.push({ kind: "field-removed", subject: field.name, required: field.required, before: typeText(field.type), source: after.source, side: "new" });
    }
  }
  for (const field of after.fields) {
    const old = oldFields.get(field.name);
    if (old) changes.push(...compareFields(old, field, renames));
    else changes.push({ kind: "field-added", subject: field.name, required: field.required, after: typeText(field.type), source: field.source, side: "new" });
  }
  return changes;
}

function compareFields(before: Field, after: Field, renames: ReadonlyMap<ModelId, ModelId>): RawChange[] {
  const base = { subject: after.name, source: after.source, side: "new" as const };
  const changes: RawChange[] = [];
  if (before.required !== after.required) changes.push({ kind: after.required ? "field-required" : "field-optional", ...base });
  if (before.nullable !== undefined && after.nullable !== undefined && before.nullable !== after.nullable) {
    changes.push({ kind: after.nullable ? "field-nullable" : "field-not-nullable", ...base });
  }
  const oldType = renameRefs(before.type, renames);
  const compat = sameExpr(oldType, after.type) ? undefined : compareTypes(oldType, after.type);
  if (compat) changes.push({ kind: "type-changed", ...base, before: typeText(oldType), after: typeText(after.type), compat });
  if (!before.deprecated && after.deprecated) changes.push({ kind: "deprecated", ...base });
  if (differ(before.description, after.description)) {
    changes.push({ kind: "description-changed", ...base, ...texts(before.description, after.description) });
  }
  if (differ(before.example, after.example)) changes.push({ kind: "example-changed", ...base, ...texts(before.example, after.example) });
  return changes;
}

function compareEnums(before: EnumModel, after: EnumModel): RawChange[] {
  const at = { source: after.source, side: "new" as const };
  const changes: RawChange[] = [];
  if (!sameList(before.values, after.values, (a, b) => a === b)) changes.push(...compareValues(before, after));
  if (Boolean(before.open) !== Boolean(after.open)) {
    const text = (open: boolean | undefined) => (open ? "open enum" : "closed enum");
    changes.push({ kind: "type-changed", before: text(before.open), after: text(after.open), compat: after.open ? "widening" : "narrowing", ...at });
  }
  return changes;
}

function compareValues(before: EnumModel, after: EnumModel): RawChange[] {
  const at = { source: after.source, side: "new" as const };
  const oldValues = new Set(before.values);
  const newValues = new Set(after.values);
  const changes: RawChange[] = [
    ...before.values.filter((v) => !newValues.has(v)).map((v): RawChange => ({ kind: "enum-value-removed", subject: JSON.stringify(v), ...at })),
    ...after.values.filter((v) => !oldValues.has(v)).map((v): RawChange => ({ kind: "enum-value-added", subject: JSON.stringify(v), ...at })),
  ];
  return changes;
}

function compareUnions(before: UnionModel, after: UnionModel, renames: ReadonlyMap<ModelId, ModelId>): RawChange[] {
  if (sameList(before.members, after.members, (a, b) => sameExpr(renameRefs(a.type, renames), b.type))) return [];
  const oldMembers = new Set(before.members.map((m) => typeText(renameRefs(m.type, renames))));
  const newMembers = new Map(after.members.map((m) => [typeText(m.type), m]));
  const changes: RawChange[] = [];
  for (const text of oldMembers) {
    if (!newMembers.has(text)) changes.push({ kind: "union-member-removed", subject: text, source: after.source, side: "new" });
  }
  for (const [text, member] of newMembers) {
    if (!oldMembers.has(text)) changes.push({ kind: "union-member-added", subject: text, source: member.source, side: "new" });
  }
  return changes;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/** Whitespace and line-wrapping differences are not changes. */
function differ(a: string | undefined, b: string | undefined): boolean {
  return a !== b && normalized(a) !== normalized(b);
}

function normalized(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Structural equality, the fast path: almost every type is unchanged between two releases. */
function sameExpr(a: TypeExpr, b: TypeExpr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "primitive":
      return a.name === (b as typeof a).name;
    case "literal":
      return a.value === (b as typeof a).value;
    case "ref":
      return a.id === (b as typeof a).id;
    case "array":
      return sameExpr(a.items, (b as typeof a).items);
    case "map":
      return sameExpr(a.values, (b as typeof a).values);
    case "nullable":
    case "stream":
      return sameExpr(a.type, (b as typeof a).type);
    case "union": {
      const other = (b as typeof a).members;
      return a.members.length === other.length && a.members.every((m, i) => sameExpr(m, other[i]!));
    }
  }
}

function texts(before: string | undefined, after: string | undefined): { before?: string; after?: string } {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}
