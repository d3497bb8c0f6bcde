/**
 * Which new model continues which old one. Generated names are not identity: Speakeasy names inline types after
 * their position (`RequestBody1`, `CreateSpeechRetry`) and renames, swaps and reuses those names as a spec grows.
 * So models are matched by where they sit:
 *
 * 1. a model unchanged under its name (same structure, same references) is itself, and a changed model in a field
 *    of it kept its place;
 * 2. each operation's old and new request, response and error models pair by role, and every matched pair that
 *    changed is walked together, field by field and member by member (members of the same shape, since numbered
 *    member names shift), proposing the pairs of models it reaches.
 *
 * Candidates are taken best first, each model in at most one pair: strong ones (operation roots, and models of the
 * same id at the same place while they are alike), the same id first; then weak ones, most alike first
 * (./similarity.ts) and the same id first among equals: models at the same place under another name, and models
 * that only share a name. Differently named models must be alike. A model whose best candidate's new model was
 * already taken merged into it (its place is now that model's). Models left over, which no walk reaches (no
 * operation docs), pair when exactly one old and one new model have the same structure.
 */
import { childrenOf, compareIds, hasRefs } from "../model/type-expr.js";
import type { Model, ModelId, TypeExpr } from "../model/types.js";
import { Heap } from "./heap.js";
import { sameType } from "./same-type.js";
import { SIMILAR, similarity, type Models } from "./similarity.js";
import { renameRefs, typeText } from "./type-text.js";

export interface Matching {
  /** Old id → new id, one to one: the same model, renamed when the ids differ. */
  pairs: ReadonlyMap<ModelId, ModelId>;
  /** Old id → new id of old models whose place a model continuing another one took. */
  merged: ReadonlyMap<ModelId, ModelId>;
}

/** The new model continuing an old one, paired or merged. */
export function successorIn(matching: Matching): (oldId: ModelId) => ModelId | undefined {
  return (id) => matching.pairs.get(id) ?? matching.merged.get(id);
}

interface Candidate {
  from: ModelId;
  to: ModelId;
  strong: boolean;
  same: boolean;
  similarity: number;
}

/** What the matcher needs of the operations and the new graph's references. */
export interface MatchContext {
  /** The pairs of operation roots: same operation, same role. */
  roots: readonly (readonly [ModelId, ModelId])[];
  /** Every operation root of either graph: paired by operations only, never by structure alone. */
  rootIds: ReadonlySet<ModelId>;
  /** The models referencing a model in the new graph. */
  referrers(id: ModelId): readonly ModelId[];
}

export function matchModels(before: Models, after: Models, { roots, rootIds, referrers }: MatchContext): Matching {
  const matcher = new Matcher(before, after);
  matcher.keepUnchanged(referrers);
  for (const [from, to] of roots) matcher.propose(from, to, true);
  matcher.drain();
  // Strong candidates all came first; the names left compete with the weak ones found so far and later.
  matcher.startWeakPhase();
  for (const id of before.keys()) if (after.has(id)) matcher.propose(id, id, false);
  matcher.drain();
  while (matcher.pairLeftovers(rootIds)) matcher.drain();
  return matcher.result();
}

class Matcher {
  private readonly queue = new Heap<Candidate>(inOrder);
  /** Candidates queued so far: old id → new ids, strong and weak apart. */
  private readonly proposed = { strong: new Map<ModelId, Set<ModelId>>(), weak: new Map<ModelId, Set<ModelId>>() };
  private readonly pairs = new Map<ModelId, ModelId>();
  private readonly taken = new Set<ModelId>();
  private readonly mergeInto = new Map<ModelId, ModelId>();
  /** Matched pairs whose children are still to be proposed. */
  private readonly unexpanded: { from: ModelId; to: ModelId; strong: boolean }[] = [];
  /** Every strong candidate has been taken: weak ones may be decided. */
  private weakPhase = false;

  constructor(
    private readonly before: Models,
    private readonly after: Models,
  ) {}

  /**
   * Models unchanged under their name (same structure, same references) are themselves: taken first, without a
   * walk, since every model below them keeps its name and place too. Most models of two releases are; their
   * changed children are proposed as strong pairs (same place, same name).
   */
  keepUnchanged(referrers: (id: ModelId) => readonly ModelId[]): void {
    const changed: ModelId[] = [];
    for (const [id, old] of this.before) {
      const current = this.after.get(id);
      if (!current) continue;
      if (!unchanged(old, current)) changed.push(id);
      else {
        this.pairs.set(id, id);
        this.taken.add(id);
      }
    }
    // An unchanged model references the same ids in both graphs: a changed model in one of its fields kept its
    // place; a changed member of an unchanged union may have swapped names with another, so the union is walked.
    for (const id of changed) {
      for (const from of referrers(id)) {
        if (!this.pairs.has(from)) continue;
        if (this.after.get(from)!.kind === "union") this.expand(from, from, true);
        else this.propose(id, id, true);
      }
    }
  }

  /** Starts deciding weak candidates; call once the strong ones are drained. */
  startWeakPhase(): void {
    this.weakPhase = true;
  }

  /** Queues a candidate pair (or takes it at once); false when it was seen before, or is not a candidate. */
  propose(from: ModelId, to: ModelId, strong: boolean): boolean {
    if (this.pairs.has(from) || (from === to && this.taken.has(to))) return false;
    const old = this.before.get(from);
    const current = this.after.get(to);
    if (!old || !current) return false;
    const same = from === to;
    const alike = similarity(old, this.before, current, this.after);
    // The same name at the same place is the same model only while they are alike: numbered names shift.
    if (alike < SIMILAR) strong = false;
    // Nothing ranks above a free pair of the same id in its tier (strong, or weak and identical): take it now.
    if (same && (strong || (this.weakPhase && alike === 1))) {
      this.match(from, to, strong);
      return true;
    }
    const queued = this.proposed[strong ? "strong" : "weak"];
    let targets = queued.get(from);
    if (!targets) queued.set(from, (targets = new Set()));
    if (targets.has(to)) return false;
    targets.add(to);
    if (!same && alike < SIMILAR) return false;
    this.queue.push({ from, to, strong, same, similarity: alike });
    return true;
  }

  drain(): void {
    for (;;) {
      const pending = this.unexpanded.pop();
      if (pending) {
        this.expand(pending.from, pending.to, pending.strong);
        continue;
      }
      // Until every strong candidate is taken, weak ones wait (all weak candidates, names included, compete at once).
      if (!this.weakPhase && !this.queue.peek()?.strong) return;
      const next = this.queue.pop();
      if (!next) return;
      if (this.pairs.has(next.from)) continue;
      if (!this.taken.has(next.to)) this.match(next.from, next.to, next.strong);
      else if (!next.same && !this.mergeInto.has(next.from)) {
        // Its best place is taken: the old model merged into the one there, and what it holds may have too.
        this.mergeInto.set(next.from, next.to);
        this.unexpanded.push({ from: next.from, to: next.to, strong: false });
      }
    }
  }

  private match(from: ModelId, to: ModelId, strong: boolean): void {
    this.pairs.set(from, to);
    this.taken.add(to);
    this.unexpanded.push({ from, to, strong });
  }

  /** Leftover models (not operation roots) with a structure exactly one old and one new model have. */
  pairLeftovers(rootIds: ReadonlySet<ModelId>): boolean {
    if (this.pairs.size === this.before.size || this.taken.size === this.after.size) return false;
    const successor = (id: ModelId) => this.pairs.get(id) ?? this.mergeInto.get(id);
    const groups = new Map<string, { from: ModelId[]; to: ModelId[] }>();
    const group = (key: string) => {
      let found = groups.get(key);
      if (!found) groups.set(key, (found = { from: [], to: [] }));
      return found;
    };
    for (const [id, model] of this.before) {
      if (!this.pairs.has(id) && !rootIds.has(id)) group(structureKey(model, successor)).from.push(id);
    }
    for (const [id, model] of this.after) {
      if (!this.taken.has(id) && !rootIds.has(id)) group(structureKey(model, () => undefined)).to.push(id);
    }
    let found = false;
    for (const { from, to } of groups.values()) {
      if (from.length === 1 && to.length === 1 && this.propose(from[0]!, to[0]!, false)) found = true;
    }
    return found;
  }

  result(): Matching {
    const merged = new Map([...this.mergeInto].filter(([from]) => !this.pairs.has(from)));
    return { pairs: this.pairs, merged };
  }

  /**
   * Proposes the pairs of models a matched pair reaches: same field, same catch-all, members of the same shape.
   * Only pairs that changed get here (unchanged ones are kept without a walk).
   */
  private expand(from: ModelId, to: ModelId, strong: boolean): void {
    const old = this.before.get(from)!;
    const current = this.after.get(to)!;
    const propose = (a: ModelId, b: ModelId) => void this.propose(a, b, strong && a === b);
    if (old.kind === "object" && current.kind === "object") {
      const fields = new Map(current.fields.map((field) => [field.name, field]));
      for (const field of old.fields) {
        const other = fields.get(field.name);
        if (other) alignTypes(field.type, other.type, propose);
      }
      if (old.additionalProperties && current.additionalProperties) alignTypes(old.additionalProperties, current.additionalProperties, propose);
    } else if (old.kind === "union" && current.kind === "union") {
      alignMembers(
        old.members.map((member) => member.type),
        current.members.map((member) => member.type),
        propose,
      );
    }
  }
}

/** Same kind, same fields (names, requiredness, nullability, types referencing the same ids), values or members. */
function unchanged(old: Model, current: Model): boolean {
  if (old.kind === "object" && current.kind === "object") {
    const same = (a: TypeExpr | undefined, b: TypeExpr | undefined) => (a && b ? sameType(a, b) : a === b);
    return (
      old.fields.length === current.fields.length &&
      old.fields.every((field, i) => {
        const other = current.fields[i]!;
        return field.name === other.name && field.required === other.required && field.nullable === other.nullable && sameType(field.type, other.type);
      }) &&
      same(old.additionalProperties, current.additionalProperties)
    );
  }
  if (old.kind === "enum" && current.kind === "enum") {
    return Boolean(old.open) === Boolean(current.open) && old.values.length === current.values.length && old.values.every((value, i) => value === current.values[i]);
  }
  if (old.kind === "union" && current.kind === "union") {
    return old.members.length === current.members.length && old.members.every((member, i) => sameType(member.type, current.members[i]!.type));
  }
  return false;
}

/** Strong before weak; among strong, the same id first; among weak, the most alike first; then by id. */
function inOrder(a: Candidate, b: Candidate): number {
  if (a.strong !== b.strong) return a.strong ? -1 : 1;
  const byName = Number(b.same) - Number(a.same);
  const byLikeness = b.similarity - a.similarity;
  return (a.strong ? byName || byLikeness : byLikeness || byName) || compareIds(a.from, b.from) || compareIds(a.to, b.to);
}

/** Walks two types at the same place together and proposes the models they reference at the same position. */
function alignTypes(a: TypeExpr, b: TypeExpr, propose: (from: ModelId, to: ModelId) => void): void {
  if (a.kind === "ref" && b.kind === "ref") return propose(a.id, b.id);
  if (a.kind === "nullable") return alignTypes(a.type, b.kind === "nullable" ? b.type : b, propose);
  if (b.kind === "nullable") return alignTypes(a, b.type, propose);
  if (a.kind === "union" || b.kind === "union") return alignMembers(membersOf(a), membersOf(b), propose);
  if (a.kind !== b.kind) return;
  const [x] = childrenOf(a);
  const [y] = childrenOf(b);
  if (x && y) alignTypes(x, y, propose);
}

/**
 * Members have no place of their own (numbered names shift when one is inserted): each pairs with every member of
 * the same shape on the other side (`X` with `Y`, `X[]` with `Y[]`), its namesake included, for the queue to
 * choose by likeness. Only a changed union gets here, so the pairs stay few.
 */
function alignMembers(before: readonly TypeExpr[], after: readonly TypeExpr[], propose: (from: ModelId, to: ModelId) => void): void {
  const shape = (type: TypeExpr) => typeText(type, () => "@");
  const right = after.filter(hasRefs).map((member) => ({ member, shape: shape(member) }));
  for (const a of before) {
    if (!hasRefs(a)) continue;
    const aShape = shape(a);
    for (const b of right) if (b.shape === aShape) alignTypes(a, b.member, propose);
  }
}

function membersOf(type: TypeExpr): readonly TypeExpr[] {
  return type.kind === "union" ? type.members : [type];
}

/** Everything that shapes values, nothing that names or documents them; references by their successor. */
function structureKey(model: Model, successor: (id: ModelId) => ModelId | undefined): string {
  const text = (type: TypeExpr) => typeText(renameRefs(type, successor));
  switch (model.kind) {
    case "object":
      return JSON.stringify(["object", model.fields.map((f) => [f.name, text(f.type), f.required, f.nullable ?? null]), model.additionalProperties ? text(model.additionalProperties) : null]);
    case "enum":
      return JSON.stringify(["enum", model.values, model.open ?? false]);
    case "union":
      return JSON.stringify(["union", model.members.map((m) => text(m.type))]);
  }
}
