/** Terminal text: models grouped by their worst change, coloured when picocolors sees a colour terminal. */
import pc from "picocolors";
import type { ChangeSeverity, DiffReport, ModelDiff } from "../types.js";
import { describe, directionNote, directionsLine, headline } from "./describe.js";

const SHOWN_IMPACTS = 3;
const STYLE: Record<ChangeSeverity, { title: string; mark: string; color: (s: string) => string }> = {
  breaking: { title: "BREAKING", mark: "✖", color: pc.red },
  warning: { title: "WARNING", mark: "▲", color: pc.yellow },
  info: { title: "INFO", mark: "•", color: pc.dim },
};

export function formatText(report: DiffReport): string {
  const lines = [`${pc.bold("docschema diff")} ${side(report.old)} → ${side(report.new)}`, pc.dim(directionsLine(report)), ""];
  for (const severity of ["breaking", "warning", "info"] as const) {
    const models = report.models.filter((m) => m.severity === severity);
    if (models.length === 0) continue;
    const style = STYLE[severity];
    lines.push(style.color(pc.bold(`${style.title} (${models.length} model${models.length === 1 ? "" : "s"})`)));
    for (const model of models) lines.push(...modelLines(model, report), "");
  }
  const { breaking, warning } = report.summary;
  const color = breaking ? pc.red : warning ? pc.yellow : pc.green;
  lines.push(color(report.models.length ? headline(report) : "no schema changes"));
  return `${lines.join("\n")}\n`;
}

function modelLines(model: ModelDiff, report: DiffReport): string[] {
  const lines = [`  ${pc.bold(model.id)} ${pc.dim(`${model.kind} · ${directionNote(model, report)}`)}`];
  for (const change of model.changes) {
    const style = STYLE[change.severity];
    lines.push(`    ${style.color(style.mark)} ${describe(change)} ${pc.dim(`[${change.rule}, ${change.decidedBy}]`)}`);
  }
  for (const impact of model.impact.slice(0, SHOWN_IMPACTS)) {
    const ops = impact.operations.length ? ` ${pc.dim(`(${impact.operations.join(", ")})`)}` : "";
    lines.push(`    ${pc.dim("↳")} ${impact.path}${ops}`);
  }
  if (model.impact.length > SHOWN_IMPACTS) lines.push(pc.dim(`    ↳ … and ${model.impact.length - SHOWN_IMPACTS} more roots`));
  return lines;
}

function side(summary: DiffReport["old"]): string {
  return `${summary.label} ${pc.dim(`(${summary.models} models, ${summary.operations} operations)`)}`;
}
