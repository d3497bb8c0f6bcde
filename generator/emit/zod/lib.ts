/**
 * Type expression → zod 4 schema expression, for `--validators zod`. References name the other models' schemas
 * directly: the schemas that hold them are built in `z.lazy` (./index.ts), once every module is loaded. Checks zod
 * does not have (a binary value, a stream) come from the output's checks.ts, imported as `$name`.
 */
import { unreachable } from "../../model/type-expr.js";
import type { Model, ModelId, TypeExpr } from "../../model/types.js";
import { call, list, suffixed, type Code } from "../lib/code.js";
import { literal, typeText } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export interface ZodContext {
  options: EmitOptions;
  /** The local name of a directly referenced model; undefined when unresolved. */
  ref(id: ModelId): { local: string; model: Model } | undefined;
  /** Names the file imports from the checks. */
  runtime: Set<string>;
}

/** A check of the output's checks.ts, recorded for the file's import, under its local name `$name`. */
export function check(ctx: ZodContext, name: string): string {
  ctx.runtime.add(name);
  return `$${name}`;
}

export function zodExpr(type: TypeExpr, ctx: ZodContext): Code {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "number":
        case "boolean":
          return `z.${type.name}()`;
        case "any":
        case "unknown":
          return "z.unknown()";
        // Safe integers, as the compiled validators check.
        case "integer":
          return "z.number().int()";
        case "bigint":
          return "z.bigint()";
        case "decimal":
          return `z.custom<${typeTextOf(type, ctx)}>(${check(ctx, "isDecimal")})`;
        case "date":
          return "z.iso.date()";
        case "datetime":
          return ctx.options.dates === "iso" ? ISO_DATE_TIME : "z.date()";
        case "binary":
          return `z.custom<${typeTextOf(type, ctx)}>(${check(ctx, "isBinary")})`;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return `z.literal(${literal(type.value)})`;
    case "ref":
      return ctx.ref(type.id)?.local ?? "z.unknown()";
    case "array":
      return call("z.array", [zodExpr(type.items, ctx)]);
    case "map":
      // `Record<string, any>` in the types (see typeText): zod's output type must match it.
      return call("z.record", ["z.string()", isAny(type.values) ? "z.any()" : zodExpr(type.values, ctx)]);
    case "nullable":
      return suffixed(zodExpr(type.type, ctx), ".nullable()");
    case "stream":
      return `z.custom<${typeTextOf(type, ctx)}>(${check(ctx, "isAsyncIterable")})`;
    case "union":
      return call("z.union", [list("[", type.members.map((member) => zodExpr(member, ctx)), "]")]);
    default:
      return unreachable(type);
  }
}

/** What the compiled validators' `isIsoDateTime` accepts: a date, or a date-time with or without an offset. */
const ISO_DATE_TIME = "z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })])";

function isAny(type: TypeExpr): boolean {
  return type.kind === "primitive" && type.name === "any";
}

function typeTextOf(type: TypeExpr, ctx: ZodContext): string {
  return typeText(type, (id) => ctx.ref(id)?.local ?? "unknown", ctx.options.dates);
}
