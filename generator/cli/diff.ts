/** `docschema diff`: two sides → model graphs → classified report in the chosen format; `--fail-on` sets the exit code. */
import pc from "picocolors";
import { diffGraphs, reaches } from "../diff/index.js";
import { formatReport, type FormatName } from "../diff/format/index.js";
import type { DiffReport } from "../diff/types.js";
import { DEFAULT_DOCS, InputError, openGitSide, openSide, readSides, type Side } from "./diff-input.js";
import { countBySeverity, printDiagnostics } from "./report.js";

export interface DiffOptions {
  git?: string;
  format: FormatName;
  failOn?: "breaking" | "warning";
}

/** Returns the exit code: 0, 1 when `--fail-on` is reached, 2 for input errors (usage errors are commander's). */
export async function diff(inputs: string[], options: DiffOptions): Promise<number> {
  try {
    const [before, after] = await readSides(
      options.git !== undefined ? openGitSide(options.git) : openSide(inputs[0]!),
      openSide(options.git !== undefined ? (inputs[0] ?? workTreePath(options.git)) : inputs[1]!),
    );
    for (const side of [before, after]) {
      const { errors } = countBySeverity(side.diagnostics);
      if (errors === 0) continue;
      printDiagnostics(side.diagnostics, side.prefix, { warnings: false });
      throw new InputError(`${side.label}: ${errors} error(s) in the docs; fix them to diff`);
    }
    const report = withDocPaths(diffGraphs(before.graph, after.graph, { old: before.label, new: after.label }), before, after);
    process.stdout.write(formatReport(report, options.format));
    return options.failOn && reaches(report, options.failOn) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${pc.red("error:")} ${error.message}\n`);
    return 2;
  }
}

/** `--git main:docs` compares with `docs` in the work tree; `--git main` with the default docs folder. */
function workTreePath(spec: string): string {
  const colon = spec.indexOf(":");
  return colon < 0 ? DEFAULT_DOCS : spec.slice(colon + 1) || ".";
}

/** Source paths in the graphs are relative to each side's docs folder; name them from where the user stands. */
function withDocPaths(report: DiffReport, before: Side, after: Side): DiffReport {
  if (!before.prefix && !after.prefix) return report;
  const models = report.models.map((model) => ({
    ...model,
    changes: model.changes.map((change) => {
      const prefix = change.side === "old" ? before.prefix : after.prefix;
      return { ...change, source: { ...change.source, file: `${prefix}${change.source.file}` } };
    }),
  }));
  return { ...report, models };
}
