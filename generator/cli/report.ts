/** Terminal output: compiler-style diagnostics, progress and summaries. Colours only on a TTY (picocolors decides). */
import path from "node:path";
import pc from "picocolors";
import type { Diagnostic } from "../model/types.js";

export interface Reporter {
  info(message: string): void;
  /** A phase of the run, with its count of items done when it has one. */
  progress(phase: string, done?: number, total?: number): void;
  done(): void;
}

/** `docs/models/x.md:12:5 error: …` so editors and CI logs can link to the spot. */
export function formatDiagnostic(d: Diagnostic, inputPrefix: string): string {
  // Files of a merged doc set are named from the input folder (`../../py/docs/models/x.md`): print the short path.
  const where = `${path.posix.normalize(`${inputPrefix}${d.file}`)}:${d.line}:${d.column}`;
  const severity = d.severity === "error" ? pc.red("error") : pc.yellow("warning");
  return `${where} ${severity}: ${d.message} ${pc.dim(`[${d.code}]`)}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], inputPrefix: string, { warnings = true, limit = 200 } = {}): void {
  const shown = diagnostics.filter((d) => warnings || d.severity === "error");
  for (const d of shown.slice(0, limit)) process.stderr.write(`${formatDiagnostic(d, inputPrefix)}\n`);
  if (shown.length > limit) process.stderr.write(pc.dim(`… and ${shown.length - limit} more (use --max-diagnostics to see more)\n`));
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Progress on stderr, redrawn in place on a TTY; silent otherwise (CI logs stay clean) unless verbose. */
export function createReporter({ quiet = false, verbose = false } = {}): Reporter {
  const tty = Boolean(process.stderr.isTTY);
  let last = 0;
  let drawn = false;
  return {
    info(message) {
      if (!quiet) process.stderr.write(`${message}\n`);
    },
    progress(phase, done, total) {
      if (quiet || (!tty && !verbose)) return;
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      const text = total === undefined ? `${phase}…` : `${phase} ${done}/${total}`;
      if (tty) {
        process.stderr.write(`\r${pc.dim(text)}\x1b[K`);
        drawn = true;
      } else if (done === total) process.stderr.write(`${text}\n`);
    },
    done() {
      if (drawn) process.stderr.write("\r\x1b[K");
      drawn = false;
    },
  };
}
