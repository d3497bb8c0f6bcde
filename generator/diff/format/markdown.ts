/**
 * A pull-request comment: headline, summary tables, then one folded `<details>` per changed model, worst first.
 * GitHub refuses comments over 65,536 characters, so details stop at a budget and say how many were left out.
 */
import { compareIds } from "../../model/type-expr.js";
import { SEVERITY_RANK } from "../classify.js";
import type { ChangeSeverity, DiffReport, ModelDiff } from "../types.js";
import { callsOf, describe, directionNote, directionsLine, headline, ignoredLine, semverLine, unseenLine } from "./describe.js";

const BUDGET = 60_000;
const SHOWN_IMPACTS = 5;
const SHOWN_REPEATS = 10;
/** The share of the comment the table of methods may take; the models' details get the rest. */
const METHODS_BUDGET = 20_000;
const ICON: Record<ChangeSeverity, string> = { breaking: "🔴", warning: "🟠", info: "⚪" };

export function formatMarkdown(report: DiffReport): string {
  const { breaking, warning, info, models, changes } = report.summary;
  const notes = [unseenLine(report), ignoredLine(report)].filter((line) => line !== undefined);
  const head = [
    `## docschema diff: ${report.models.length || report.operations.length ? headline(report) : "no schema changes"}`,
    "",
    `\`${report.old.label}\` (${report.old.models} models) → \`${report.new.label}\` (${report.new.models} models); ${directionsLine(report)}; **${semverLine(report)}**.`,
    "",
    ...notes.flatMap((line) => [`> ${line}.`, ""]),
    "| severity | changes |",
    "| --- | ---: |",
    `| ${ICON.breaking} breaking | ${breaking} |`,
    `| ${ICON.warning} warning | ${warning} |`,
    `| ${ICON.info} info | ${info} |`,
    "",
    "| models | count |",
    "| --- | ---: |",
    ...(["added", "removed", "renamed", "changed"] as const).map((k) => `| ${k} | ${models[k]} |`),
    "",
  ];
  const kinds = Object.entries(changes);
  if (kinds.length) head.push("| change | count |", "| --- | ---: |", ...kinds.map(([kind, n]) => `| ${kind} | ${n} |`), "");
  if (report.operations.length) head.push(...methodsTable(report), "");
  const repeats = repeatedChanges(report);
  if (repeats.length) {
    head.push("Repeated in several models (one spec change often shows in many inline copies):", "", "| change | severity | models |", "| --- | --- | ---: |");
    head.push(...repeats.map(({ text, severity, models }) => `| ${text.replace(/\|/g, "\\|")} | ${ICON[severity]} ${severity} | ${models} |`), "");
  }

  const body: string[] = [];
  let size = head.join("\n").length;
  let left = 0;
  for (const severity of ["breaking", "warning", "info"] as const) {
    const group = report.models.filter((m) => m.severity === severity);
    if (group.length === 0) continue;
    const title = `### ${ICON[severity]} ${severity} (${group.length} model${group.length === 1 ? "" : "s"})\n`;
    const blocks: string[] = [];
    for (const model of group) {
      const block = details(model, report);
      if (size + title.length + block.length > BUDGET) {
        left++;
        continue;
      }
      size += block.length;
      blocks.push(block);
    }
    if (blocks.length) {
      size += title.length;
      body.push(title, ...blocks);
    }
  }
  if (left) body.push(`_${left} more model(s) left out to fit a comment; run \`docschema diff --format json\` for all._\n`);
  return `${[...head, ...body].join("\n")}`.replace(/\n*$/, "\n");
}

/** The same change (same words, same severity) in two or more models, most frequent first. */
function repeatedChanges(report: DiffReport): { text: string; severity: ChangeSeverity; models: number }[] {
  const counts = new Map<string, { text: string; severity: ChangeSeverity; models: number }>();
  for (const model of report.models) {
    for (const key of new Set(model.changes.map((c) => `${c.severity}\u0000${describe(c, code)}`))) {
      const [severity, text] = key.split("\u0000") as [ChangeSeverity, string];
      const entry = counts.get(key) ?? { text, severity, models: 0 };
      entry.models++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .filter((entry) => entry.models > 1)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.models - a.models || compareIds(a.text, b.text))
    .slice(0, SHOWN_REPEATS);
}

function details(model: ModelDiff, report: DiffReport): string {
  const counts = (["breaking", "warning", "info"] as const)
    .map((s) => [s, model.changes.filter((c) => c.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const lines = [
    "<details>",
    `<summary><code>${model.id}</code> (${model.kind}, ${directionNote(model, report)}): ${counts.join(", ")}</summary>`,
    "",
    ...model.changes.map((c) => `- ${ICON[c.severity]} ${describe(c, code)} — \`${c.rule}\` (${c.decidedBy})`),
  ];
  if (model.impact.length) {
    lines.push("", "Reached from:");
    for (const impact of model.impact.slice(0, SHOWN_IMPACTS)) {
      const calls = callsOf(impact, code);
      lines.push(`- ${calls ? `${ICON[impact.severity]} ` : ""}${code(impact.path)}${calls ? ` (${calls})` : ""}`);
    }
    if (model.impact.length > SHOWN_IMPACTS) lines.push(`- … and ${model.impact.length - SHOWN_IMPACTS} more`);
  }
  lines.push("", "</details>", "");
  return lines.join("\n");
}

/** A code span that survives any content: backticks inside widen the fence. */
function code(text: string): string {
  const fence = text.includes("`") ? "`` " : "`";
  return `${fence}${text}${fence === "`" ? "`" : " ``"}`;
}

/** One row per SDK method, worst first, within a share of the comment: what it changed, or the paths to the changes it reaches. */
function methodsTable(report: DiffReport): string[] {
  const rows: string[] = [];
  let size = 0;
  for (const op of report.operations) {
    // Union members add no step to a path: two models may sit at one.
    const what = [...new Set([...op.changes.map((c) => describe(c, code)), ...op.impact.map((i) => code(i.path))])];
    const shown = what.slice(0, 3).join("; ") + (what.length > 3 ? `; +${what.length - 3} more` : "");
    const row = `| ${ICON[op.severity]} | ${code(op.call)} | ${code(op.id)} | ${shown.replace(/\|/g, "\\|")} |`;
    if (size + row.length > METHODS_BUDGET) break;
    size += row.length + 1;
    rows.push(row);
  }
  const left = report.operations.length - rows.length;
  return [
    `### SDK methods (${report.operations.length})`,
    "",
    "| | method | operationID | what changed |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...(left > 0 ? ["", `_${left} more method(s) left out to fit a comment; run \`docschema diff --format changelog\` for all._`] : []),
  ];
}
