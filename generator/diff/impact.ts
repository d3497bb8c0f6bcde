/**
 * Who a changed model touches: every root that reaches it, with the shortest path of fields from the root.
 * One backward breadth-first pass per changed model, over its ancestors only, records each ancestor's next step
 * towards the model; a root's path is then read off by following those steps.
 */
import type { ModelId } from "../model/types.js";
import type { Edge, GraphIndex } from "./graph-index.js";
import type { Impact } from "./types.js";

export interface Roots {
  /** Root id → ids of the operations that send or receive it (empty without operation docs). */
  operations: Map<ModelId, string[]>;
  isRoot(id: ModelId): boolean;
}

/** Roots are the operations' models; without operations, the models nothing references. */
export function rootsOf(index: GraphIndex): Roots {
  const operations = new Map<ModelId, string[]>();
  for (const op of index.graph.operations ?? []) {
    for (const id of [...op.request, ...op.response]) {
      const list = operations.get(id) ?? [];
      if (!list.includes(op.id)) list.push(op.id);
      operations.set(id, list);
    }
  }
  if (operations.size > 0) return { operations, isRoot: (id) => operations.has(id) };
  return { operations, isRoot: (id) => (index.parents.get(id)?.length ?? 0) === 0 };
}

export function impactOf(index: GraphIndex, roots: Roots, target: ModelId): Impact[] {
  const next = new Map<ModelId, Edge | null>([[target, null]]);
  const queue: ModelId[] = [target];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const parent of index.parents.get(id) ?? []) {
      if (next.has(parent.to)) continue;
      next.set(parent.to, { to: id, label: parent.label });
      queue.push(parent.to);
    }
  }
  return queue
    .filter((id) => roots.isRoot(id))
    .sort()
    .map((root) => ({ root, path: pathFrom(index, root, next), operations: roots.operations.get(root) ?? [] }));
}

function pathFrom(index: GraphIndex, root: ModelId, next: Map<ModelId, Edge | null>): string {
  let text = "";
  for (let step = next.get(root); step; step = next.get(step.to)) {
    if (step.label === "") continue; // union members add no step to a path
    text += text === "" || step.label.startsWith("[") || step.label.startsWith("{") ? step.label : `.${step.label}`;
  }
  const name = index.models.get(root)?.name ?? root;
  return text === "" ? name : `${name} → ${text}`;
}
