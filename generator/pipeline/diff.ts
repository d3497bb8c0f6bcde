/** `diff` as a job: two sides (docs folders, snapshots, git revisions) → model graphs → the classified report. */
import path from "node:path";
import { diffGraphs } from "../diff/index.js";
import type { BaselineEntry, DiffPolicy } from "../diff/policy.js";
import type { Change, DiffReport } from "../diff/types.js";
import { countBySeverity } from "../model/diagnostics.js";
import type { Diagnostic } from "../model/types.js";
import { DEFAULT_DOCS, openGitSide, openSide, readSides, type Side } from "./diff-input.js";
import { InputError } from "./errors.js";

export interface DiffInputs {
  /** Old and new side: paths of docs folders or snapshots; with `git`, at most the new side. */
  paths: string[];
  /** Old side from a git revision of the repository around the working directory: `<rev>[:<path>]`. */
  git?: string | undefined;
  /** Severities per rule and excluded rules (see readPolicy), and known changes to leave out (see readBaseline). */
  policy?: DiffPolicy | undefined;
  baseline?: readonly BaselineEntry[] | undefined;
}

export interface DiffResult {
  report: DiffReport;
}

/** A side's docs have errors: the diff stops, with the side's diagnostics (file names from the working directory). */
export class DocErrors extends InputError {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
    readonly prefix: string,
  ) {
    super(message);
  }
}

/** Throws InputError (or DocErrors) for input that cannot be diffed. */
export async function diffInputs({ paths, git, policy, baseline }: DiffInputs): Promise<DiffReport> {
  const [before, after] = await readSides(
    git !== undefined ? openGitSide(git) : openSide(paths[0]!),
    openSide(git !== undefined ? (paths[0] ?? workTreePath(git)) : paths[1]!),
  );
  for (const side of [before, after]) {
    const { errors } = countBySeverity(side.diagnostics);
    if (errors > 0) throw new DocErrors(`${side.label}: ${errors} error(s) in the docs; fix them to diff`, side.diagnostics, side.prefix);
  }
  const labels = { old: before.label, new: after.label };
  return withDocPaths(diffGraphs(before.graph, after.graph, { labels, ...(policy ? { policy } : {}), ...(baseline ? { baseline } : {}) }), before, after);
}

/** `--git main:docs` compares with `docs` in the work tree; `--git main` with the default docs folder. */
function workTreePath(spec: string): string {
  const colon = spec.indexOf(":");
  return colon < 0 ? DEFAULT_DOCS : spec.slice(colon + 1) || ".";
}

/** Source paths in the graphs are relative to each side's docs folder; name them from where the user stands. */
function withDocPaths(report: DiffReport, before: Side, after: Side): DiffReport {
  if (!before.prefix && !after.prefix) return report;
  const located = <T extends { changes: Change[] }>(item: T): T => ({
    ...item,
    changes: item.changes.map((change) => {
      const prefix = change.side === "old" ? before.prefix : after.prefix;
      // Operation docs sit beside the models folder: `<prefix>../sdks/<group>/README.md` names the sdks folder.
      return { ...change, source: { ...change.source, file: path.posix.normalize(`${prefix}${change.source.file}`) } };
    }),
  });
  return { ...report, operations: report.operations.map(located), models: report.models.map(located) };
}
