/**
 * Lining up what two doc flavours say about one thing: a type expression walked in parallel with its counterpart,
 * fields matched by name (then position), union members by shape. Pure and small, shared by the pairing of models
 * (which only wants the references met on the way) and by the merge (which wants the merged type and its facts).
 */
import { unreachable } from "../model/type-expr.js";
import type { Field, MergedFact, ModelId, PrimitiveName, TypeExpr } from "../model/types.js";

/**
 * Primitives the other flavour spells otherwise for the same values: Python's `int` or `str` for `BigInt`, `float`
 * for `Decimal`, its `datetime` pages for both dates, `str` for file content. The primary's name is kept.
 */
const SAME_VALUES: Partial<Record<PrimitiveName, readonly PrimitiveName[]>> = {
  integer: ["number"],
  bigint: ["integer", "number", "string"],
  decimal: ["number", "string"],
  date: ["datetime", "string"],
  datetime: ["date"],
  binary: ["string"],
};

/** What the parallel walk meets, for its caller to act on. */
export interface MergeSink {
  /** A reference of the primary type, and the reference at the same place in the merged one. */
  ref(primary: ModelId, merged: ModelId): void;
  /** A literal of the primary type where the merged one references a model (Python's one-value enum docs). */
  literal(value: string | number | boolean, merged: ModelId): void;
  /** A fact the merged type adds. */
  fact(fact: MergedFact): void;
  /** The two types disagree here; the primary one is kept. */
  mismatch(primary: TypeExpr, merged: TypeExpr): void;
}

/**
 * The primary type with what the merged one adds: `nullable` where it says so (`Nullable[…]`, also inside lists
 * and maps) and `integer` where the primary says `number`. Everything else is the primary's: its references, its
 * literals (Python writes them as one-value enum docs), its unions (a Python multipart field names only the object
 * of a TS `File | Blob | X`).
 */
export function mergeType(primary: TypeExpr, merged: TypeExpr, sink: MergeSink): TypeExpr {
  if (merged.kind === "nullable") {
    if (primary.kind === "nullable") return { kind: "nullable", type: mergeType(primary.type, merged.type, sink) };
    sink.fact("nullability");
    return { kind: "nullable", type: mergeType(primary, merged.type, sink) };
  }
  switch (primary.kind) {
    case "nullable":
      return { kind: "nullable", type: mergeType(primary.type, merged, sink) };
    case "primitive":
      if (merged.kind !== "primitive") break;
      if (primary.name === "number" && merged.name === "integer") {
        sink.fact("integer");
        return merged;
      }
      if (primary.name === merged.name || SAME_VALUES[primary.name]?.includes(merged.name)) return primary;
      break;
    case "literal":
      if (merged.kind === "literal" && merged.value === primary.value) return primary;
      if (merged.kind !== "ref") break;
      sink.literal(primary.value, merged.id);
      return primary;
    case "ref":
      if (merged.kind !== "ref") break;
      sink.ref(primary.id, merged.id);
      return primary;
    case "array":
      if (merged.kind !== "array") break;
      return { kind: "array", items: mergeType(primary.items, merged.items, sink) };
    case "map":
      if (merged.kind !== "map") break;
      return { kind: "map", values: mergeType(primary.values, merged.values, sink) };
    case "stream":
      if (merged.kind !== "stream") break;
      return { kind: "stream", type: mergeType(primary.type, merged.type, sink) };
    case "union": {
      const members = merged.kind === "union" ? merged.members : [merged];
      const pairs = alignTypes(primary.members, members);
      if (!pairs) break;
      return { kind: "union", members: primary.members.map((member, i) => (pairs[i] === undefined ? member : mergeType(member, members[pairs[i]]!, sink))) };
    }
    default:
      return unreachable(primary);
  }
  sink.mismatch(primary, merged);
  return primary;
}

/** Whether two types can be merged without a mismatch. */
export function compatible(primary: TypeExpr, merged: TypeExpr): boolean {
  let ok = true;
  mergeType(primary, merged, { ref() {}, literal() {}, fact() {}, mismatch: () => (ok = false) });
  return ok;
}

/**
 * For each primary type, the index of its merged counterpart: in order when the lists line up one to one, else
 * the first compatible one left. Every merged type must find a counterpart (primary ones may go without: the
 * `File | Blob` of a multipart field); undefined when one does not.
 */
export function alignTypes(primary: readonly TypeExpr[], merged: readonly TypeExpr[]): (number | undefined)[] | undefined {
  if (primary.length === merged.length && primary.every((type, i) => compatible(type, merged[i]!))) return primary.map((_, i) => i);
  const used = new Set<number>();
  const pairs = primary.map((type) => {
    const index = merged.findIndex((candidate, j) => !used.has(j) && compatible(type, candidate));
    if (index < 0) return undefined;
    used.add(index);
    return index;
  });
  return used.size === merged.length ? pairs : undefined;
}

/**
 * The key a field name is matched by: case and `_` do not count (camelCase ↔ snake_case, `rouge1` ↔ `rouge_1`,
 * `cacheWrite1h` ↔ `cache_write_1h`, acronyms), nor the `_` Python appends to keywords and builtins (`bytes_`).
 */
export function fieldKey(name: string): string {
  return name.replace(/_+$/, "").replace(/_/g, "").toLowerCase();
}

/**
 * Field pairs `[primary index, merged index]`: by name key first, then by position for the fields left on both
 * sides (field order is the same in both flavours) when their types are compatible.
 */
export function alignFields(primary: readonly Field[], merged: readonly Field[]): [number, number][] {
  const byKey = new Map<string, number>();
  merged.forEach((field, j) => byKey.set(fieldKey(field.name), j));
  const pairs: [number, number][] = [];
  const used = new Set<number>();
  const left: number[] = [];
  primary.forEach((field, i) => {
    const j = byKey.get(fieldKey(field.name));
    if (j === undefined || used.has(j)) left.push(i);
    else {
      pairs.push([i, j]);
      used.add(j);
    }
  });
  for (const i of left) {
    const candidate = merged[i];
    if (candidate && !used.has(i) && compatible(primary[i]!.type, candidate.type)) {
      pairs.push([i, i]);
      used.add(i);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
