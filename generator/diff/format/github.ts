/**
 * GitHub Actions workflow commands: an annotation at the doc line of each change (breaking → error, warning →
 * warning, info → notice). GitHub shows 10 annotations of each kind per step (and 50 per job), so the worst changes
 * are annotated, one per model or method before a second of the same; the rest are listed in a folded log group,
 * then a summary line. Values are escaped as the runner requires.
 */
import type { Change, ChangeSeverity, DiffReport } from "../types.js";
import { callsOf, describe, headline, semverLine } from "./describe.js";

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;
const COMMAND: Record<ChangeSeverity, string> = { breaking: "error", warning: "warning", info: "notice" };

interface Item {
  change: Change;
  /** The model or method it belongs to. */
  owner: string;
  message: string;
}

export function formatGithub(report: DiffReport): string {
  const items: Item[] = [
    ...report.operations.flatMap((op) => op.changes.map((change) => ({ change, owner: op.id, message: `${op.call} (${op.id}): ${describe(change)}` }))),
    ...report.models.flatMap((model) => {
      const first = model.impact[0];
      const calls = first && callsOf(first);
      const reached = first ? `; reached from ${first.path}${calls ? ` (${calls})` : ""}${model.impact.length > 1 ? ` (+${model.impact.length - 1} more)` : ""}` : "";
      return model.changes.map((change) => ({ change, owner: `${model.renamedFrom ?? ""}>${model.id}`, message: `${model.id}: ${describe(change)} (${change.decidedBy})${reached}` }));
    }),
  ];
  const annotated = new Set<Item>();
  for (const severity of ["breaking", "warning", "info"] as const) {
    const ofSeverity = items.filter((item) => item.change.severity === severity);
    const owners = new Set<string>();
    const firsts = ofSeverity.filter((item) => !owners.has(item.owner) && Boolean(owners.add(item.owner)));
    for (const item of [...firsts, ...ofSeverity.filter((item) => !firsts.includes(item))].slice(0, ANNOTATIONS_PER_KIND)) annotated.add(item);
  }
  const lines: string[] = [];
  for (const item of items) {
    if (!annotated.has(item)) continue;
    const { file, line, column } = item.change.source;
    const properties = [`file=${property(file)}`, `line=${line}`, `col=${column}`, `title=${property(`${item.change.severity}: ${item.change.rule}`)}`];
    lines.push(`::${COMMAND[item.change.severity]} ${properties.join(",")}::${data(item.message)}`);
  }
  const rest = items.filter((item) => !annotated.has(item));
  if (rest.length) {
    lines.push(`::group::docschema diff: ${rest.length} more change(s), not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} annotations of each severity per step)`);
    for (const { change, message } of rest) lines.push(`${change.severity} ${change.source.file}:${change.source.line}: ${message.replace(/\r?\n/g, " ")}`);
    lines.push("::endgroup::");
  }
  lines.push(`docschema diff: ${report.models.length || report.operations.length ? headline(report) : "no schema changes"}; ${semverLine(report)}`);
  return `${lines.join("\n")}\n`;
}

function data(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
