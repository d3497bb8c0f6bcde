/** Object models become interfaces: one property per field, `?:` when optional, `| null` when the docs say nullable (or the null policy allows it). */
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { ObjectModel } from "../../model/types.js";
import { fitType } from "../lib/code.js";
import { optionalInType, propertiesOf } from "../lib/properties.js";
import { exportedAsDeclared, fieldType, identifierOf, jsDocs, propertyName, typeText, type RefNamer } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export function objectType(model: ObjectModel, refName: RefNamer, options: EmitOptions): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: identifierOf(model),
    isExported: exportedAsDeclared(model),
    docs: jsDocs({ description: model.description, deprecated: model.deprecated }),
    properties: propertiesOf(model).map((field) => ({
      name: propertyName(field.name),
      type: fitType(`  ${propertyName(field.name)}${optionalInType(field) ? "?" : ""}: `, typeText(fieldType(field, options.nulls), refName, options.dates)),
      hasQuestionToken: optionalInType(field),
      docs: jsDocs(field),
    })),
  };
}
