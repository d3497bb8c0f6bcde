/**
 * The docs' own examples as test cases, and invalid values derived from them (mutations), each with the JSON
 * Pointer of the issue it must produce.
 */
import { extractExample, type ExampleValue } from "../../generator/emit/json-schema/examples.js";
import type { Model, ModelGraph, ModelId, TypeExpr } from "../../generator/model/types.js";

export interface ExampleCase {
  model: Model;
  /** `components.Choices`, or `components.Messages member 2` for a union member's example. */
  label: string;
  value: ExampleValue;
}

/** Every example of the graph that holds a value (`## Example Usage`, union member examples). */
export function exampleCases(graph: ModelGraph): { cases: ExampleCase[]; unsupported: string[] } {
  const cases: ExampleCase[] = [];
  const unsupported: string[] = [];
  const add = (model: Model, label: string, code: string | undefined): void => {
    if (code === undefined) return;
    const extracted = extractExample(code);
    if (extracted.kind === "value") cases.push({ model, label, value: extracted.value });
    else if (extracted.kind === "unsupported") unsupported.push(`${label}: ${extracted.reason}`);
  };
  for (const model of graph.models) {
    add(model, model.id, model.example);
    if (model.kind === "union") model.members.forEach((member, i) => add(model, `${model.id} member ${i + 1}`, member.example));
  }
  return { cases, unsupported };
}

export type MutationKind = "drop-required" | "wrong-primitive" | "enum-out-of-set" | "array-extra-member" | "null-not-allowed";

export interface Mutation {
  kind: MutationKind;
  value: ExampleValue;
  /** The pointer an issue must have. */
  pointer: string;
}

/**
 * Invalid variants of an object example, one per kind where the model allows it, mutating its top-level fields:
 * a dropped required field, a string where a number belongs (or the reverse), an enum value outside the set,
 * an array item of a type no item may have, and null in a field that is not nullable.
 */
export function mutationsOf(example: ExampleCase, models: ReadonlyMap<ModelId, Model>): Mutation[] {
  const { model, value } = example;
  if (model.kind !== "object" || !isPlainObject(value)) return [];
  const mutations: Mutation[] = [];
  const seen = new Set<MutationKind>();
  const add = (kind: MutationKind, field: string, fieldValue: ExampleValue | undefined, pointer = `/${escape(field)}`): void => {
    if (seen.has(kind)) return;
    seen.add(kind);
    const copy: { [key: string]: ExampleValue } = { ...value };
    if (fieldValue === undefined) delete copy[field];
    else copy[field] = fieldValue;
    mutations.push({ kind, value: copy, pointer });
  };
  for (const field of model.fields) {
    const current = value[field.name];
    if (current === undefined) continue;
    const type = field.type;
    if (field.required) add("drop-required", field.name, undefined);
    if (type.kind === "primitive" && (type.name === "string" || type.name === "number" || type.name === "integer" || type.name === "boolean")) {
      add("wrong-primitive", field.name, type.name === "string" ? 12345 : "not a number or boolean");
    }
    const target = type.kind === "ref" ? models.get(type.id) : undefined;
    if (target?.kind === "enum" && !target.open) add("enum-out-of-set", field.name, "__not_in_the_enum__");
    if (type.kind === "array" && Array.isArray(current) && acceptsNoObject(type.items, models)) {
      add("array-extra-member", field.name, [...current, { unexpected: true }], `/${escape(field.name)}/${current.length}`);
    }
    if (!field.nullable && !admitsNull(type, models)) add("null-not-allowed", field.name, null);
  }
  return mutations;
}

/** Whether no value of the type can be an object such as `{ unexpected: true }` (primitives, literals, enums). */
function acceptsNoObject(type: TypeExpr, models: ReadonlyMap<ModelId, Model>): boolean {
  switch (type.kind) {
    case "primitive":
      return type.name !== "any";
    case "literal":
      return true;
    case "ref":
      return models.get(type.id)?.kind === "enum";
    case "nullable":
      return acceptsNoObject(type.type, models);
    case "union":
      return type.members.every((member) => acceptsNoObject(member, models));
    default:
      return false;
  }
}

function admitsNull(type: TypeExpr, models: ReadonlyMap<ModelId, Model>, depth = 0): boolean {
  if (depth > 8) return false; // unions of unions may be cyclic
  switch (type.kind) {
    case "primitive":
      return type.name === "any";
    case "nullable":
      return true;
    case "union":
      return type.members.some((member) => admitsNull(member, models, depth + 1));
    case "ref": {
      const target = models.get(type.id);
      return target?.kind === "union" && target.members.some((member) => admitsNull(member.type, models, depth + 1));
    }
    default:
      return false;
  }
}

function isPlainObject(value: ExampleValue): value is { [key: string]: ExampleValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
