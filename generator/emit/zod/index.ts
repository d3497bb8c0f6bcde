/**
 * `--validators zod`: beside each type `X`, a zod 4 schema `X` of the same name (`X.parse`, `X.safeParse`,
 * `X["~standard"]`). Objects follow the unknown-keys option (`looseObject` / `object` / `strictObject`); enums keep
 * their named values (`FinishReason.Stop`) on the schema.
 */
import { StructureKind, type WriterFunction } from "ts-morph";
import type { EnumModel, Model, ObjectModel, UnionModel } from "../../model/types.js";
import { enumValueEntries, membersObject } from "../types/enum.js";
import { propertiesOf } from "../lib/properties.js";
import { exportConst, exportedAsDeclared, fieldType, identifierOf, literal, propertyName } from "../lib/ts.js";
import { readsModels, zodExpr, type ZodContext } from "./lib.js";

export type { ZodContext } from "./lib.js";

export const ZOD_IMPORT = { kind: StructureKind.ImportDeclaration, namespaceImport: "z", moduleSpecifier: "zod" } as const;

export function zodStatements(model: Model, ctx: ZodContext): WriterFunction[] {
  const { initializer, annotated } = schemaOf(model, ctx);
  const name = identifierOf(model);
  return [exportConst(name, annotated ? `z.ZodType<${name}>` : undefined, initializer, exportedAsDeclared(model))];
}

function schemaOf(model: Model, ctx: ZodContext): { initializer: string; annotated: boolean } {
  switch (model.kind) {
    case "object":
      return { initializer: objectSchema(model, ctx), annotated: true };
    case "enum":
      return { initializer: enumSchema(model), annotated: false };
    case "union":
      return { initializer: unionSchema(model, ctx), annotated: true };
  }
}

const OBJECT_FACTORY = { passthrough: "z.looseObject", strip: "z.object", reject: "z.strictObject" } as const;

function objectSchema(model: ObjectModel, ctx: ZodContext): string {
  const properties = propertiesOf(model).map((field) => {
    const type = fieldType(field, ctx.options.nulls);
    // `exactOptional`: absent, never `undefined`, as `?:` means under exactOptionalPropertyTypes.
    const schema = `${zodExpr(type, ctx)}${field.required ? "" : ".exactOptional()"}`;
    const key = propertyName(field.name);
    // A getter defers reading other models' schemas until zod needs them: cycles and import order do not matter.
    return readsModels(type) ? `  get ${key}() {\n    return ${schema};\n  },` : `  ${key}: ${schema},`;
  });
  const shape = properties.length > 0 ? `{\n${properties.join("\n")}\n}` : "{}";
  return `${OBJECT_FACTORY[ctx.options.unknownKeys]}(${shape})`;
}

function enumSchema(model: EnumModel): string {
  const strings = model.values.every((value) => typeof value === "string");
  // An open enum takes any value of its values' type, as its TypeScript type says (`1 | 2 | (number & {})`).
  const base = strings ? "z.string()" : "z.number()";
  const closed = strings
    ? `z.enum([${model.values.map(literal).join(", ")}])`
    : `z.union([${model.values.map((value) => `z.literal(${literal(value)})`).join(", ")}])`;
  const members = enumValueEntries(model).map(([key, value]) => `${key}: ${literal(value)}`);
  return `Object.assign(${model.open ? base : closed}, ${membersObject(members)} as const)`;
}

function unionSchema(model: UnionModel, ctx: ZodContext): string {
  const union = `z.union([${model.members.map((member) => zodExpr(member.type, ctx)).join(", ")}])`;
  return model.members.some((member) => readsModels(member.type)) ? `z.lazy(() => ${union})` : union;
}
