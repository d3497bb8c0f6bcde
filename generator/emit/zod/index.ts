/**
 * `--validators zod`: beside each type `X`, a zod 4 schema `X` of the same name (`X.parse`, `X.safeParse`,
 * `X["~standard"]`). Objects follow the unknown-keys option (`looseObject` / `object` / `strictObject`) and take plain
 * objects only, reading own properties only, as the compiled validators do; enums keep their named values
 * (`FinishReason.Stop`) on the schema. Objects and unions are built on first use (`z.lazy`): references to other
 * models need no getters whatever the import order, and a bundler drops a schema nothing uses, as its whole
 * initialiser is a pure call of a function.
 */
import type { EnumModel, Model, ObjectModel, UnionModel } from "../../model/types.js";
import { call, exportConst, list, prefixed, suffixed, type Code } from "../lib/code.js";
import { propertiesOf } from "../lib/properties.js";
import { exportedAsDeclared, fieldType, identifierOf, literal, propertyName } from "../lib/ts.js";
import { enumValueEntries, membersObject, openBases } from "../types/enum.js";
import { check, zodExpr, type ZodContext } from "./lib.js";

export type { ZodContext } from "./lib.js";

export function zodStatements(model: Model, ctx: ZodContext): string[] {
  const { schema, annotated } = schemaOf(model, ctx);
  const name = identifierOf(model);
  return [exportConst(name, annotated ? `z.ZodType<${name}>` : undefined, schema, exportedAsDeclared(model))];
}

function schemaOf(model: Model, ctx: ZodContext): { schema: Code; annotated: boolean } {
  switch (model.kind) {
    case "object":
      return { schema: objectSchema(model, ctx), annotated: true };
    case "enum":
      return { schema: enumSchema(model), annotated: false };
    case "union":
      return { schema: unionSchema(model, ctx), annotated: true };
  }
}

const OBJECT_FACTORY = { passthrough: "z.looseObject", strip: "z.object", reject: "z.strictObject" } as const;

/** The members of Object.prototype: zod reads fields as `value[key]`, which finds these on any object. */
const OBJECT_PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__", "constructor",
  "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
]);

function objectSchema(model: ObjectModel, ctx: ZodContext): Code {
  const fields = propertiesOf(model);
  const properties = fields.map((field) => {
    const type = fieldType(field, ctx.options.nulls);
    // `exactOptional`: absent, never `undefined`, as `?:` means under exactOptionalPropertyTypes.
    const schema = field.required ? zodExpr(type, ctx) : suffixed(zodExpr(type, ctx), ".exactOptional()");
    return prefixed(`${propertyName(field.name)}: `, schema);
  });
  const object = call(OBJECT_FACTORY[ctx.options.unknownKeys], [list("{", properties, "}")]);
  // zod's objects take a Date or a Map and read inherited members as fields: the checks hand them plain objects only.
  const readsInherited = fields.some((field) => OBJECT_PROTOTYPE_KEYS.has(field.name));
  const preprocess = check(ctx, readsInherited ? "ownProperties" : "plainObject");
  return lazy(call("z.preprocess", [preprocess, object]));
}

function enumSchema(model: EnumModel): Code {
  const strings = model.values.every((value) => typeof value === "string");
  const open = openBases(model).map((base) => `z.${base}()`);
  const base = open.length === 1 ? open[0]! : call("z.union", [list("[", open, "]")]);
  const closed = strings
    ? call(`${PURE}z.enum`, [list("[", model.values.map(literal), "]")])
    : call(`${PURE}z.union`, [list("[", model.values.map((value) => `z.literal(${literal(value)})`), "]")]);
  const members = enumValueEntries(model).map(([key, value]) => `${key}: ${literal(value)}`);
  return call(`${PURE}Object.assign`, [model.open ? prefixed(PURE, base) : closed, membersObject(members)]);
}

function unionSchema(model: UnionModel, ctx: ZodContext): Code {
  return lazy(call("z.union", [list("[", model.members.map((member) => zodExpr(member.type, ctx)), "]")]));
}

/** Marks a call a bundler may drop when its result is unused (its arguments must have no side effects either). */
const PURE = "/* @__PURE__ */ ";

/** `z.lazy(() => schema)`: made on first use, and droppable as a whole. */
function lazy(schema: Code): Code {
  return call(`${PURE}z.lazy`, [prefixed("() => ", schema)]);
}
