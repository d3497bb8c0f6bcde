/** Model graph vs model graph → a classified report: compare, give each model a direction, classify, find impact. */
import { compareIds } from "../model/type-expr.js";
import type { ModelGraph } from "../model/types.js";
import { SEVERITY_RANK, classify } from "./classify.js";
import { compareGraphs } from "./compare.js";
import { directionOf } from "./direction.js";
import { indexGraph } from "./graph-index.js";
import { impactOf, rootsOf } from "./impact.js";
import type { ChangeKind, ChangeSeverity, DiffReport, ModelDiff } from "./types.js";

export type * from "./types.js";

export function diffGraphs(before: ModelGraph, after: ModelGraph, labels: { old: string; new: string } = { old: "old", new: "new" }): DiffReport {
  const comparison = compareGraphs(before, after);
  const oldIndex = indexGraph(before);
  const newIndex = indexGraph(after);
  const oldRoots = rootsOf(oldIndex);
  const newRoots = rootsOf(newIndex);

  const models: ModelDiff[] = comparison.models.map((compared) => {
    const oldId = compared.status === "added" ? undefined : (compared.renamedFrom ?? compared.id);
    const newId = compared.status === "removed" ? undefined : compared.id;
    const reached = [
      ...(oldId !== undefined ? [{ roots: oldRoots, impact: impactOf(oldIndex, oldRoots, oldId) }] : []),
      ...(newId !== undefined ? [{ roots: newRoots, impact: impactOf(newIndex, newRoots, newId) }] : []),
    ];
    const direction = directionOf(reached);
    const changes = compared.changes
      .map((change) => classify(change, compared.model, direction))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    // Impact as the code stands now; a removed model's as it stood before.
    const impact = reached[reached.length - 1]!.impact;
    return {
      id: compared.id,
      kind: compared.model.kind,
      status: compared.status,
      ...(compared.renamedFrom ? { renamedFrom: compared.renamedFrom } : {}),
      direction,
      severity: changes[0]?.severity ?? "info",
      changes,
      impact,
    };
  });
  models.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareIds(a.id, b.id));

  const counts: Record<ChangeSeverity, number> = { breaking: 0, warning: 0, info: 0 };
  const byKind = new Map<ChangeKind, number>();
  for (const model of models) {
    for (const change of model.changes) {
      counts[change.severity]++;
      byKind.set(change.kind, (byKind.get(change.kind) ?? 0) + 1);
    }
  }
  const status = (s: ModelDiff["status"]) => models.filter((m) => m.status === s).length;
  return {
    format: "docschema-diff",
    version: 1,
    old: { label: labels.old, models: before.models.length, operations: before.operations?.length ?? 0 },
    new: { label: labels.new, models: after.models.length, operations: after.operations?.length ?? 0 },
    directions: oldRoots.uses.size > 0 || newRoots.uses.size > 0 ? "operations" : "assumed",
    summary: {
      ...counts,
      models: { added: status("added"), removed: status("removed"), renamed: status("renamed"), changed: status("changed") },
      changes: Object.fromEntries([...byKind].sort(([a], [b]) => compareIds(a, b))),
    },
    models,
  };
}

/** Does the report hold a change at or above `level`? For `--fail-on`. */
export function reaches(report: DiffReport, level: "breaking" | "warning"): boolean {
  return level === "breaking" ? report.summary.breaking > 0 : report.summary.breaking + report.summary.warning > 0;
}
