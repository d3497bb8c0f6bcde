/**
 * Who a changed model touches: every root that reaches it, with the shortest path of fields from the root.
 * One backward breadth-first pass per changed model, over its ancestors only, records each ancestor's next step
 * towards the model; a root's path is then read off by following those steps.
 */
import type { ModelId } from "../model/types.js";
import type { GraphIndex } from "./graph-index.js";
import type { Impact } from "./types.js";

/** How operations use a root model. */
export interface RootUse {
  operations: string[];
  request: boolean;
  response: boolean;
}

export interface Roots {
  /** Root id → its use by operations (empty without operation docs). */
  uses: Map<ModelId, RootUse>;
  isRoot(id: ModelId): boolean;
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
      if (!found) uses.set(id, (found = { operations: [], request: false, response: false }));
      if (!found.operations.includes(op.id)) found.operations.push(op.id);
      found[side] = true;
    };
    for (const id of op.request) use(id, "request");
    for (const id of op.response) use(id, "response");
  }
  return { uses, isRoot: (id) => uses.has(id) || (index.parents.get(id)?.length ?? 0) === 0 };
}

export function impactOf(index: GraphIndex, roots: Roots, target: ModelId): Impact[] {
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
      let path = "";
      for (let step = next.get(root); step; step = next.get(step.to)) {
        if (step.label === "") continue; // union members add no step to a path
        path += path === "" || step.label.startsWith("[") || step.label.startsWith("{") ? step.label : `.${step.label}`;
      }
      const name = index.models.get(root)?.name ?? root;
      return { root, path: path === "" ? name : `${name} → ${path}`, operations: roots.uses.get(root)?.operations ?? [] };
    });
}
