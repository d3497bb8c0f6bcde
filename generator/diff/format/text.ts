/** Terminal text: the SDK methods that changed, then models grouped by their worst change; coloured when picocolors sees a colour terminal. */
import pc from "picocolors";
import type { ChangeSeverity, DiffReport, ModelDiff, OperationDiff } from "../types.js";
import { callsOf, describe, directionNote, directionsLine, headline, ignoredLine, semverLine, unseenLine } from "./describe.js";

const SHOWN_IMPACTS = 3;
const STYLE: Record<ChangeSeverity, { title: string; mark: string; color: (s: string) => string }> = {
  breaking: { title: "BREAKING", mark: "✖", color: pc.red },
  warning: { title: "WARNING", mark: "▲", color: pc.yellow },
  info: { title: "INFO", mark: "•", color: pc.dim },
};

export function formatText(report: DiffReport): string {
  const notes = [directionsLine(report), unseenLine(report), ignoredLine(report), semverLine(report)].filter((line) => line !== undefined);
  const lines = [`${pc.bold("docschema diff")} ${side(report.old)} → ${side(report.new)}`, ...notes.map((line) => pc.dim(line)), ""];
  if (report.operations.length) {
    lines.push(pc.bold(`SDK METHODS (${report.operations.length})`));
    for (const op of report.operations) lines.push(...operationLines(op));
    lines.push("");
  }
  for (const severity of ["breaking", "warning", "info"] as const) {
    const models = report.models.filter((m) => m.severity === severity);
    if (models.length === 0) continue;
    const style = STYLE[severity];
    lines.push(style.color(pc.bold(`${style.title} (${models.length} model${models.length === 1 ? "" : "s"})`)));
    for (const model of models) lines.push(...modelLines(model, report), "");
  }
  const { breaking, warning } = report.summary;
  const color = breaking ? pc.red : warning ? pc.yellow : pc.green;
  lines.push(color(report.models.length || report.operations.length ? headline(report) : "no schema changes"));
  return `${lines.join("\n")}\n`;
}

function operationLines(op: OperationDiff): string[] {
  const mark = (severity: ChangeSeverity) => STYLE[severity].color(STYLE[severity].mark);
  const lines = [`  ${mark(op.severity)} ${pc.bold(op.call)} ${pc.dim(`${op.id}${op.status === "changed" ? "" : ` · ${op.status}`}`)}`];
  const details = [
    ...op.changes.map((c) => `${mark(c.severity)} ${describe(c)} ${pc.dim(`[${c.rule}]`)}`),
    ...op.impact.map((i) => `${mark(i.severity)} ${i.path} ${pc.dim(`(${i.model})`)}`),
  ];
  lines.push(...details.slice(0, SHOWN_IMPACTS).map((line) => `      ${line}`));
  if (details.length > SHOWN_IMPACTS) lines.push(pc.dim(`      … and ${details.length - SHOWN_IMPACTS} more`));
  return lines;
}

function modelLines(model: ModelDiff, report: DiffReport): string[] {
  const lines = [`  ${pc.bold(model.id)} ${pc.dim(`${model.kind} · ${directionNote(model, report)}`)}`];
  for (const change of model.changes) {
    const style = STYLE[change.severity];
    lines.push(`    ${style.color(style.mark)} ${describe(change)} ${pc.dim(`[${change.rule}, ${change.decidedBy}]`)}`);
  }
  for (const impact of model.impact.slice(0, SHOWN_IMPACTS)) {
    const calls = callsOf(impact);
    const style = STYLE[impact.severity];
    lines.push(`    ${pc.dim("↳")} ${calls ? `${style.color(style.mark)} ` : ""}${impact.path}${calls ? ` ${pc.dim(`(${calls})`)}` : ""}`);
  }
  if (model.impact.length > SHOWN_IMPACTS) lines.push(pc.dim(`    ↳ … and ${model.impact.length - SHOWN_IMPACTS} more`));
  return lines;
}

function side(summary: DiffReport["old"]): string {
  return `${summary.label} ${pc.dim(`(${summary.models} models, ${summary.operations} operations)`)}`;
}
