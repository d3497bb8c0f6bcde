/**
 * Object companions: a guard that checks field by field with early exits, an issue collector that descends only
 * into fields that fail, and (unknown keys "strip") a copier of documented keys. A field the value merely inherits is
 * absent: the members of Object.prototype are functions (and its prototype under `__proto__`), which no documented
 * type accepts but `any`, so the guard asks `hasOwn` only for fields of any type, `__proto__`, and optional fields
 * read as `undefined` or failing; the collector asks it for every field.
 */
import type { ObjectModel, TypeExpr } from "../../model/types.js";
import {
  allOf,
  anyOf,
  block,
  call,
  conditional,
  functionDeclaration,
  ifThen,
  line,
  list,
  prefixed,
  sequence,
  statement,
  suffixed,
  type Code,
  type Statement,
} from "../lib/code.js";
import { propertiesOf } from "../lib/properties.js";
import { fieldType, identifierOf, literal, propertyName } from "../lib/ts.js";
import {
  ISSUES,
  PATH,
  VALUE,
  collectorParameters,
  expectedLiteral,
  isExpr,
  needsStrip,
  not,
  pathTo,
  prop,
  reportStatement,
  rt,
  stripExpr,
  uniqueName,
  type CompanionStatements,
  type ValidatorContext,
} from "./lib.js";

interface CheckedField {
  key: string;
  type: TypeExpr;
  required: boolean;
  /** The guard's test of the value `x`; `"true"` when any value will do. */
  test: Code;
}

export function objectValidator(model: ObjectModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  const own = uniqueName(ctx, name, ["is", "collect", "strip"]);
  const fields: CheckedField[] = propertiesOf(model).map((field) => {
    const type = fieldType(field, ctx.options.nulls);
    return { key: field.name, type, required: field.required, test: isExpr(type, "x", ctx) };
  });
  const rejects = ctx.options.unknownKeys === "reject";
  const strips = ctx.options.unknownKeys === "strip";
  const documented = rejects ? uniqueName(ctx, "isDocumentedKey") : "";

  const notPlain = `!${rt(ctx, "isPlainObject")}(${VALUE})`;
  const guard: Statement[] = [line(`if (${notPlain}) return false;`)];
  const collect: Statement[] = [ifThen([{ test: notPlain, then: sequence([issueAt(PATH, JSON.stringify(model.name), VALUE, ctx), line("return;")]) }])];
  if (fields.some((field) => field.test !== "true")) {
    guard.push(line("let x: unknown;"));
    collect.push(line("let x: unknown;"));
  }
  for (const field of fields) {
    const checks = fieldChecks(field, ctx);
    guard.push(...checks.guard);
    collect.push(...checks.collect);
  }
  if (rejects) {
    const checks = undocumentedKeyChecks(documented, ctx);
    guard.push(...checks.guard);
    collect.push(...checks.collect);
  }
  guard.push(line("return true;"));

  const declarations = [
    functionDeclaration(`is${own}`, [`${VALUE}: unknown`], `${VALUE} is ${name}`, guard),
    functionDeclaration(`collect${own}`, collectorParameters(VALUE, ctx), "void", collect),
  ];
  const extras: string[] = [];
  if (strips) {
    declarations.push(functionDeclaration(`strip${own}`, ["value: unknown"], name, stripBody(name, fields, ctx)));
    extras.push(`strip: strip${own}`);
  }
  const literals = literalFields(model, ctx);
  if (literals.length > 0) extras.push(`literals: { ${literals.join(", ")} }`);
  if (rejects) declarations.push(documentedKeys(documented, fields));
  const args: Code[] = [JSON.stringify(model.name), `is${own}`, `collect${own}`];
  if (extras.length > 0) args.push(list("{", extras, "}"));
  return { companion: call(`/* @__PURE__ */ ${rt(ctx, "schema")}`, args), companionType: `${rt(ctx, "Schema")}<${name}>`, declarations };
}

interface Checks {
  guard: Statement[];
  collect: Statement[];
}

/** The guard's and the collector's statements for one field. */
function fieldChecks(field: CheckedField, ctx: ValidatorContext): Checks {
  const key = JSON.stringify(field.key);
  const owns = `${rt(ctx, "hasOwn")}(${VALUE}, ${key})`;
  const read = line(`x = ${prop(VALUE, field.key)};`);
  const report = field.test === "true" ? undefined : reportStatement(field.type, "x", pathTo(key, ctx), ctx);
  if (field.required) {
    const missing = statement(call(`${ISSUES}.push`, [call(rt(ctx, "missing"), [PATH, key, expectedLiteral(field.type, ctx)])]));
    if (field.test === "true") return { guard: [returnFalseIf(`!${owns}`)], collect: [ifThen([{ test: `!${owns}`, then: missing }])] };
    // Reading `__proto__` of a plain object gives its prototype, which a map or object type would accept.
    const inheritable = field.key === "__proto__" ? [`!${owns}`] : [];
    return {
      guard: [read, returnFalseIf(anyOf(["x === undefined", not(field.test), ...inheritable]))],
      collect: [read, ifThen([{ test: `!${owns}`, then: missing }, ...(report ? [{ test: not(field.test), then: report }] : [])])],
    };
  }
  if (field.test === "true") return { guard: [], collect: [] };
  // Absent is fine, `undefined` is not (`?:` under exactOptionalPropertyTypes); an inherited value is absent. Only a
  // value that is `undefined` or fails asks `hasOwn` (the valid path pays one `in` for each absent field).
  const undefinedOrFailing = prefixed("(", suffixed(conditional("x === undefined", `${key} in ${VALUE}`, not(field.test)), ")"));
  return {
    guard: [read, returnFalseIf(allOf([undefinedOrFailing, owns]))],
    collect: report ? [read, ifThen([{ test: allOf([owns, not(field.test)]), then: report }])] : [],
  };
}

/** (unknown keys "reject") The keys the fields do not name, refused. */
function undocumentedKeyChecks(documented: string, ctx: ValidatorContext): Checks {
  const loop = `for (const k in ${VALUE})`;
  const undocumented = allOf([`!${documented}(k)`, `${rt(ctx, "hasOwn")}(${VALUE}, k)`]);
  const report = statement(call(`${ISSUES}.push`, [call(rt(ctx, "unknownKey"), [PATH, "k"])]));
  return { guard: [block(loop, [returnFalseIf(undocumented)])], collect: [block(loop, [ifThen([{ test: undocumented, then: report }])])] };
}

function issueAt(path: string, expected: string, value: string, ctx: ValidatorContext): Statement {
  return statement(call(`${ISSUES}.push`, [call(rt(ctx, "issue"), [path, expected, value])]));
}

function returnFalseIf(test: Code): Statement {
  return ifThen([{ test, then: line("return false;") }]);
}

/** A copy of the documented fields: a plain object, whatever the keys are called. */
function stripBody(name: string, fields: CheckedField[], ctx: ValidatorContext): Statement[] {
  const body: Statement[] = [line(`const ${VALUE} = value as Record<string, unknown>;`), line("const o: Record<string, unknown> = {};")];
  for (const field of fields) {
    const key = JSON.stringify(field.key);
    const value = needsStrip(field.type, ctx) ? stripExpr(field.type, prop(VALUE, field.key), ctx) : prop(VALUE, field.key);
    // Assigning `o["__proto__"]` would set the copy's prototype: that key is defined as a property instead.
    const copy = field.key === "__proto__" ? statement(call(rt(ctx, "setOwn"), ["o", key, value])) : statement(value, `${prop("o", field.key)} = `);
    body.push(field.required ? copy : ifThen([{ test: `${rt(ctx, "hasOwn")}(${VALUE}, ${key})`, then: copy }]));
  }
  body.push(line(`return o as unknown as ${name};`));
  return body;
}

/**
 * Required fields that can hold one value only (`type: "function"`, or a one-value closed enum): what unions
 * discriminate on. Not a nullable one: `null` would pick no member, though the member accepts it.
 */
function literalFields(model: ObjectModel, ctx: ValidatorContext): string[] {
  const literals: string[] = [];
  for (const field of model.fields) {
    if (!field.required || fieldType(field, ctx.options.nulls).kind === "nullable") continue;
    let value: string | number | boolean | undefined;
    if (field.type.kind === "literal") value = field.type.value;
    else if (field.type.kind === "ref") {
      const target = ctx.ref(field.type.id)?.model;
      if (target?.kind === "enum" && !target.open && target.values.length === 1) value = target.values[0];
    }
    if (value !== undefined) literals.push(`${propertyName(field.name)}: ${literal(value)}`);
  }
  return literals;
}

function documentedKeys(name: string, fields: CheckedField[]): string {
  if (fields.length === 0) return functionDeclaration(name, ["k: string"], "boolean", [line("return false;")]);
  const cases = fields.map((field) => line(`case ${JSON.stringify(field.key)}:`));
  const body = block("switch (k)", [...cases, line("  return true;"), line("default:"), line("  return false;")]);
  return functionDeclaration(name, ["k: string"], "boolean", [body]);
}
