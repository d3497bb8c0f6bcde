/**
 * Operations are part of the schema. Old and new operations pair by operationID (then, for operations without
 * one, by HTTP method and path); a pair's roots in the same role (request, response, errors) seed the model
 * matcher, and the pair itself may have changed: renamed or moved as users call it, deprecated, its request or
 * response now another model, its errors others.
 */
import { compareIds } from "../model/type-expr.js";
import type { ModelId, Operation } from "../model/types.js";
import type { Directed } from "./classify.js";
import { typeChanges, type Across, type Place } from "./compare.js";
import { renameRefs, typeText } from "./type-text.js";
import type { Direction, RawChange } from "./types.js";

export interface OperationPair {
  id: string;
  old?: Operation;
  new?: Operation;
}

export function pairOperations(before: readonly Operation[], after: readonly Operation[]): OperationPair[] {
  const byId = new Map(after.map((op) => [op.id, op]));
  const route = (op: Operation) => (op.method && op.path ? `${op.method} ${op.path}` : undefined);
  const pairs: OperationPair[] = [];
  const paired = new Set<Operation>();
  const pair = (old: Operation, current: Operation | undefined): boolean => {
    if (!current || paired.has(current)) return false;
    pairs.push({ id: current.id, old, new: current });
    paired.add(current);
    return true;
  };
  const unpaired = before.filter((op) => !pair(op, byId.get(op.id)));
  const byRoute = new Map(after.filter((op) => !paired.has(op) && route(op)).map((op) => [route(op)!, op]));
  for (const op of unpaired) {
    const key = route(op);
    if (!pair(op, key === undefined ? undefined : byRoute.get(key))) pairs.push({ id: op.id, old: op });
  }
  for (const op of after) if (!paired.has(op)) pairs.push({ id: op.id, new: op });
  return pairs.sort((a, b) => compareIds(a.id, b.id));
}

/** How users call the method: each level of the group in lower camel case, then the method (`router.chat.completions.create()`). */
export function callOf(op: Operation): string {
  const group = op.group
    .replace(/^~~|~~$/g, "")
    .split(".")
    .map((level) => level.charAt(0).toLowerCase() + level.slice(1));
  return `${[...group, op.name].join(".")}()`;
}

type Role = "request" | "response" | "errors";

/** An operation's models by role; error models are read, like the response. */
export function rolesOf(op: Operation): Record<Role, ModelId[]> {
  const errors = op.errors ?? [];
  return { request: op.request, response: op.response.filter((id) => !errors.includes(id)), errors };
}

/** The roots of each pair in the same role: same ids, and every old root with every new one left (the matcher keeps the alike). */
export function rootPairs(pairs: readonly OperationPair[]): [ModelId, ModelId][] {
  const found: [ModelId, ModelId][] = [];
  for (const { old, new: current } of pairs) {
    if (!old || !current) continue;
    const before = rolesOf(old);
    const after = rolesOf(current);
    for (const role of ["request", "response", "errors"] as const) {
      const kept = before[role].filter((id) => after[role].includes(id));
      for (const id of kept) found.push([id, id]);
      for (const from of before[role]) if (!kept.includes(from)) for (const to of after[role]) if (!kept.includes(to)) found.push([from, to]);
    }
  }
  return found;
}

/** The changes of the operation itself, each with the direction that rates it. */
export function compareOperation({ old, new: current }: OperationPair, across: Across): Directed[] {
  if (!old) return [{ change: { kind: "operation-added", after: callOf(current!), source: current!.source, side: "new" }, direction: "both" }];
  if (!current) return [{ change: { kind: "operation-removed", before: callOf(old), source: old.source, side: "old" }, direction: "both" }];
  const at = { source: current.source, side: "new" as const };
  const found: Directed[] = [];
  const add = (direction: Direction) => (change: RawChange) => found.push({ change, direction });
  if (old.name !== current.name || old.group !== current.group) {
    add("both")({ kind: old.name !== current.name ? "operation-renamed" : "operation-moved", before: callOf(old), after: callOf(current), ...at });
  }
  if (!old.deprecated && current.deprecated) add("both")({ kind: "deprecated", ...at });
  const before = rolesOf(old);
  const after = rolesOf(current);
  for (const role of ["request", "response"] as const) rootChanges(before[role], after[role], { via: role, ...at }, across).forEach(add(role));
  const continued = new Set(before.errors.map((id) => across.successor(id)));
  for (const id of before.errors) if (!after.errors.includes(across.successor(id) ?? "")) add("response")({ kind: "error-removed", before: id, ...at });
  for (const id of after.errors) if (!continued.has(id)) add("response")({ kind: "error-added", after: id, ...at });
  return found;
}

/** Roots of one role whose successor is no longer there, compared in order with the new roots left. */
function rootChanges(before: readonly ModelId[], after: readonly ModelId[], base: Place, across: Across): RawChange[] {
  const continued = new Set(before.map((id) => across.successor(id)));
  const gone = before.filter((id) => !after.includes(across.successor(id) ?? ""));
  const fresh = after.filter((id) => !continued.has(id));
  const changes: RawChange[] = [];
  for (let i = 0; i < Math.max(gone.length, fresh.length); i++) {
    const from = gone[i];
    const to = fresh[i];
    if (from !== undefined && to !== undefined) changes.push(...typeChanges({ kind: "ref", id: from }, { kind: "ref", id: to }, base, across));
    else {
      const text = (id: ModelId | undefined) => (id === undefined ? "(none)" : typeText(renameRefs({ kind: "ref", id }, across.successor)));
      changes.push({ kind: "type-changed", ...base, before: text(from), after: text(to), compat: "incompatible" });
    }
  }
  return changes;
}
