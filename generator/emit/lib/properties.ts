/**
 * The properties of an object model as the SDKs type them, for every emitter (types, compiled validators, zod, JSON
 * Schema), so that they all agree on one shape.
 */
import type { Field, ObjectModel } from "../../model/types.js";

/**
 * The property an SDK collects an open object's undocumented keys into. The catch-all row of the docs
 * (docs/FORMAT.md §3.5) is not an index signature in the SDK's types but this optional property,
 * `additionalProperties?: { [k: string]: T }`: the docs describe the SDK's shape, so the output follows it.
 */
export const CATCH_ALL_PROPERTY = "additionalProperties";

/** A model's properties: its fields, then its catch-all as an optional map property. */
export function propertiesOf(model: ObjectModel): Field[] {
  if (!model.additionalProperties) return model.fields;
  const catchAll: Field = { name: CATCH_ALL_PROPERTY, type: { kind: "map", values: model.additionalProperties }, required: false, source: model.source };
  return [...model.fields, catchAll];
}

/**
 * Whether a property is optional in the TypeScript type (`?:`). A required field of type `any` is optional there, as
 * in the SDKs: `any` admits `undefined`, and an SDK's schema lets such a key be absent. Validators and JSON Schema
 * still require the key, as the docs do; a value they accept always has the type.
 */
export function optionalInType(field: Field): boolean {
  return !field.required || (field.type.kind === "primitive" && field.type.name === "any");
}
