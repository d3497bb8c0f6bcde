/**
 * Unions that contain each other directly (`A = string | B`, `B = A | number`) mean the union of their other
 * members: no value is "an A" without being one of those. TypeScript rejects such an alias cycle (TS2456) and
 * guards calling each other would never return, so each group of unions that reach one another through their
 * members alone is flattened here, once for every output: each union of the group lists the members of the whole
 * group that are not its unions (its own first, then the others' as the references reach them), each once.
 * Recursion through objects, arrays, maps and streams is untouched: that is how values nest
 * (`EvaluatorVariableValue = string | { [k: string]: EvaluatorVariableValue }`).
 */
import { childrenOf, compareIds, unreachable } from "../model/type-expr.js";
import type { Diagnostic, Model, ModelId, TypeExpr, UnionMember, UnionModel } from "../model/types.js";

export function flattenUnionCycles(models: readonly Model[], diagnostics: Diagnostic[]): Model[] {
  const unions = new Map<ModelId, UnionModel>();
  for (const model of models) if (model.kind === "union") unions.set(model.id, model);
  const contained = (id: ModelId): ModelId[] => unions.get(id)!.members.flatMap((member) => directRefs(member.type)).filter((ref) => unions.has(ref));
  const flattened = new Map<ModelId, UnionModel>();
  for (const group of stronglyConnected([...unions.keys()], contained)) {
    if (group.length === 1 && !contained(group[0]!).includes(group[0]!)) continue;
    const inGroup = new Set(group);
    for (const id of group) {
      const union = unions.get(id)!;
      const members = membersOutside(union, inGroup, unions);
      if (members.length > 0) flattened.set(id, { ...union, members });
      else {
        const others = group.filter((other) => other !== id).sort(compareIds);
        const what = others.length > 0 ? `only itself and ${others.join(", ")}, which contain only each other` : "only itself";
        diagnostics.push({ severity: "error", code: "union-cycle", message: `union ${id} has no values: it contains ${what}`, ...union.source });
      }
    }
  }
  return flattened.size === 0 ? [...models] : models.map((model) => flattened.get(model.id) ?? model);
}

/**
 * The members of a union with the unions of its group replaced by their own members, depth first, each type once,
 * with the source (and example) of where it is written. A union of the group reached through `Nullable[…]` makes
 * the result nullable: its first member then admits null.
 */
function membersOutside(union: UnionModel, group: ReadonlySet<ModelId>, unions: ReadonlyMap<ModelId, UnionModel>): UnionMember[] {
  const members: UnionMember[] = [];
  const seen = new Set<string>();
  const visited = new Set<ModelId>();
  let nullable = false;
  const reachesGroup = (type: TypeExpr): boolean => directRefs(type).some((id) => group.has(id));
  const visit = (id: ModelId): void => {
    if (visited.has(id)) return;
    visited.add(id);
    for (const member of unions.get(id)!.members) expand(member.type, member);
  };
  const expand = (type: TypeExpr, member: UnionMember): void => {
    if (type.kind === "ref" && group.has(type.id)) return visit(type.id);
    if (type.kind === "union" && reachesGroup(type)) return type.members.forEach((inner) => expand(inner, member));
    if (type.kind === "nullable" && reachesGroup(type)) {
      nullable = true;
      return expand(type.type, member);
    }
    const key = JSON.stringify(type);
    if (seen.has(key)) return;
    seen.add(key);
    members.push({ ...member, type });
  };
  visit(union.id);
  const first = members[0];
  if (nullable && first && !members.some((member) => member.type.kind === "nullable")) members[0] = { ...first, type: { kind: "nullable", type: first.type } };
  return members;
}

/** The models a type contains directly, as a union contains its members: through unions and `Nullable[…]` only. */
function directRefs(type: TypeExpr): ModelId[] {
  switch (type.kind) {
    case "ref":
      return [type.id];
    case "union":
    case "nullable":
      return childrenOf(type).flatMap(directRefs);
    case "primitive":
    case "literal":
    case "array":
    case "map":
    case "stream":
      return [];
    default:
      return unreachable(type);
  }
}

/** Tarjan's strongly connected components, iteratively (a long chain of unions must not overflow the stack). */
export function stronglyConnected(nodes: readonly ModelId[], edges: (node: ModelId) => ModelId[]): ModelId[][] {
  const index = new Map<ModelId, number>();
  const low = new Map<ModelId, number>();
  const stack: ModelId[] = [];
  const onStack = new Set<ModelId>();
  const components: ModelId[][] = [];
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: ModelId; next: ModelId[]; at: number }[] = [];
    const enter = (node: ModelId): void => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: edges(node), at: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.next.length) {
        const to = frame.next[frame.at++]!;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: ModelId[] = [];
        let node: ModelId;
        do {
          node = stack.pop()!;
          onStack.delete(node);
          component.push(node);
        } while (node !== frame.node);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
