/** TypeScript text helpers shared by every emitter: type expressions, JSDoc, names. */
import type { JSDocStructure, OptionalKind, WriterFunction } from "ts-morph";
import { hasRefs, unreachable } from "../../model/type-expr.js";
import type { Field, ModelId, TypeExpr } from "../../model/types.js";
import type { DatePolicy, NullPolicy } from "../options.js";

/**
 * Globals the generated model files name (types, validators, zod schemas). A model titled like one of them would
 * shadow it: in its own file it is declared as `Title$` and exported as `Title`; other files import it under an alias.
 */
export const OUTPUT_GLOBALS: ReadonlySet<string> = new Set([
  "Array", "AsyncIterable", "Blob", "Date", "Number", "Object", "ReadableStream", "ReadonlySet", "Record", "Set", "Symbol", "Uint8Array",
]);

/** The identifier a model is declared under in its own file: its title, unless that would shadow a global. */
export function identifierOf(model: { name: string }): string {
  return OUTPUT_GLOBALS.has(model.name) ? `${model.name}$` : model.name;
}

/** How a referenced model is spelled in the file being written (imports decide, see ../layout.ts). */
export type RefNamer = (id: ModelId) => string;

/** The binary types the SDKs accept for file content (`File | Blob`, `ReadableStream<Uint8Array>`, bytes). */
const BINARY = "Blob | ReadableStream<Uint8Array> | Uint8Array";
/** An arbitrary-precision decimal as JSON carries it; the SDK's `Decimal` class (decimal.js) is not in the docs. */
const DECIMAL = "number | string";

/** `dates: "iso"` spells `datetime` as `string`: the value is an ISO-8601 string, as in JSON payloads. */
export function typeText(type: TypeExpr, refName: RefNamer, dates: DatePolicy = "instance"): string {
  const text = (inner: TypeExpr): string => typeText(inner, refName, dates);
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "integer":
          return "number";
        case "datetime":
          return dates === "iso" ? "string" : "Date";
        case "date":
          return "string";
        case "bigint":
          return "bigint";
        case "decimal":
          return DECIMAL;
        case "binary":
          return BINARY;
        case "any":
        case "unknown":
          return type.name;
        case "string":
        case "number":
        case "boolean":
          return type.name;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return refName(type.id);
    case "array":
      return `${wrap(type.items, text)}[]`;
    case "map":
      // `Record<…>` as the docs write it; an index signature where a model is involved, because a type alias may
      // recurse through an object type but not through `Record` (`EvaluatorVariableValue = string | { [k]: EvaluatorVariableValue }`).
      return !hasRefs(type.values)
        ? `Record<string, ${text(type.values)}>`
        : `{ [key: string]: ${text(type.values)} }`;
    case "nullable":
      return `${text(type.type)} | null`;
    case "stream":
      return `AsyncIterable<${text(type.type)}>`;
    case "union":
      return type.members.map(text).join(" | ");
  }
}

/** Parenthesises what would otherwise bind wrongly before `[]`. */
function wrap(type: TypeExpr, typeText: (type: TypeExpr) => string): string {
  const text = typeText(type);
  const compound = type.kind === "union" || type.kind === "nullable" || (type.kind === "primitive" && (type.name === "binary" || type.name === "decimal"));
  return compound ? `(${text})` : text;
}

/**
 * A field's type as types and validators both see it: `nullable` where the docs say so, and where the null
 * policy (see ../options.ts) allows null on fields whose nullability the docs leave open.
 */
export function fieldType(field: Field, nulls: NullPolicy): TypeExpr {
  const nullable = field.nullable ?? (nulls === "unstated" || (nulls === "optional" && !field.required));
  return nullable ? { kind: "nullable", type: field.type } : field.type;
}

export interface DocComment {
  description?: string | undefined;
  example?: string | undefined;
  deprecated?: boolean | undefined;
}

/** A JSDoc block, or none when there is nothing to say. `*\/` in doc text would end the comment early. */
export function jsDocs({ description, example, deprecated }: DocComment): OptionalKind<JSDocStructure>[] {
  const tags: { tagName: string; text?: string }[] = [];
  if (example) tags.push({ tagName: "example", text: escapeComment(example) });
  if (deprecated) tags.push({ tagName: "deprecated" });
  if (!description && tags.length === 0) return [];
  return [{ ...(description ? { description: escapeComment(description) } : {}), tags }];
}

function escapeComment(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n");
}

/** A property name as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A PascalCase member name for an enum value (`"tool_calls"` → `ToolCalls`), used as a key of the values object. */
export function enumMemberName(value: string | number): string {
  const words = String(value).match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  if (name === "") return "Empty";
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/**
 * `export const name: type = initializer;` written as is: a variable structure would re-indent a multi-line
 * initializer with a hanging indent.
 */
export function exportConst(name: string, type: string | undefined, initializer: string): WriterFunction {
  return (writer) => {
    writer.write(`export const ${name}${type ? `: ${type}` : ""} = ${initializer};`);
  };
}
