/**
 * Object companions: a guard that checks field by field with early exits, an issue collector that descends only
 * into fields that fail, and (unknown keys "strip") a copier of documented keys.
 */
import type { FunctionDeclarationStructure } from "ts-morph";
import type { ObjectModel, TypeExpr } from "../../model/types.js";
import { propertiesOf } from "../lib/properties.js";
import { fieldType, identifierOf, literal } from "../lib/ts.js";
import { ISSUES, PATH, VALUE, expectedText, fn, isExpr, needsStrip, not, prop, reportStmt, rt, stripExpr, type CompanionStatements, type ValidatorContext } from "./lib.js";

interface CheckedField {
  key: string;
  type: TypeExpr;
  required: boolean;
}

export function objectValidator(model: ObjectModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  const fields: CheckedField[] = propertiesOf(model).map((field) => ({ key: field.name, type: fieldType(field, ctx.options.nulls), required: field.required }));
  const rejects = ctx.options.unknownKeys === "reject";
  const strips = ctx.options.unknownKeys === "strip";
  const known = `known${name}`;

  const guard: string[] = [`if (!${rt(ctx, "isObject")}(${VALUE})) return false;`];
  const collect: string[] = [`if (!${rt(ctx, "isObject")}(${VALUE})) {\n  ${ISSUES}.push(${rt(ctx, "issue")}(${PATH}, ${JSON.stringify(model.name)}, ${VALUE}));\n  return;\n}`];
  if (fields.length > 0) {
    guard.push("let x: unknown;");
    collect.push("let x: unknown;");
  }
  for (const field of fields) {
    const test = isExpr(field.type, "x", ctx);
    const load = `x = ${prop(VALUE, field.key)};`;
    const at = `${rt(ctx, "at")}(${PATH}, ${JSON.stringify(field.key)})`;
    if (field.required) {
      guard.push(`${load}\nif (x === undefined${test === "true" ? "" : ` || ${not(test)}`}) return false;`);
      const missing = `${ISSUES}.push(${rt(ctx, "missing")}(${PATH}, ${JSON.stringify(field.key)}, ${JSON.stringify(expectedText(field.type, ctx))}));`;
      collect.push(`${load}\nif (x === undefined) ${missing}${test === "true" ? "" : `\nelse if (${not(test)}) ${reportStmt(field.type, "x", at, ctx)}`}`);
    } else if (test !== "true") {
      guard.push(`${load}\nif (x !== undefined && ${not(test)}) return false;`);
      collect.push(`${load}\nif (x !== undefined && ${not(test)}) ${reportStmt(field.type, "x", at, ctx)}`);
    }
  }
  if (rejects) {
    guard.push(`for (const k in ${VALUE}) if (!${known}(k)) return false;`);
    collect.push(`for (const k in ${VALUE}) if (!${known}(k)) ${ISSUES}.push(${rt(ctx, "unknownKey")}(${PATH}, k));`);
  }
  guard.push("return true;");

  const functions: FunctionDeclarationStructure[] = [
    fn(`is${name}`, [[VALUE, "unknown"]], `${VALUE} is ${name}`, guard),
    fn(`collect${name}`, [[VALUE, "unknown"], [PATH, rt(ctx, "Path")], [ISSUES, `${rt(ctx, "Issue")}[]`]], "void", collect),
  ];
  const extras: string[] = [];
  if (strips) {
    functions.push(fn(`strip${name}`, [[VALUE, name]], name, stripBody(fields, ctx)));
    extras.push(`strip: strip${name}`);
  }
  const literals = literalFields(model, ctx);
  if (literals.length > 0) extras.push(`literals: { ${literals.join(", ")} }`);
  if (rejects) functions.push(knownKeys(known, fields));

  const companion = `${rt(ctx, "schema")}<${name}>(${JSON.stringify(model.name)}, is${name}, collect${name}${extras.length ? `, { ${extras.join(", ")} }` : ""})`;
  return { companion, companionType: `${rt(ctx, "Schema")}<${name}>`, functions };
}

function stripBody(fields: CheckedField[], ctx: ValidatorContext): string[] {
  const body = [`const s = ${VALUE} as unknown as Record<string, unknown>;`, "const o: Record<string, unknown> = {};"];
  if (fields.length > 0) body.push("let x: unknown;");
  for (const field of fields) {
    const value = needsStrip(field.type, ctx) ? stripExpr(field.type, "x", ctx) : "x";
    body.push(`x = ${prop("s", field.key)};\nif (x !== undefined) ${prop("o", field.key)} = ${value};`);
  }
  body.push(`return o as unknown as typeof ${VALUE};`);
  return body;
}

/** Required fields that can hold one value only (`type: "function"`, or a one-value closed enum): what unions discriminate on. */
function literalFields(model: ObjectModel, ctx: ValidatorContext): string[] {
  const literals: string[] = [];
  for (const field of model.fields) {
    if (!field.required || field.nullable) continue;
    let value: string | number | boolean | undefined;
    if (field.type.kind === "literal") value = field.type.value;
    else if (field.type.kind === "ref") {
      const target = ctx.ref(field.type.id)?.model;
      if (target?.kind === "enum" && !target.open && target.values.length === 1) value = target.values[0];
    }
    if (value !== undefined) literals.push(`${JSON.stringify(field.name)}: ${literal(value)}`);
  }
  return literals;
}

function knownKeys(name: string, fields: CheckedField[]): FunctionDeclarationStructure {
  const body =
    fields.length === 0
      ? ["return false;"]
      : [`switch (k) {\n${fields.map((field) => `  case ${JSON.stringify(field.key)}:`).join("\n")}\n    return true;\n  default:\n    return false;\n}`];
  return fn(name, [["k", "string"]], "boolean", body);
}
