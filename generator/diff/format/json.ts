/** The report as stable JSON for tools: the DiffReport type (../types.ts), two-space indent, final newline. */
import type { DiffReport } from "../types.js";

export function formatJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
