/**
 * Type expression → validator code, shared by the per-kind emitters. Every type gets three spellings:
 * - `isExpr`: a boolean expression (the fast guard: no allocation, primitive checks inline);
 * - `reportStmt`: statements that record the issues of a value already known to fail `isExpr`;
 * - `stripExpr`: an expression copying a valid value without undocumented keys (unknown keys "strip" only).
 * Arrays, maps and inline unions become small hoisted functions of the file (`is_1`, `collect_1` …), so loops
 * stay loops and recursive types need no closures.
 */
import { StructureKind, type FunctionDeclarationStructure } from "ts-morph";
import { unreachable } from "../../model/type-expr.js";
import type { Model, ModelId, TypeExpr } from "../../model/types.js";
import { literal, typeText } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

/** What an emitter needs to know about the file it writes into. */
export interface ValidatorContext {
  options: EmitOptions;
  /** The local name of a directly referenced model (type and companion), with the model; undefined when unresolved. */
  ref(id: ModelId): { local: string; model: Model } | undefined;
  /** Names the file imports from the runtime. */
  runtime: Set<string>;
  /** Hoisted helper functions of the file, by a key of what they check, in creation order. */
  helpers: Map<string, FunctionDeclarationStructure>;
  /** Module-level caches of the `members_N` helpers. */
  caches: string[];
}

/** What a per-kind emitter gives for a model. */
export interface CompanionStatements {
  /** The expression building the companion `X`. */
  companion: string;
  /** Its declared type, when inference alone would not name it. */
  companionType?: string;
  /** Hoisted functions: guard, collector, strip … */
  functions: FunctionDeclarationStructure[];
  /** Module-level constants the functions use. */
  statements?: string[];
}

export function validatorContext(options: EmitOptions, ref: ValidatorContext["ref"]): ValidatorContext {
  return { options, ref, runtime: new Set(), helpers: new Map(), caches: [] };
}

/** A fresh helper number for the file. */
function nextNumber(ctx: ValidatorContext, prefix: string): number {
  return [...ctx.helpers.keys()].filter((key) => key.startsWith(prefix)).length + 1;
}

export const VALUE = "v";
export const PATH = "path";
export const ISSUES = "issues";

/**
 * A runtime import, recorded for the file's import statement, and its local name `$name`: no model name or
 * generated function starts with `$`, while a model may be called `Schema` (or `Object`, next to `isObject`).
 */
export function rt(ctx: ValidatorContext, name: string): string {
  ctx.runtime.add(name);
  return `$${name}`;
}

/** The type as a reader sees it, for issue messages: `string`, `ChatMessage[]`, `"function"`. */
export function expectedText(type: TypeExpr, ctx: ValidatorContext): string {
  return typeText(type, (id) => ctx.ref(id)?.local ?? "unknown", ctx.options.dates);
}

export function isExpr(type: TypeExpr, x: string, ctx: ValidatorContext): string {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "number":
        case "boolean":
          return `typeof ${x} === "${type.name}"`;
        case "integer":
          return `Number.isInteger(${x})`;
        case "bigint":
          return `typeof ${x} === "bigint"`;
        case "decimal":
          return `${rt(ctx, "isDecimal")}(${x})`;
        case "date":
          return `${rt(ctx, "isIsoDate")}(${x})`;
        case "any":
        case "unknown":
          return "true";
        case "datetime":
          return ctx.options.dates === "iso" ? `${rt(ctx, "isIsoDateTime")}(${x})` : `${rt(ctx, "isDate")}(${x})`;
        case "binary":
          return `${rt(ctx, "isBinary")}(${x})`;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return `${x} === ${literal(type.value)}`;
    case "ref": {
      const target = ctx.ref(type.id);
      return target ? `${target.local}.is(${x})` : "true"; // unresolved: reported by the graph builder
    }
    case "nullable":
      return `(${x} === null || ${isExpr(type.type, x, ctx)})`;
    case "stream":
      return `${rt(ctx, "isAsyncIterable")}(${x})`;
    case "union":
      return `(${type.members.map((member) => isExpr(member, x, ctx)).join(" || ")})`;
    case "array":
    case "map":
      return `${containerHelpers(type, ctx).is}(${x})`;
    default:
      return unreachable(type);
  }
}

/** Statements recording the issues of `x` (at path expression `p`), which fails `isExpr(type, x)`. */
export function reportStmt(type: TypeExpr, x: string, p: string, ctx: ValidatorContext): string {
  switch (type.kind) {
    case "ref": {
      const target = ctx.ref(type.id);
      return target ? `${target.local}.collect(${x}, ${p}, ${ISSUES});` : "";
    }
    case "nullable":
      return reportStmt(type.type, x, p, ctx);
    case "array":
    case "map":
      return `${containerHelpers(type, ctx).collect}(${x}, ${p}, ${ISSUES});`;
    case "union":
      if (type.members.every(isLeaf)) return issueStmt(type, x, p, ctx);
      return `${rt(ctx, "collectUnion")}(${membersHelper(type.members, ctx)}(), ${x}, ${p}, ${ISSUES}, ${JSON.stringify(expectedText(type, ctx))});`;
    case "primitive":
    case "literal":
    case "stream":
      return issueStmt(type, x, p, ctx);
    default:
      return unreachable(type);
  }
}

/** One issue at `p`: the value is not of the type, and nothing below it says more. */
function issueStmt(type: TypeExpr, x: string, p: string, ctx: ValidatorContext): string {
  return `${ISSUES}.push(${rt(ctx, "issue")}(${p}, ${JSON.stringify(expectedText(type, ctx))}, ${x}));`;
}

/** A copy of the valid value `x` without undocumented keys; `x` itself where nothing below can have any. */
export function stripExpr(type: TypeExpr, x: string, ctx: ValidatorContext): string {
  if (!needsStrip(type, ctx)) return x;
  switch (type.kind) {
    case "ref":
      return `${ctx.ref(type.id)!.local}.strip(${x} as never)`;
    case "nullable":
      return `(${x} === null ? null : ${stripExpr(type.type, x, ctx)})`;
    case "array":
      return `(${x} as unknown[]).map((e: unknown) => ${stripExpr(type.items, "e", ctx)})`;
    case "map":
      return `${rt(ctx, "stripMap")}(${x} as Record<string, unknown>, (e: unknown) => ${stripExpr(type.values, "e", ctx)})`;
    case "union":
      return `${rt(ctx, "stripUnion")}(${membersHelper(type.members, ctx)}(), ${x})`;
    case "primitive":
    case "literal":
    case "stream":
      return x;
    default:
      return unreachable(type);
  }
}

/** Whether a valid value of this type can hold undocumented keys to strip (only objects and unions can). */
export function needsStrip(type: TypeExpr, ctx: ValidatorContext): boolean {
  if (ctx.options.unknownKeys !== "strip") return false;
  switch (type.kind) {
    case "ref": {
      const target = ctx.ref(type.id);
      return target !== undefined && target.model.kind !== "enum";
    }
    case "nullable":
      return needsStrip(type.type, ctx);
    case "array":
      return needsStrip(type.items, ctx);
    case "map":
      return needsStrip(type.values, ctx);
    case "union":
      return type.members.some((member) => needsStrip(member, ctx));
    case "primitive":
    case "literal":
    case "stream":
      return false;
    default:
      return unreachable(type);
  }
}

/** A type whose failure is one issue at its own path: nothing below it to report on. */
function isLeaf(type: TypeExpr): boolean {
  return type.kind === "primitive" || type.kind === "literal" || (type.kind === "nullable" && isLeaf(type.type));
}

/** `is_N` / `collect_N` for an array or map type, created once per file. */
function containerHelpers(type: Extract<TypeExpr, { kind: "array" | "map" }>, ctx: ValidatorContext): { is: string; collect: string } {
  const key = JSON.stringify(type);
  const existing = ctx.helpers.get(`is:${key}`);
  if (existing) return { is: existing.name!, collect: ctx.helpers.get(`collect:${key}`)!.name! };
  const n = nextNumber(ctx, "is:");
  const names = { is: `is_${n}`, collect: `collect_${n}` };
  // Reserve the names first: an item type may mention the same container (through a union), and recursion must end.
  ctx.helpers.set(`is:${key}`, { kind: StructureKind.Function, name: names.is });
  ctx.helpers.set(`collect:${key}`, { kind: StructureKind.Function, name: names.collect });
  const inner = type.kind === "array" ? type.items : type.values;
  const expected = JSON.stringify(expectedText(type, ctx));
  const head =
    type.kind === "array"
      ? { test: `Array.isArray(x)`, loop: `for (let i = 0; i < x.length; i++)`, item: "x[i]", key: "i" }
      : { test: `${rt(ctx, "isObject")}(x)`, loop: `for (const k in x)`, item: "x[k]", key: "k" };
  const itemIs = isExpr(inner, "e", ctx);
  const itemReport = reportStmt(inner, "e", `${rt(ctx, "at")}(${PATH}, ${head.key})`, ctx);
  ctx.helpers.set(`is:${key}`, {
    kind: StructureKind.Function,
    name: names.is,
    parameters: [{ name: "x", type: "unknown" }],
    returnType: "boolean",
    statements: [
      `if (!${head.test}) return false;`,
      itemIs === "true" ? "" : `${head.loop} {\n  const e: unknown = ${head.item};\n  if (${not(itemIs)}) return false;\n}`,
      "return true;",
    ].filter(Boolean),
  });
  ctx.helpers.set(`collect:${key}`, {
    kind: StructureKind.Function,
    name: names.collect,
    parameters: [
      { name: "x", type: "unknown" },
      { name: PATH, type: rt(ctx, "Path") },
      { name: ISSUES, type: rt(ctx, "Issue") + "[]" },
    ],
    returnType: "void",
    statements: [
      `if (!${head.test}) {\n  ${ISSUES}.push(${rt(ctx, "issue")}(${PATH}, ${expected}, x));\n  return;\n}`,
      itemIs === "true" ? "" : `${head.loop} {\n  const e: unknown = ${head.item};\n  if (${not(itemIs)}) ${itemReport}\n}`,
    ].filter(Boolean),
  });
  return names;
}

/**
 * `members_N()`: the members of an inline union as runtime `Member`s, built on first call (so that companions of
 * cyclic modules are initialised by then). Companions serve as members as they are.
 */
export function membersHelper(members: TypeExpr[], ctx: ValidatorContext): string {
  const key = `members:${JSON.stringify(members)}`;
  const existing = ctx.helpers.get(key);
  if (existing) return existing.name!;
  const name = `members_${nextNumber(ctx, "members:")}`;
  ctx.helpers.set(key, { kind: StructureKind.Function, name });
  const items = members.map((member) => {
    if (member.kind === "ref") {
      const target = ctx.ref(member.id);
      if (target) return target.local;
    }
    const strip = needsStrip(member, ctx) ? `, strip: (x: unknown) => ${stripExpr(member, "x", ctx)}` : "";
    return (
      `{ name: ${JSON.stringify(expectedText(member, ctx))}, is: (x: unknown) => ${isExpr(member, "x", ctx)}, ` +
      `collect: (x: unknown, ${PATH}: ${rt(ctx, "Path")}, ${ISSUES}: ${rt(ctx, "Issue")}[]) => { if (${not(isExpr(member, "x", ctx))}) ${reportStmt(member, "x", PATH, ctx) || "return;"} }${strip} }`
    );
  });
  const cache = `${name}_cache`;
  ctx.helpers.set(key, {
    kind: StructureKind.Function,
    name,
    returnType: `readonly ${rt(ctx, "Member")}[]`,
    statements: [`return (${cache} ??= [\n  ${items.join(",\n  ")},\n]);`],
  });
  ctx.caches.push(`let ${cache}: readonly ${rt(ctx, "Member")}[] | undefined;`);
  return name;
}

/** The negation of a generated test, without double negatives: `typeof x !== "string"`, `!X.is(x)`. */
export function not(test: string): string {
  const comparison = /^((?:typeof )?[\w$]+) === ("[^"\\]*"|[\w.-]+)$/.exec(test);
  if (comparison) return `${comparison[1]} !== ${comparison[2]}`;
  if (/^[\w$.]+\([\w$]*\)$/.test(test)) return `!${test}`;
  return `!(${test})`;
}

/** `v["name"]`: bracket access works under every tsconfig (noPropertyAccessFromIndexSignature included). */
export function prop(object: string, key: string): string {
  return `${object}[${JSON.stringify(key)}]`;
}

/** A hoisted function declaration of the file. */
export function fn(name: string, parameters: [string, string][], returnType: string, statements: string[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    parameters: parameters.map(([param, type]) => ({ name: param, type })),
    returnType,
    statements,
  };
}
