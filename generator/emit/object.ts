/** Object models become interfaces: one property per field, `?:` when optional, `| null` when the docs say nullable. */
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { ObjectModel } from "../model/types.js";
import { jsDocs, propertyName, typeText, type RefNamer } from "./lib/ts.js";

export function objectType(model: ObjectModel, refName: RefNamer): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: model.name,
    isExported: true,
    docs: jsDocs({ description: model.description, deprecated: model.deprecated }),
    properties: model.fields.map((field) => ({
      name: propertyName(field.name),
      type: typeText(field.nullable ? { kind: "nullable", type: field.type } : field.type, refName),
      hasQuestionToken: !field.required,
      docs: jsDocs(field),
    })),
    // The open-object catch-all: extra keys of any type; `unknown` keeps every declared property compatible.
    ...(model.additionalProperties ? { indexSignatures: [{ keyName: "key", keyType: "string", returnType: "unknown" }] } : {}),
  };
}
