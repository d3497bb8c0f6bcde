/** TypeScript text helpers shared by every emitter: type expressions, JSDoc, names. */
import { hasRefs, unreachable } from "../../model/type-expr.js";
import type { Field, ModelId, TypeExpr } from "../../model/types.js";
import type { DatePolicy, NullPolicy } from "../options.js";
import { exportNameOf, identifierOf } from "./names.js";

export { identifierOf } from "./names.js";

/** How a referenced model is spelled in the file being written (imports decide, see ../model-file.ts). */
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
        // `unknown`: a value must be narrowed before use (a map of any is the exception, below).
        case "any":
        case "unknown":
          return "unknown";
        case "string":
        case "number":
        case "boolean":
          return type.name;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return literal(type.value);
    case "ref":
      return refName(type.id);
    case "array":
      return `${wrap(type.items, text)}[]`;
    case "map":
      // `Record<…>` as the docs write it; an index signature where a model is involved, because a type alias may
      // recurse through an object type but not through `Record` (`EvaluatorVariableValue = string | { [k]: EvaluatorVariableValue }`).
      // Values of any are `any`: an interface-typed object (without an index signature) is assignable to
      // `Record<string, any>` but not to `Record<string, unknown>` (TS2322), and callers pass such objects.
      return !hasRefs(type.values)
        ? `Record<string, ${type.values.kind === "primitive" && type.values.name === "any" ? "any" : text(type.values)}>`
        : `{ [key: string]: ${text(type.values)} }`;
    case "nullable":
      return `${text(type.type)} | null`;
    case "stream":
      return `AsyncIterable<${text(type.type)}>`;
    case "union":
      return type.members.map(text).join(" | ");
  }
}

/**
 * A value of the docs (an enum value, a literal type) as a literal in generated code: JSON, except for a string
 * ending in a backslash, whose last `\\` is written `\x5c`. ts-morph's code writer takes a quote right after a
 * backslash for an escaped one: it would lose track of the string and "close" comments that are not there.
 */
export function literal(value: string | number | boolean): string {
  return JSON.stringify(value).replace(/\\\\"$/, '\\x5c"');
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

/**
 * A JSDoc block, or none when there is nothing to say. Given to ts-morph as finished text: its own JSDoc printer
 * writes the parts through a code writer that reads `/*`, quotes and backticks in doc text as code and closes the
 * comment early. `*\/` in doc text would end the comment: it is written `*\\/`.
 */
export function jsDocs({ description, example, deprecated }: DocComment): string[] {
  const lines = [
    ...(description ? [description] : []),
    ...(example ? [`@example ${example}`] : []),
    ...(deprecated ? ["@deprecated"] : []),
  ];
  return lines.length === 0 ? [] : [escapeComment(lines.join("\n"))];
}

function escapeComment(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n");
}

/**
 * A property name as written in an interface or an object literal: bare when it is an identifier, quoted
 * otherwise; `__proto__` computed, because `{ __proto__: x }` sets an object literal's prototype instead.
 */
export function propertyName(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * The name of an enum member (`FinishReason.ToolCalls`): the doc's own name when it is a capitalised identifier
 * (`TOOL_CALLS`, `ToolCalls`), otherwise the PascalCase words of that name or of the value (`"tool_calls"` →
 * `ToolCalls`). Capitalised, it never hides a property of the companion it is merged into (`is`, `parse`, `values`).
 */
export function enumMemberName(value: string | number, name?: string): string {
  if (name !== undefined && /^[A-Z][A-Za-z0-9_]*$/.test(name)) return name;
  return pascalCase(name ?? "") ?? pascalCase(String(value)) ?? "Empty";
}

function pascalCase(text: string): string | undefined {
  const words = text.match(/[A-Za-z0-9]+/g);
  if (!words) return undefined;
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/**
 * Whether a model's declarations are exported as declared; otherwise they are declared as `Title$` and the model's
 * file exports them under the title (`export { Date$ as Date }`, see ../model-file.ts).
 */
export function exportedAsDeclared(model: { name: string }): boolean {
  return identifierOf(model) === exportNameOf(model);
}
