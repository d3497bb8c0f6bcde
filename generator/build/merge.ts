/**
 * `generate --merge`: a second doc set of the same API (the Python docs of a TS SDK) adds what the primary docs do
 * not say: nullability (`Nullable[…]`, `OptionalNullable[…]`) and integers (`int` where TS says `number`). The
 * primary graph stays the graph (its ids, names, references, required flags, descriptions); each model, field and
 * union member with a counterpart records it as `twin` (its name there, where it is, and the facts it gave).
 * Whatever finds no counterpart is reported as a warning at its own doc line: its facts stay unknown.
 */
import { compareDiagnostics } from "../model/diagnostics.js";
import type { Diagnostic, EnumModel, Field, MergedFact, Model, ModelGraph, ObjectModel, SourceLocation, Twin, TypeExpr, UnionModel } from "../model/types.js";
import { pairModels } from "./merge-pairs.js";
import { alignFields, alignTypes, mergeType, type MergeSink } from "./merge-types.js";

export interface MergeOptions {
  /** Prepended to the merged docs' paths in diagnostics, so that they name the file from where the primary docs are. */
  mergedPrefix?: string;
}

export interface MergeResult {
  graph: ModelGraph;
  diagnostics: Diagnostic[];
}

export function mergeGraphs(primary: ModelGraph, merged: ModelGraph, options: MergeOptions = {}): MergeResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, at: SourceLocation): void => {
    diagnostics.push({ severity: "warning", code, message, ...at });
  };
  const there = (at: SourceLocation): SourceLocation => ({ ...at, file: `${options.mergedPrefix ?? ""}${at.file}` });

  const { twins, literals } = pairModels(primary, merged);
  const mergedById = new Map(merged.models.map((model) => [model.id, model]));
  // Each warning sits where its subject is written and names the other side by id.
  const context: ModelMerge = {
    mismatch: (at, what, outcome = "kept what these docs say") => warn("merge-mismatch", `${what}; ${outcome}`, at),
    unmatchedField: (field, twin) => warn("merge-unmatched-field", `field "${field.name}" has no counterpart in ${twin.id}: its nullability and integers stay unknown`, field.source),
    extraField: (field, twin, model) => warn("merge-unused-field", `field "${field.name}" of ${twin.id} matches no field of ${model.id}; what it says is not used`, there(field.source)),
  };

  const models = primary.models.map((model): Model => {
    const twin = mergedById.get(twins.get(model.id) ?? "");
    if (!twin) {
      warn("merge-unmatched-model", `${model.id} has no counterpart in the merged docs: its nullability and integers stay unknown`, model.source);
      return model;
    }
    return mergeModel(model, twin, context);
  });
  const paired = new Set(twins.values());
  for (const model of merged.models) {
    if (paired.has(model.id) || literals.has(model.id)) continue;
    warn("merge-unused-model", `${model.id} matches no model of the primary docs; what it says is not used`, there(model.source));
  }
  diagnostics.sort(compareDiagnostics);
  return { graph: { ...primary, models, merged: { flavour: merged.flavour } }, diagnostics };
}

interface ModelMerge {
  /** What is written at `at` disagrees with its twin (`what` says how, `outcome` which side is taken). */
  mismatch(at: SourceLocation, what: string, outcome?: string): void;
  unmatchedField(field: Field, twin: ObjectModel): void;
  extraField(field: Field, twin: ObjectModel, model: ObjectModel): void;
}

function mergeModel(model: Model, twin: Model, context: ModelMerge): Model {
  const modelTwin: Twin = { name: twin.id, source: twin.source };
  if (model.kind !== twin.kind) {
    context.mismatch(model.source, `${model.id} is ${article(model.kind)} but ${twin.id} is ${article(twin.kind)}`);
    return { ...model, twin: modelTwin };
  }
  switch (model.kind) {
    case "object":
      return mergeObject(model, twin as ObjectModel, modelTwin, context);
    case "union":
      return mergeUnion(model, twin as UnionModel, modelTwin, context);
    case "enum": {
      const values = (twin as EnumModel).values;
      if (values.length !== model.values.length || values.some((value) => !model.values.includes(value))) {
        context.mismatch(model.source, `the values of ${model.id} are not those of ${twin.id}`);
      }
      return { ...model, twin: modelTwin };
    }
  }
}

function mergeObject(model: ObjectModel, twin: ObjectModel, modelTwin: Twin, context: ModelMerge): ObjectModel {
  const fields = [...model.fields];
  const pairs = alignFields(model.fields, twin.fields);
  for (const [i, j] of pairs) fields[i] = mergeField(model.fields[i]!, twin.fields[j]!, twin, context);
  const pairedHere = new Set(pairs.map(([i]) => i));
  const pairedThere = new Set(pairs.map(([, j]) => j));
  model.fields.forEach((field, i) => pairedHere.has(i) || context.unmatchedField(field, twin));
  twin.fields.forEach((field, j) => pairedThere.has(j) || context.extraField(field, twin, model));
  let additionalProperties = model.additionalProperties;
  if (additionalProperties && twin.additionalProperties) {
    additionalProperties = mergeType(additionalProperties, twin.additionalProperties, typeSink([], model.source, twin.id, "the catch-all", context));
  }
  return { ...model, fields, ...(additionalProperties ? { additionalProperties } : {}), twin: modelTwin };
}

function mergeField(field: Field, twin: Field, twinModel: ObjectModel, context: ModelMerge): Field {
  const facts: MergedFact[] = [];
  const type = mergeType(field.type, twin.type, typeSink(facts, field.source, twinModel.id, `field "${field.name}"`, context));
  const { nullableFrom, ...rest } = field;
  let nullable = field.nullable;
  let fromExample = nullableFrom === "example";
  if (twin.nullable !== undefined) {
    // What a Type column states outranks an example.
    if (nullable === undefined || fromExample) {
      if (fromExample && !twin.nullable) {
        context.mismatch(field.source, `the example sets field "${field.name}" to null, but ${twinModel.id} says it is not nullable`, "not nullable, as that Type column says");
      }
      nullable = twin.nullable;
      fromExample = false;
      facts.push("nullability");
    } else if (nullable !== twin.nullable) {
      context.mismatch(field.source, `field "${field.name}" is ${nullable ? "" : "not "}nullable here but ${twin.nullable ? "" : "not "}nullable in ${twinModel.id}`);
    }
  }
  const unique = [...new Set(facts)];
  return {
    ...rest,
    type,
    ...(nullable !== undefined ? { nullable } : {}),
    ...(fromExample ? { nullableFrom: "example" as const } : {}),
    twin: { name: twin.name, source: twin.source, ...(unique.length ? { facts: unique } : {}) },
  };
}

function mergeUnion(model: UnionModel, twin: UnionModel, modelTwin: Twin, context: ModelMerge): UnionModel {
  const theirs = twin.members.map((member) => member.type);
  const pairs = alignTypes(model.members.map((member) => member.type), theirs);
  if (!pairs) {
    context.mismatch(model.source, `the members of ${model.id} do not line up with those of ${twin.id}`);
    return { ...model, twin: modelTwin };
  }
  const members = model.members.map((member, i) => {
    const j = pairs[i];
    if (j === undefined) return member;
    const facts: MergedFact[] = [];
    const type = mergeType(member.type, theirs[j]!, typeSink(facts, member.source, twin.id, `member ${i + 1}`, context));
    const unique = [...new Set(facts)];
    return { ...member, type, twin: { source: twin.members[j]!.source, ...(unique.length ? { facts: unique } : {}) } };
  });
  return { ...model, members, twin: modelTwin };
}

/** Collects the facts of a type merge into `facts` and reports its mismatches. */
function typeSink(facts: MergedFact[], at: SourceLocation, twin: string, what: string, context: ModelMerge): MergeSink {
  return {
    ref() {},
    literal() {},
    fact: (fact) => facts.push(fact),
    mismatch: (primary, merged) => context.mismatch(at, `${what} is ${describeType(primary)} here but ${describeType(merged)} in ${twin}`),
  };
}

/** A type in a word or two, for messages: its primitive, the model it references, or its kind. */
function describeType(type: TypeExpr): string {
  if (type.kind === "nullable") return `nullable ${describeType(type.type)}`;
  return type.kind === "primitive" ? type.name : type.kind === "ref" ? type.id : article(type.kind);
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
