/**
 * Model graph vs model graph → what changed, model by model, before any judgement of severity. Models are
 * compared with the model that continues them (./match.ts): the same id, a rename, or the model an old one merged
 * into. A field whose type now names another model than the one continuing the old one is judged by the structure
 * it reaches: the two models are compared in place (when alike), or the two types by the values they accept.
 * The Example Usage blocks are not compared: generators rewrite them (timestamps, placeholders) on every release.
 */
import { unreachable } from "../model/type-expr.js";
import type { EnumModel, Field, Model, ModelGraph, ModelId, ObjectModel, SourceLocation, TypeExpr, UnionModel } from "../model/types.js";
import { successorIn, type Matching } from "./match.js";
import { sameType } from "./same-type.js";
import { SIMILAR, similarity, type Models } from "./similarity.js";
import { compareTypes, type Sides } from "./type-compat.js";
import { renameRefs, typeText } from "./type-text.js";
import type { RawChange } from "./types.js";

export interface ModelComparison {
  /** The new id, or the old one for a removed model. */
  id: ModelId;
  /** The model as it is now, or as it was for a removed model. */
  model: Model;
  /** The old model compared (absent for an added model) and the new one (absent for a removed model). */
  oldId?: ModelId;
  newId?: ModelId;
  status: "added" | "removed" | "renamed" | "changed";
  renamedFrom?: ModelId;
  changes: RawChange[];
}

/** Both graphs, the successor of each old model, and the model pairs being compared in place (cycles stop there). */
export interface Across extends Sides {
  inPlace: Set<string>;
}

export function acrossGraphs(before: Models, after: Models, matching: Matching): Across {
  return { old: before, new: after, successor: successorIn(matching), inPlace: new Set() };
}

export function compareGraphs(before: ModelGraph, after: ModelGraph, matching: Matching, across: Across): ModelComparison[] {
  const predecessor = new Map<ModelId, ModelId>();
  for (const [from, to] of matching.pairs) predecessor.set(to, from);
  const models: ModelComparison[] = [];
  for (const model of after.models) {
    const previous = predecessor.get(model.id);
    if (previous === undefined) {
      models.push({ id: model.id, model, newId: model.id, status: "added", changes: [{ kind: "model-added", after: model.kind, source: model.source, side: "new" }] });
      continue;
    }
    const changes = compareModels(across.old.get(previous)!, model, across);
    if (previous !== model.id) models.push(renamed(previous, model, changes));
    else if (changes.length > 0) models.push({ id: model.id, model, oldId: previous, newId: model.id, status: "changed", changes });
  }
  for (const [from, to] of matching.merged) {
    const model = across.new.get(to)!;
    models.push(renamed(from, model, compareModels(across.old.get(from)!, model, across)));
  }
  for (const model of before.models) {
    if (matching.pairs.has(model.id) || matching.merged.has(model.id)) continue;
    models.push({ id: model.id, model, oldId: model.id, status: "removed", changes: [{ kind: "model-removed", before: model.kind, source: model.source, side: "old" }] });
  }
  return models;
}

function renamed(from: ModelId, model: Model, changes: RawChange[]): ModelComparison {
  const rename: RawChange = { kind: "model-renamed", before: from, after: model.id, source: model.source, side: "new" };
  return { id: model.id, model, oldId: from, newId: model.id, status: "renamed", renamedFrom: from, changes: [rename, ...changes] };
}

function compareModels(before: Model, after: Model, across: Across): RawChange[] {
  const at = (source: SourceLocation) => ({ source, side: "new" as const });
  const changes: RawChange[] = [];
  if (before.kind !== after.kind) {
    return [{ kind: "kind-changed", before: before.kind, after: after.kind, ...at(after.source) }];
  }
  if (!before.deprecated && after.deprecated) changes.push({ kind: "deprecated", ...at(after.source) });
  if (differ(before.description, after.description)) {
    changes.push({ kind: "description-changed", ...texts(before.description, after.description), ...at(after.source) });
  }
  if (before.kind === "object") changes.push(...compareObjects(before, after as ObjectModel, across));
  else if (before.kind === "enum") changes.push(...compareEnums(before, after as EnumModel));
  else changes.push(...compareUnions(before, after as UnionModel, across));
  return changes;
}

function compareObjects(before: ObjectModel, after: ObjectModel, across: Across): RawChange[] {
  const changes: RawChange[] = [];
  if (sameList(before.fields, after.fields, (a, b) => a.name === b.name)) {
    // The usual case, without lookups: the same fields in the same order.
    before.fields.forEach((field, i) => changes.push(...compareFields(field, after.fields[i]!, across)));
  } else {
    changes.push(...compareFieldSets(before, after, across));
  }
  const extraBefore = before.additionalProperties;
  const extraAfter = after.additionalProperties;
  const compat =
    extraBefore && extraAfter
      ? sameType(extraBefore, extraAfter, across.successor)
        ? undefined
        : compareTypes(extraBefore, extraAfter, across)
      : extraBefore
        ? "narrowing"
        : extraAfter
          ? "widening"
          : undefined;
  if (compat) {
    const text = (type: TypeExpr | undefined) => (type ? `Record<string, ${typeText(type)}>` : "(none)");
    const oldText = extraBefore && text(renameRefs(extraBefore, across.successor));
    changes.push({ kind: "type-changed", subject: "additionalProperties", before: oldText ?? "(none)", after: text(extraAfter), compat, source: after.source, side: "new" });
  }
  return changes;
}

function compareFieldSets(before: ObjectModel, after: ObjectModel, across: Across): RawChange[] {
  const changes: RawChange[] = [];
  const newFields = new Map(after.fields.map((f) => [f.name, f]));
  const oldFields = new Map(before.fields.map((f) => [f.name, f]));
  for (const field of before.fields) {
    if (!newFields.has(field.name)) {
      const type = typeText(renameRefs(field.type, across.successor));
      changes.push({ kind: "field-removed", subject: field.name, required: field.required, before: type, source: after.source, side: "new" });
    }
  }
  for (const field of after.fields) {
    const old = oldFields.get(field.name);
    if (old) changes.push(...compareFields(old, field, across));
    else changes.push({ kind: "field-added", subject: field.name, required: field.required, after: typeText(field.type), source: field.source, side: "new" });
  }
  return changes;
}

function compareFields(before: Field, after: Field, across: Across): RawChange[] {
  const base = { subject: after.name, source: after.source, side: "new" as const };
  const changes: RawChange[] = [];
  if (before.required !== after.required) changes.push({ kind: after.required ? "field-required" : "field-optional", ...base });
  if (before.nullable !== undefined && after.nullable !== undefined && before.nullable !== after.nullable) {
    changes.push({ kind: after.nullable ? "field-nullable" : "field-not-nullable", ...base });
  }
  changes.push(...typeChanges(before.type, after.type, base, across));
  if (!before.deprecated && after.deprecated) changes.push({ kind: "deprecated", ...base });
  if (differ(before.description, after.description)) {
    changes.push({ kind: "description-changed", ...base, ...texts(before.description, after.description) });
  }
  if (differ(before.example, after.example)) changes.push({ kind: "example-changed", ...base, ...texts(before.example, after.example) });
  return changes;
}

/** Where a type sits: a field (`subject`), or a method's request or response (`via`); one of the two. */
export interface Place {
  subject?: string;
  via?: string;
  source: SourceLocation;
  side: "new" | "old";
}

/**
 * The changes of a type at one place (a field, or a method's request): none when it reaches the
 * same models; the changes of the two models compared in place when it now names another model alike to the old
 * one (through the same arrays and maps); else a type change judged by the values both types accept.
 */
export function typeChanges(before: TypeExpr, after: TypeExpr, base: Place, across: Across): RawChange[] {
  if (sameType(before, after, across.successor)) return [];
  const reached = throughContainers(before, after);
  if (reached?.before.kind === "ref" && reached.after.kind === "ref") {
    const nested = inPlace(reached.before.id, reached.after.id, `${base.subject ?? base.via ?? ""}${reached.steps}`, across);
    if (nested) return nested;
  }
  const compat = compareTypes(before, after, across);
  if (!compat) return [];
  return [{ kind: "type-changed", ...base, before: typeText(renameRefs(before, across.successor)), after: typeText(after), compat }];
}

/** The two types below the container layers they share (`X[]` and `Y[]` → `X`, `Y` through `[]`). */
function throughContainers(before: TypeExpr, after: TypeExpr, steps = ""): { before: TypeExpr; after: TypeExpr; steps: string } | undefined {
  if (before.kind !== after.kind) return undefined;
  switch (before.kind) {
    case "array":
      return throughContainers(before.items, (after as typeof before).items, `${steps}[]`);
    case "map":
      return throughContainers(before.values, (after as typeof before).values, `${steps}{}`);
    case "nullable":
    case "stream":
      return throughContainers(before.type, (after as typeof before).type, steps);
    case "ref":
      return { before, after, steps };
    case "primitive":
    case "literal":
    case "union":
      return undefined;
    default:
      return unreachable(before);
  }
}

/** An old and a new model at the same place, compared as if one continued the other; undefined when not alike. */
function inPlace(from: ModelId, to: ModelId, via: string, across: Across): RawChange[] | undefined {
  const old = across.old.get(from);
  const current = across.new.get(to);
  if (!old || !current || old.kind !== current.kind || similarity(old, across.old, current, across.new) < SIMILAR) return undefined;
  const key = `${from}\u0000${to}`;
  // A cycle back to a pair being compared: its changes are reported where the comparison started.
  if (across.inPlace.has(key)) return [];
  across.inPlace.add(key);
  try {
    return compareModels(old, current, across).map((change) => ({ ...change, via: change.via ? `${via}.${change.via}` : via }));
  } finally {
    across.inPlace.delete(key);
  }
}

function compareEnums(before: EnumModel, after: EnumModel): RawChange[] {
  const changes: RawChange[] = [];
  if (!sameList(before.values, after.values, (a, b) => a === b)) changes.push(...compareValues(before, after));
  if (Boolean(before.open) !== Boolean(after.open)) {
    const text = (open: boolean | undefined) => (open ? "open enum" : "closed enum");
    changes.push({ kind: "type-changed", before: text(before.open), after: text(after.open), compat: after.open ? "widening" : "narrowing", source: after.source, side: "new" });
  }
  return changes;
}

/** An added value is located at its line, a removed one where the values are now. */
function compareValues(before: EnumModel, after: EnumModel): RawChange[] {
  const at = (index: number) => ({ source: { ...after.source, line: after.valueLines?.[index] ?? after.source.line, column: 1 }, side: "new" as const });
  const oldValues = new Set(before.values);
  const newValues = new Set(after.values);
  return [
    ...before.values.filter((v) => !newValues.has(v)).map((v): RawChange => ({ kind: "enum-value-removed", subject: JSON.stringify(v), ...at(0) })),
    ...after.values.flatMap((v, i): RawChange[] => (oldValues.has(v) ? [] : [{ kind: "enum-value-added", subject: JSON.stringify(v), ...(after.open ? { open: true as const } : {}), ...at(i) }])),
  ];
}

/** Members compare by the models continuing theirs; a member of the same structure under another name is the same member. */
function compareUnions(before: UnionModel, after: UnionModel, across: Across): RawChange[] {
  if (sameList(before.members, after.members, (a, b) => sameType(a.type, b.type, across.successor))) return [];
  const oldMembers = new Map(before.members.map((m) => [typeText(renameRefs(m.type, across.successor)), m.type]));
  const newMembers = new Map(after.members.map((m) => [typeText(m.type), m]));
  const removed = [...oldMembers].filter(([text]) => !newMembers.has(text));
  const added = [...newMembers].filter(([text]) => !oldMembers.has(text));
  const changes: RawChange[] = [];
  for (const [text, type] of removed) {
    const same = added.findIndex(([, member]) => compareTypes(type, member.type, across) === undefined);
    if (same >= 0) added.splice(same, 1);
    else changes.push({ kind: "union-member-removed", subject: text, source: after.source, side: "new" });
  }
  for (const [text, member] of added) changes.push({ kind: "union-member-added", subject: text, source: member.source, side: "new" });
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

function texts(before: string | undefined, after: string | undefined): { before?: string; after?: string } {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}
