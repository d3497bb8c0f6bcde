/**
 * Model graph vs model graph → a classified report: pair the operations, match the models (by place, then name),
 * compare each model with the one continuing it, classify every change by the direction of its model under the
 * policy, and rate each path from a method to a change by that path's own direction.
 */
import { compareIds } from "../model/type-expr.js";
import type { ModelGraph, ModelId, Operation } from "../model/types.js";
import { SEVERITY_RANK, classify, ruleBook, severityFor, worse, type Directed, type RuleBook } from "./classify.js";
import { acrossGraphs, compareGraphs, type ModelComparison } from "./compare.js";
import { fingerprintOf } from "./fingerprint.js";
import { indexGraph, type GraphIndex } from "./graph-index.js";
import { directionOf, impactOf, rootsOf, stillReached, type Reach, type Roots } from "./impact.js";
import { matchModels } from "./match.js";
import { callOf, compareOperation, pairOperations, rootPairs, type OperationPair } from "./operations.js";
import type {
  BaselineEntry,
  Change,
  ChangeKind,
  ChangeSeverity,
  DiffPolicy,
  DiffReport,
  Direction,
  Impact,
  ModelDiff,
  OperationDiff,
  OperationImpact,
  OperationRef,
  Semver,
  Unseen,
} from "./types.js";

export type * from "./types.js";

export interface DiffOptions {
  /** How each side is named in the report. */
  labels?: { old: string; new: string };
  policy?: DiffPolicy;
  /** Known changes, left out of the report. */
  baseline?: readonly BaselineEntry[];
}

/** One graph with what the report needs to find its way in it. */
interface Side {
  index: GraphIndex;
  roots: Roots;
  operations: Map<string, Operation>;
  /** Operation id → the pair it belongs to, whose id and call the report uses. */
  pairs: Map<string, OperationPair>;
}

export function diffGraphs(before: ModelGraph, after: ModelGraph, options: DiffOptions = {}): DiffReport {
  const labels = options.labels ?? { old: "old", new: "new" };
  const operationPairs = pairOperations(before.operations ?? [], after.operations ?? []);
  const old = sideOf(before, operationPairs, "old");
  const current = sideOf(after, operationPairs, "new");
  const rootIds = new Set([...old.roots.uses.keys(), ...current.roots.uses.keys()]);
  const referrers = (id: ModelId) => current.index.parents.get(id)?.map((edge) => edge.from) ?? [];
  const matching = matchModels(old.index.models, current.index.models, { roots: rootPairs(operationPairs), rootIds, referrers });
  const across = acrossGraphs(old.index.models, current.index.models, matching);
  const judge = new Judge(ruleBook(options.policy), new Ignored(options.policy?.exclude ?? [], options.baseline ?? []));

  const { models, reachedFrom } = diffModels(compareGraphs(before, after, matching, across), old, current, judge);
  const operations = operationPairs.flatMap((pair) => diffOperation(pair, compareOperation(pair, across), reachedFrom.get(pair.id) ?? [], judge));
  models.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareIds(a.id, b.id) || compareIds(a.renamedFrom ?? "", b.renamedFrom ?? ""));
  operations.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareIds(a.call, b.call) || compareIds(a.id, b.id));

  const all = [...models.flatMap((m) => m.changes), ...operations.flatMap((o) => o.changes)];
  const counts: Record<ChangeSeverity, number> = { breaking: 0, warning: 0, info: 0 };
  const byKind = new Map<ChangeKind, number>();
  for (const change of all) {
    counts[change.severity]++;
    byKind.set(change.kind, (byKind.get(change.kind) ?? 0) + 1);
  }
  const modelStatus = (s: ModelDiff["status"]) => models.filter((m) => m.status === s).length;
  const operationStatus = (s: OperationDiff["status"]) => operations.filter((o) => o.status === s).length;
  return {
    format: "docschema-diff",
    version: 2,
    old: { label: labels.old, models: before.models.length, operations: before.operations?.length ?? 0 },
    new: { label: labels.new, models: after.models.length, operations: after.operations?.length ?? 0 },
    directions: old.roots.uses.size > 0 || current.roots.uses.size > 0 ? "operations" : "assumed",
    semver: semverOf(all, judge.book),
    unseen: unseenIn([old.index, current.index]),
    summary: {
      ...counts,
      models: { added: modelStatus("added"), removed: modelStatus("removed"), renamed: modelStatus("renamed"), changed: modelStatus("changed") },
      operations: { added: operationStatus("added"), removed: operationStatus("removed"), changed: operationStatus("changed") },
      changes: Object.fromEntries([...byKind].sort(([a], [b]) => compareIds(a, b))),
      ignored: judge.ignored.summary(),
    },
    operations,
    models,
  };
}

/** Does the report hold a change at or above `level`? For `--fail-on`. */
export function reaches(report: DiffReport, level: "breaking" | "warning"): boolean {
  return level === "breaking" ? report.summary.breaking > 0 : report.summary.breaking + report.summary.warning > 0;
}

/** Classifies raw changes under the policy, fingerprints them, and leaves out the excluded and baselined ones, worst first. */
class Judge {
  constructor(
    readonly book: RuleBook,
    readonly ignored: Ignored,
  ) {}

  changes(raws: readonly Directed[], scope: "model" | "operation", id: string, renamedFrom?: ModelId): Change[] {
    return raws
      .map(({ change, direction }): Change => ({ ...classify(change, direction, this.book), fingerprint: fingerprintOf(scope, id, renamedFrom, change) }))
      .filter((change) => this.ignored.keeps(change))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }

  /** The worst of these changes for one direction. */
  worstFor(changes: readonly Change[], direction: Direction): ChangeSeverity {
    return changes.reduce<ChangeSeverity>((worst, c) => worse(worst, severityFor(this.book.get(c.rule)!, direction)), "info");
  }
}

/**
 * Each compared model with its changes judged and its impact, and every method's paths to the changes: a model
 * keeps the uses its old model had, as the code stands now (a removed model as it stood before).
 */
function diffModels(compared: readonly ModelComparison[], old: Side, current: Side, judge: Judge): { models: ModelDiff[]; reachedFrom: Map<string, OperationImpact[]> } {
  const models: ModelDiff[] = [];
  const reachedFrom = new Map<string, OperationImpact[]>();
  for (const model of compared) {
    const oldReach = model.oldId !== undefined ? impactOf(old.index, old.roots, model.oldId) : undefined;
    const newReach = model.newId !== undefined ? impactOf(current.index, current.roots, model.newId) : undefined;
    const reach = newReach && oldReach ? stillReached(newReach, oldReach) : (newReach ?? oldReach ?? []);
    const readIn = newReach ? current : old;
    const direction = directionOf(reach);
    const changes = judge.changes(model.changes.map((change) => ({ change, direction })), "model", model.id, model.renamedFrom);
    if (changes.length === 0) continue;
    const severityOf = (d: Direction) => judge.worstFor(changes, d);
    const renamedFrom = model.renamedFrom !== undefined ? { renamedFrom: model.renamedFrom } : {};
    models.push({
      id: model.id,
      kind: model.model.kind,
      status: model.status,
      ...renamedFrom,
      direction,
      severity: changes[0]!.severity,
      changes,
      impact: reach.flatMap((r) => impactsOf(r, severityOf, readIn)),
    });
    // A new model reaches nothing that existed: the change that references it says what it does to a method.
    if (model.status === "added") continue;
    for (const r of reach) {
      for (const side of ["request", "response"] as const) {
        for (const op of r[side]) {
          const id = readIn.pairs.get(op)!.id;
          const list = reachedFrom.get(id) ?? [];
          list.push({ side, path: pathIn(readIn.operations.get(op)!, r, side), model: model.id, ...renamedFrom, severity: severityOf(side) });
          reachedFrom.set(id, list);
        }
      }
    }
  }
  return { models, reachedFrom };
}

/** A method's own changes and the model changes it reaches, worst first; nothing when neither. */
function diffOperation(pair: OperationPair, found: readonly Directed[], reached: OperationImpact[], judge: Judge): OperationDiff[] {
  const changes = judge.changes(found, "operation", pair.id);
  const impact = reached.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareIds(a.path, b.path) || compareIds(a.model, b.model));
  if (changes.length === 0 && impact.length === 0) return [];
  const severity = [...changes, ...impact].reduce<ChangeSeverity>((worst, c) => worse(worst, c.severity), "info");
  return [{ id: pair.id, call: callOf(pair.new ?? pair.old!), status: !pair.old ? "added" : !pair.new ? "removed" : "changed", severity, changes, impact }];
}

function sideOf(graph: ModelGraph, pairs: readonly OperationPair[], which: "old" | "new"): Side {
  const index = indexGraph(graph);
  const byOperation = new Map<string, OperationPair>();
  for (const pair of pairs) {
    const op = pair[which];
    if (op) byOperation.set(op.id, pair);
  }
  return { index, roots: rootsOf(index), operations: new Map((graph.operations ?? []).map((op) => [op.id, op])), pairs: byOperation };
}

/** One impact per direction the root is used in; a root no operation uses is both (assumed). */
function impactsOf(reach: Reach, severityOf: (direction: Direction) => ChangeSeverity, side: Side): Impact[] {
  const ref = (id: string): OperationRef => {
    const pair = side.pairs.get(id)!;
    return { id: pair.id, call: callOf(pair.new ?? pair.old!) };
  };
  const impact = (direction: Direction, operations: readonly string[]): Impact => ({ root: reach.root, path: reach.path, direction, severity: severityOf(direction), operations: operations.map(ref) });
  const found = [...(reach.request.length ? [impact("request", reach.request)] : []), ...(reach.response.length ? [impact("response", reach.response)] : [])];
  return found.length ? found : [impact("both", [])];
}

/** From the method's request, response or error model: `request.requestBody.prompt`, `errors.NotFound.detail`. */
function pathIn(op: Operation, reach: Reach, side: "request" | "response"): string {
  const start = side === "response" && op.errors?.includes(reach.root) ? reach.root : side;
  if (reach.fields === "") return start;
  return reach.fields.startsWith("[") || reach.fields.startsWith("{") ? `${start}${reach.fields}` : `${start}.${reach.fields}`;
}

/** Major for anything breaking, minor for any change that is not documentation only, patch for the rest. */
function semverOf(changes: readonly Change[], book: RuleBook): Semver {
  if (changes.some((c) => c.severity === "breaking")) return "major";
  if (changes.some((c) => !book.get(c.rule)!.docs)) return "minor";
  return changes.length > 0 ? "patch" : "none";
}

/** TS docs state neither nullability nor integers; a graph merged with Python docs carries both. */
function unseenIn(sides: readonly GraphIndex[]): Unseen[] {
  const typescript = sides.filter((side) => side.graph.flavour === "typescript");
  return (["nullability", "integers"] as const).filter((fact) => typescript.some((side) => !side.shows[fact]));
}

/** Changes left out by rule (`exclude`) or by fingerprint (baseline), counted; and the baseline entries never used. */
class Ignored {
  private readonly rules: ReadonlySet<string>;
  private readonly known: ReadonlySet<string>;
  private readonly used = new Set<string>();
  private excluded = 0;
  private baselined = 0;

  constructor(
    exclude: readonly string[],
    private readonly baseline: readonly BaselineEntry[],
  ) {
    this.rules = new Set(exclude);
    this.known = new Set(baseline.map((entry) => entry.fingerprint));
  }

  keeps(change: Change): boolean {
    if (this.rules.has(change.rule)) {
      this.excluded++;
      return false;
    }
    if (this.known.has(change.fingerprint)) {
      this.baselined++;
      this.used.add(change.fingerprint);
      return false;
    }
    return true;
  }

  summary(): DiffReport["summary"]["ignored"] {
    const unmatched = [...new Set(this.baseline.map((entry) => entry.fingerprint))].filter((fp) => !this.used.has(fp)).sort(compareIds);
    return { excluded: this.excluded, baseline: this.baselined, unmatchedBaseline: unmatched };
  }
}
