/**
 * Model graph → one JSON Schema (draft 2020-12) document with a `$defs` entry per model id, following the same
 * options as the validators (unknown keys, nulls, dates as `date-time` strings). Used to compare against ajv, and
 * for tools that speak JSON Schema. `Date` instances, binary content and streams have no JSON form: they become
 * `date-time` strings and unconstrained values.
 */
import type { Model, ModelGraph, TypeExpr } from "../../model/types.js";
import { unreachable } from "../../model/type-expr.js";
import { propertiesOf } from "../lib/properties.js";
import { fieldType } from "../lib/ts.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../options.js";

export type JsonSchema = { [key: string]: unknown };

export function jsonSchemaOf(graph: ModelGraph, options: EmitOptions = DEFAULT_OPTIONS): JsonSchema {
  const defs = safeRecord<JsonSchema>();
  for (const model of graph.models) defs[model.id] = modelSchema(model, options);
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $defs: defs };
}

/** The JSON Pointer of a model's schema in the document. */
export function jsonSchemaRef(id: string): string {
  return `#/$defs/${id.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** Keys read from docs (field names, model ids) must stay keys: on a plain `{}`, `__proto__` would set the prototype. */
function safeRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function modelSchema(model: Model, options: EmitOptions): JsonSchema {
  const title = { title: model.name, ...(model.description ? { description: model.description } : {}) };
  switch (model.kind) {
    case "object": {
      const properties = safeRecord<JsonSchema>();
      const fields = propertiesOf(model);
      for (const field of fields) properties[field.name] = typeSchema(fieldType(field, options.nulls));
      const required = fields.filter((field) => field.required).map((field) => field.name);
      return { ...title, type: "object", properties, ...(required.length ? { required } : {}), ...(options.unknownKeys === "reject" ? { additionalProperties: false } : {}) };
    }
    case "enum":
      return model.open ? { ...title, type: model.values.some((v) => typeof v === "number") ? "number" : "string" } : { ...title, enum: model.values };
    case "union":
      return { ...title, anyOf: model.members.map((member) => typeSchema(member.type)) };
  }
}

function typeSchema(type: TypeExpr): JsonSchema {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "number":
        case "integer":
        case "boolean":
          return { type: type.name };
        case "datetime":
          return { type: "string", format: "date-time" };
        case "date":
          return { type: "string", format: "date" };
        case "bigint":
          return { anyOf: [{ type: "integer" }, { type: "string", pattern: "^-?[0-9]+$" }] };
        case "decimal":
          return { anyOf: [{ type: "number" }, { type: "string", pattern: "^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$" }] };
        case "any":
        case "unknown":
        case "binary":
          return {};
        default:
          return unreachable(type.name);
      }
    case "literal":
      return { const: type.value };
    case "ref":
      return { $ref: jsonSchemaRef(type.id) };
    case "array":
      return { type: "array", items: typeSchema(type.items) };
    case "map":
      return { type: "object", additionalProperties: typeSchema(type.values) };
    case "nullable":
      return { anyOf: [typeSchema(type.type), { type: "null" }] };
    case "union":
      return { anyOf: type.members.map(typeSchema) };
    case "stream":
      return {};
  }
}
