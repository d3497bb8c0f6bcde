/**
 * Type expression → zod 4 schema expression, for `--validators zod`. References are read lazily (getters in object
 * shapes, `z.lazy` elsewhere), so cyclic models and cyclic module imports work.
 */
import { hasRefs, unreachable } from "../../model/type-expr.js";
import type { Model, ModelId, TypeExpr } from "../../model/types.js";
import { literal } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export interface ZodContext {
  options: EmitOptions;
  /** The local name of a directly referenced model; undefined when unresolved. */
  ref(id: ModelId): { local: string; model: Model } | undefined;
}

const BINARY_TEST =
  "(v) => v instanceof Uint8Array || (typeof Blob !== \"undefined\" && v instanceof Blob) || (typeof ReadableStream !== \"undefined\" && v instanceof ReadableStream)";

/** The exact text of a decimal (as the compiled validators' runtime checks it). */
const DECIMAL_TEXT = String.raw`/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/`;

export function zodExpr(type: TypeExpr, ctx: ZodContext): string {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "number":
        case "boolean":
        case "any":
          return `z.${type.name}()`;
        case "integer":
          return "z.number().int()";
        case "bigint":
          return "z.bigint()";
        case "decimal":
          return `z.union([z.number(), z.string().regex(${DECIMAL_TEXT})])`;
        case "date":
          return "z.iso.date()";
        case "unknown":
          return "z.unknown()";
        case "datetime":
          return ctx.options.dates === "iso" ? "z.iso.datetime({ offset: true })" : "z.date()";
        case "binary":
          return `z.custom<Blob | ReadableStream<Uint8Array> | Uint8Array>(${BINARY_TEST})`;
        default:
          return unreachable(type.name);
      }
    case "literal":
      return `z.literal(${literal(type.value)})`;
    case "ref":
      return ctx.ref(type.id)?.local ?? "z.unknown()";
    case "array":
      return `z.array(${zodExpr(type.items, ctx)})`;
    case "map":
      return `z.record(z.string(), ${zodExpr(type.values, ctx)})`;
    case "nullable":
      return `${zodExpr(type.type, ctx)}.nullable()`;
    case "stream":
      return `z.custom<AsyncIterable<unknown>>((v) => typeof v === "object" && v !== null && Symbol.asyncIterator in v)`;
    case "union":
      return `z.union([${type.members.map((member) => zodExpr(member, ctx)).join(", ")}])`;
  }
}

/** Whether the expression reads another model's schema, and must therefore be evaluated lazily. */
export function readsModels(type: TypeExpr): boolean {
  return hasRefs(type);
}
