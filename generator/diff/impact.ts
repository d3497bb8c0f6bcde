/**
 * Who a changed model touches: every root that reaches it, with the shortest path of fields from the root and the
 * operations that send or receive the root. One backward breadth-first pass per changed model, over its ancestors
 * only, records each ancestor's next step towards the model; a root's path is then read off by following those steps.
 */
import type { ModelId } from "../model/types.js";
import type { GraphIndex } from "./graph-index.js";
import type { Direction } from "./types.js";

/** The operations (ids) that send a root model, and those that receive it (response or error). */
export interface RootUse {
  request: string[];
  response: string[];
}

export interface Roots {
  /** Root id → its use by operations (empty without operation docs). */
  uses: Map<ModelId, RootUse>;
  isRoot(id: ModelId): boolean;
}

/** A root reaching a model. */
export interface Reach {
  root: ModelId;
  /** `Root → choices[].message`, or the root's name for the root itself. */
  path: string;
  /** The steps after the root: `choices[].message`, or "" for the root itself. */
  fields: string;
  /** The operations that send the root, and those that receive it. */
  request: string[];
  response: string[];
}

/**
 * Roots are the models operations send or receive, and the models nothing references: without operation docs
 * those are the only ones, and with them they still show the place in the code of a model no operation reaches.
 */
export function rootsOf(index: GraphIndex): Roots {
  const uses = new Map<ModelId, RootUse>();
  for (const op of index.graph.operations ?? []) {
    const use = (id: ModelId, side: "request" | "response"): void => {
      let found = uses.get(id);
      if (!found) uses.set(id, (found = { request: [], response: [] }));
      if (!found[side].includes(op.id)) found[side].push(op.id);
    };
    for (const id of op.request) use(id, "request");
    for (const id of op.response) use(id, "response");
  }
  return { uses, isRoot: (id) => uses.has(id) || (index.parents.get(id)?.length ?? 0) === 0 };
}

export function impactOf(index: GraphIndex, roots: Roots, target: ModelId): Reach[] {
  /** Ancestor → the model one step closer to the target, and the label of that step. */
  const next = new Map<ModelId, { to: ModelId; label: string } | null>([[target, null]]);
  const queue: ModelId[] = [target];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const parent of index.parents.get(id) ?? []) {
      if (next.has(parent.from)) continue;
      next.set(parent.from, { to: id, label: parent.label });
      queue.push(parent.from);
    }
  }
  return queue
    .filter((id) => roots.isRoot(id))
    .sort()
    .map((root) => {
      let fields = "";
      for (let step = next.get(root); step; step = next.get(step.to)) {
        if (step.label === "") continue; // union members add no step to a path
        fields += fields === "" || step.label.startsWith("[") || step.label.startsWith("{") ? step.label : `.${step.label}`;
      }
      const name = index.models.get(root)?.name ?? root;
      const use = roots.uses.get(root);
      return { root, path: fields === "" ? name : `${name} → ${fields}`, fields, request: use?.request ?? [], response: use?.response ?? [] };
    });
}

/**
 * A model's reach in the new graph, kept to the operations that reached its old model the same way: the changes
 * between the two models are what those operations see; an operation that only now reaches the model sees it new.
 */
export function stillReached(reach: readonly Reach[], before: readonly Reach[]): Reach[] {
  const old = { request: new Set(before.flatMap((r) => r.request)), response: new Set(before.flatMap((r) => r.response)) };
  return reach.flatMap((r) => {
    const request = r.request.filter((op) => old.request.has(op));
    const response = r.response.filter((op) => old.response.has(op));
    const hadOperations = r.request.length + r.response.length > 0;
    return hadOperations && request.length + response.length === 0 ? [] : [{ ...r, request, response }];
  });
}

/** Request when only operations sending it reach it, response when only receiving ones; both otherwise (also when none do). */
export function directionOf(reach: readonly Reach[]): Direction {
  const request = reach.some((r) => r.request.length > 0);
  const response = reach.some((r) => r.response.length > 0);
  return request && !response ? "request" : response && !request ? "response" : "both";
}
