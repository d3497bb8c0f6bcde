/**
 * Release notes grouped by SDK method, the way an SDK vendor writes them: per method, each place in its request,
 * response or errors that was added, removed or changed, and whether that breaks callers of the method. Models no
 * method reaches follow, by id.
 */
import type { Change, DiffReport, ModelDiff, OperationDiff } from "../types.js";
import { describe, semverLine, unseenLine } from "./describe.js";

interface Entry {
  where: string;
  verb: "Added" | "Removed" | "Changed" | "Renamed" | "Deprecated";
  breaking: boolean;
}

export function formatChangelog(report: DiffReport): string {
  const lines = [`# Changelog: ${report.old.label} → ${report.new.label}`, "", `${capitalised(semverLine(report))}.`, ""];
  const unseen = unseenLine(report);
  if (unseen) lines.push(`> ${capitalised(unseen)}.`, "");
  const models = new Map(report.models.map((m) => [key(m.id, m.renamedFrom), m]));
  if (report.operations.length) {
    lines.push("## SDK methods", "");
    for (const op of [...report.operations].sort((a, b) => (a.call < b.call ? -1 : a.call > b.call ? 1 : 0))) lines.push(...methodLines(op, models));
    lines.push("");
  }
  const unreached = report.models.filter((m) => m.impact.every((i) => i.operations.length === 0));
  if (unreached.length) {
    lines.push(report.operations.length || report.directions === "operations" ? "## Models no SDK method reaches" : "## Models", "");
    for (const model of unreached) {
      const head = `* \`${model.id}\`${model.renamedFrom ? ` (was \`${model.renamedFrom}\`)` : ""}:`;
      const changes = model.changes.map((c) => `${describe(c, code)}${mark(c.severity === "breaking")}`);
      lines.push(...(changes.length === 1 ? [`${head} ${changes[0]}`] : [head, ...changes.map((c) => `  * ${c}`)]));
    }
    lines.push("");
  }
  if (!report.operations.length && !report.models.length) lines.push("No schema changes.", "");
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function methodLines(op: OperationDiff, models: ReadonlyMap<string, ModelDiff>): string[] {
  const entries = new Map<string, Entry>();
  const add = (entry: Entry) => {
    const id = `${entry.where}\u0000${entry.verb}`;
    const found = entries.get(id);
    if (found) found.breaking ||= entry.breaking;
    else entries.set(id, entry);
  };
  for (const change of op.changes) add(methodEntry(change));
  for (const impact of op.impact) {
    for (const change of models.get(key(impact.model, impact.renamedFrom))?.changes ?? []) {
      add({ where: placeOf(impact.path, change), verb: verbOf(change), breaking: change.severity === "breaking" && impact.severity === "breaking" });
    }
  }
  const head = `* \`${op.call}\` (\`${op.id}\`):`;
  const items = [...entries.values()].sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0)).map(entryText);
  return items.length === 1 ? [`${head} ${items[0]}`] : [head, ...items.map((item) => `  * ${item}`)];
}

/** A change of the method itself. */
function methodEntry(change: Change): Entry {
  const breaking = change.severity === "breaking";
  switch (change.kind) {
    case "operation-added":
      return { where: "", verb: "Added", breaking };
    case "operation-removed":
      return { where: "", verb: "Removed", breaking };
    case "operation-renamed":
    case "operation-moved":
      return { where: `from \`${change.before}\``, verb: "Renamed", breaking };
    case "deprecated":
      return { where: "", verb: "Deprecated", breaking };
    case "error-added":
      return { where: `\`${change.after}\``, verb: "Added", breaking };
    case "error-removed":
      return { where: `\`${change.before}\``, verb: "Removed", breaking };
    default:
      return { where: `\`${placeOf(change.via ?? "", change)}\``, verb: verbOf(change), breaking };
  }
}

/** `response.data[].prompt` plus the field the change is about, if it is about a field. */
function placeOf(path: string, change: Change): string {
  const steps = [path, change.kind === "operation-renamed" ? undefined : change.via && path !== change.via ? change.via : undefined];
  const field = change.kind.startsWith("field-") || ((change.kind === "type-changed" || change.kind === "deprecated" || change.kind === "description-changed" || change.kind === "example-changed") && change.subject !== undefined);
  if (field) steps.push(change.subject);
  const place = steps.filter((step): step is string => Boolean(step)).join(".");
  return place.replace(/\.(?=[[{])/g, "");
}

function verbOf(change: Change): Entry["verb"] {
  if (change.kind === "field-added") return "Added";
  if (change.kind === "field-removed" || change.kind === "model-removed") return "Removed";
  if (change.kind === "model-renamed") return "Renamed";
  return "Changed";
}

function entryText({ where, verb, breaking }: Entry): string {
  const place = where === "" ? "" : where.startsWith("`") || where.startsWith("from") ? `${where} ` : `\`${where}\` `;
  return verb === "Renamed" && where.startsWith("from") ? `**Renamed** ${where}${mark(breaking)}` : `${place}**${verb}**${mark(breaking)}`;
}

function mark(breaking: boolean): string {
  return breaking ? " (Breaking ⚠️)" : "";
}

function key(id: string, renamedFrom: string | undefined): string {
  return `${id}\u0000${renamedFrom ?? ""}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
