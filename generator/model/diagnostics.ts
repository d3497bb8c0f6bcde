/** Ordering and counting diagnostics, the same for every stage that reports them. */
import { compareIds } from "./type-expr.js";
import type { Diagnostic } from "./types.js";

/** By file, line, column, then message: the order diagnostics are printed and stored in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareIds(a.file, b.file) || a.line - b.line || a.column - b.column || compareIds(a.message, b.message);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}
