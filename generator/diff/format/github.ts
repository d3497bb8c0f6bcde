/**
 * GitHub Actions workflow commands: one annotation per change at its doc line (breaking → error, warning →
 * warning, info → notice), then a summary line. Values are escaped as the runner requires.
 */
import type { ChangeSeverity, DiffReport } from "../types.js";
import { describe, headline } from "./describe.js";

const COMMAND: Record<ChangeSeverity, string> = { breaking: "error", warning: "warning", info: "notice" };

export function formatGithub(report: DiffReport): string {
  const lines: string[] = [];
  for (const model of report.models) {
    const impact = model.impact[0] ? `; reached from ${model.impact[0].path}${model.impact.length > 1 ? ` (+${model.impact.length - 1} more)` : ""}` : "";
    for (const change of model.changes) {
      const { file, line, column } = change.source;
      const properties = [`file=${property(file)}`, `line=${line}`, `col=${column}`, `title=${property(`${change.severity}: ${change.rule}`)}`];
      const message = `${model.id}: ${describe(change)} (${change.decidedBy})${impact}`;
      lines.push(`::${COMMAND[change.severity]} ${properties.join(",")}::${data(message)}`);
    }
  }
  lines.push(`docschema diff: ${report.models.length ? headline(report) : "no schema changes"}`);
  return `${lines.join("\n")}\n`;
}

function data(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(value: string): string {
  return data(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
