/** One sentence per change, shared by every human-facing format. `code` wraps names (backticks in markdown). */
import type { Change, DiffReport, Impact, ModelDiff } from "../types.js";

export function describe(change: Change, code: (text: string) => string = (text) => text): string {
  const sentence = sentenceOf(change, code);
  return change.via !== undefined ? `${code(change.via)}: ${sentence}` : sentence;
}

function sentenceOf(change: Change, code: (text: string) => string): string {
  const field = change.subject !== undefined ? `field ${code(change.subject)} ` : "";
  switch (change.kind) {
    case "model-added":
      return `new ${change.after}`;
    case "model-removed":
      return `${change.before} removed`;
    case "model-renamed":
      return `renamed from ${code(change.before!)}`;
    case "kind-changed":
      return `kind changed: ${change.before} → ${change.after}`;
    case "field-added":
      return `${field}added (${change.required ? "required" : "optional"}, ${code(change.after!)})`;
    case "field-removed":
      return `${field}removed (was ${change.required ? "required" : "optional"}, ${code(change.before!)})`;
    case "field-required":
      return `${field}is now required`;
    case "field-optional":
      return `${field}is now optional`;
    case "field-nullable":
      return `${field}is now nullable`;
    case "field-not-nullable":
      return `${field}is no longer nullable`;
    case "type-changed":
      return `${field}type: ${code(change.before!)} → ${code(change.after!)} (${change.compat})`;
    case "enum-value-added":
      return `value ${code(change.subject!)} added`;
    case "enum-value-removed":
      return `value ${code(change.subject!)} removed`;
    case "union-member-added":
      return `member ${code(change.subject!)} added`;
    case "union-member-removed":
      return `member ${code(change.subject!)} removed`;
    case "deprecated":
      return `${field}deprecated`;
    case "description-changed":
      return `${field}description changed`;
    case "example-changed":
      return `${field}example changed: ${code(short(change.before ?? "(none)"))} → ${code(short(change.after ?? "(none)"))}`;
    case "operation-added":
      return `new method ${code(change.after!)}`;
    case "operation-removed":
      return `method ${code(change.before!)} removed`;
    case "operation-renamed":
      return `renamed: ${code(change.before!)} → ${code(change.after!)}`;
    case "operation-moved":
      return `moved: ${code(change.before!)} → ${code(change.after!)}`;
    case "error-added":
      return `error ${code(change.after!)} added`;
    case "error-removed":
      return `error ${code(change.before!)} removed`;
  }
}

/** The model's direction, and why it is both when no operation says so. */
export function directionNote(model: ModelDiff, report: DiffReport): string {
  if (report.directions === "assumed") return "both, assumed: no operation docs";
  if (model.impact.every((impact) => impact.operations.length === 0)) return "both, assumed: no operation reaches it";
  return model.direction;
}

/** `response: prompts.list(), prompts.retrieve()`, or "" for a root no operation uses. */
export function callsOf(impact: Impact, code: (text: string) => string = (text) => text, shown = 3): string {
  if (impact.operations.length === 0) return "";
  const calls = impact.operations.slice(0, shown).map((op) => code(op.call));
  const more = impact.operations.length > shown ? ` (+${impact.operations.length - shown} more)` : "";
  return `${impact.direction}: ${calls.join(", ")}${more}`;
}

export function headline(report: DiffReport): string {
  const { breaking, warning, info, models, operations } = report.summary;
  const parts = [`${breaking} breaking`, `${warning} warning${warning === 1 ? "" : "s"}`, `${info} info`];
  const counts = (["added", "removed", "renamed", "changed"] as const).filter((k) => models[k] > 0).map((k) => `${models[k]} ${k}`);
  const methods = operations.added + operations.removed + operations.changed;
  const where = `${counts.length ? counts.join(", ") : "0 changed"} model(s)${methods ? `, ${methods} SDK method(s)` : ""}`;
  return `${parts.join(", ")} in ${where}`;
}

export function directionsLine(report: DiffReport): string {
  const operations = report.new.operations || report.old.operations;
  return report.directions === "operations"
    ? `directions from the operation docs (${operations} operation${operations === 1 ? "" : "s"})`
    : "no operation docs: every model is classified for both requests and responses";
}

/** `suggested version bump: major (breaking changes)`. */
export function semverLine(report: DiffReport): string {
  const why = { major: "breaking changes", minor: "additive changes, nothing breaking", patch: "documentation only", none: "no changes" }[report.semver];
  return `suggested version bump: ${report.semver} (${why})`;
}

/** What the docs cannot show: one line, or none when both sides show everything the diff compares. */
export function unseenLine(report: DiffReport): string | undefined {
  if (report.unseen.length === 0) return undefined;
  const what = report.unseen.map((u) => (u === "nullability" ? "nullability (a field that became nullable)" : "integer vs number (an integer that became a float)"));
  return `not seen: TS docs do not show ${what.join(" or ")}; diff graphs merged with the Python docs to see them`;
}

/** Changes a policy left out, and baseline entries that no longer match anything (stale). */
export function ignoredLine(report: DiffReport): string | undefined {
  const { excluded, baseline, unmatchedBaseline } = report.summary.ignored;
  const parts = [
    ...(excluded ? [`${excluded} change(s) of excluded rules`] : []),
    ...(baseline ? [`${baseline} change(s) in the baseline`] : []),
    ...(unmatchedBaseline.length ? [`${unmatchedBaseline.length} baseline entr${unmatchedBaseline.length === 1 ? "y matches" : "ies match"} no change (${unmatchedBaseline.join(", ")})`] : []),
  ];
  return parts.length ? `left out: ${parts.join("; ")}` : undefined;
}

function short(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
