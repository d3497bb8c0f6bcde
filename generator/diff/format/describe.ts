/** One sentence per change, shared by every human-facing format. `code` wraps names (backticks in markdown). */
import type { Change, DiffReport, ModelDiff } from "../types.js";

export function describe(change: Change, code: (text: string) => string = (text) => text): string {
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
      return `${change.subject !== undefined ? `${field}type` : "type"}: ${code(change.before!)} → ${code(change.after!)} (${change.compat})`;
    case "enum-value-added":
      return `value ${code(change.subject!)} added`;
    case "enum-value-removed":
      return `value ${code(change.subject!)} removed`;
    case "union-member-added":
      return `member ${code(change.subject!)} added`;
    case "union-member-removed":
      return `member ${code(change.subject!)} removed`;
    case "deprecated":
      return `${field}deprecated`.trim();
    case "description-changed":
      return `${field}description changed`;
    case "example-changed":
      return `${field}example changed: ${code(short(change.before ?? "(none)"))} → ${code(short(change.after ?? "(none)"))}`;
  }
}

/** The model's direction, and why it is both when no operation says so. */
export function directionNote(model: ModelDiff, report: DiffReport): string {
  if (report.directions === "assumed") return "both, assumed: no operation docs";
  if (model.impact.every((impact) => impact.operations.length === 0)) return "both, assumed: no operation reaches it";
  return model.direction;
}

export function headline(report: DiffReport): string {
  const { breaking, warning, info, models } = report.summary;
  const parts = [`${breaking} breaking`, `${warning} warning${warning === 1 ? "" : "s"}`, `${info} info`];
  const counts = (["added", "removed", "renamed", "changed"] as const).filter((k) => models[k] > 0).map((k) => `${models[k]} ${k}`);
  return `${parts.join(", ")} in ${counts.length ? counts.join(", ") : "0 changed"} model(s)`;
}

export function directionsLine(report: DiffReport): string {
  const operations = report.new.operations || report.old.operations;
  return report.directions === "operations"
    ? `directions from the operation docs (${operations} operation${operations === 1 ? "" : "s"})`
    : "no operation docs: every model is classified for both requests and responses";
}

function short(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
