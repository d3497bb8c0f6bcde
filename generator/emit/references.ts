/** The models a model mentions directly, without loading the emitter (ts-morph) itself. */
import type { Model, ModelId } from "../model/types.js";
import { refsOf } from "./lib/ts.js";

/** Ids referenced by a model, for incremental emission and impact analysis. */
export function referencesOf(model: Model): ModelId[] {
  switch (model.kind) {
    case "object":
      return [...model.fields.flatMap((field) => refsOf(field.type)), ...(model.additionalProperties ? refsOf(model.additionalProperties) : [])];
    case "union":
      return model.members.flatMap((member) => refsOf(member.type));
    default:
      return [];
  }
}
