/**
 * Release notes grouped by SDK method, the way an SDK vendor writes them: per method, each place in its request,
 * response or errors that was added, removed or changed, and whether that breaks callers of the method. Models no
 * method reaches follow, by id.
 */
import { compareIds } from "../../model/type-expr.js";
import type { Change, ChangeKind, DiffReport, ModelDiff, OperationDiff } from "../types.js";
import { describe, semverLine, unseenLine } from "./describe.js";

interface Entry {
  /** `response.data[].prompt`, an error model's id, or "" for the method itself. */
  place: string;
  verb: "Added" | "Removed" | "Changed" | "Renamed" | "Deprecated";
  /** The old call of a renamed or moved method. */
  from?: string;
  breaking: boolean;
}

/** Changes whose subject is a field (others name an enum value or a union member). */
const FIELD_CHANGES = new Set<ChangeKind>(["field-added", "field-removed", "field-required", "field-optional", "field-nullable", "field-not-nullable", "type-changed", "deprecated", "description-changed", "example-changed"]);

export function formatChangelog(report: DiffReport): string {
  const lines = [`# Changelog: ${report.old.label} → ${report.new.label}`, "", `${capitalised(semverLine(report))}.`, ""];
  const unseen = unseenLine(report);
  if (unseen) lines.push(`> ${capitalised(unseen)}.`, "");
  const models = new Map(report.models.map((m) => [key(m.id, m.renamedFrom), m]));
  if (report.operations.length) {
    lines.push("## SDK methods", "");
    for (const op of [...report.operations].sort((a, b) => compareIds(a.call, b.call))) lines.push(...methodLines(op, models));
    lines.push("");
  }
  const unreached = report.models.filter((m) => m.impact.every((i) => i.operations.length === 0));
  if (unreached.length) {
    lines.push(report.directions === "operations" ? "## Models no SDK method reaches" : "## Models", "");
    for (const model of unreached) {
      const changes = model.changes.map((c) => `${describe(c, code)}${mark(c.severity === "breaking")}`);
      lines.push(...bullet(`${code(model.id)}${model.renamedFrom ? ` (was ${code(model.renamedFrom)})` : ""}`, changes));
    }
    lines.push("");
  }
  if (!report.operations.length && !report.models.length) lines.push("No schema changes.", "");
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function methodLines(op: OperationDiff, models: ReadonlyMap<string, ModelDiff>): string[] {
  const entries = new Map<string, Entry>();
  const add = (entry: Entry) => {
    const id = `${entry.place}\u0000${entry.verb}`;
    const found = entries.get(id);
    if (found) found.breaking ||= entry.breaking;
    else entries.set(id, entry);
  };
  for (const change of op.changes) add(methodEntry(change));
  for (const impact of op.impact) {
    for (const change of models.get(key(impact.model, impact.renamedFrom))?.changes ?? []) {
      // Breaking for this method when the change breaks and the path to it is rated breaking for this side.
      add({ place: placeOf(impact.path, change), verb: verbOf(change.kind), breaking: change.severity === "breaking" && impact.severity === "breaking" });
    }
  }
  const items = [...entries.values()].sort((a, b) => compareIds(a.place, b.place)).map(entryText);
  return bullet(`${code(op.call)} (${code(op.id)})`, items);
}

/** A change of the method itself. */
function methodEntry(change: Change): Entry {
  const breaking = change.severity === "breaking";
  switch (change.kind) {
    case "operation-added":
    case "operation-removed":
    case "deprecated":
      return { place: "", verb: verbOf(change.kind), breaking };
    case "operation-renamed":
    case "operation-moved":
      return { place: "", verb: "Renamed", from: change.before!, breaking };
    case "error-added":
      return { place: change.after!, verb: "Added", breaking };
    case "error-removed":
      return { place: change.before!, verb: "Removed", breaking };
    default:
      return { place: placeOf("", change), verb: verbOf(change.kind), breaking };
  }
}

/** The path to the model, then the field path the change was found through, then the field it is about. */
function placeOf(path: string, change: Change): string {
  const field = change.subject !== undefined && FIELD_CHANGES.has(change.kind) ? change.subject : undefined;
  const steps = [path, change.via, field].filter((step) => step !== undefined && step !== "");
  return steps.join(".").replace(/\.(?=[[{])/g, "");
}

function verbOf(kind: ChangeKind): Entry["verb"] {
  switch (kind) {
    case "field-added":
    case "operation-added":
    case "model-added":
      return "Added";
    case "field-removed":
    case "operation-removed":
    case "model-removed":
      return "Removed";
    case "model-renamed":
      return "Renamed";
    case "deprecated":
      return "Deprecated";
    default:
      return "Changed";
  }
}

function entryText({ place, verb, from, breaking }: Entry): string {
  return `${place ? `${code(place)} ` : ""}**${verb}**${from ? ` from ${code(from)}` : ""}${mark(breaking)}`;
}

/** One line when there is one item, else the head and the items below it. */
function bullet(head: string, items: readonly string[]): string[] {
  return items.length === 1 ? [`* ${head}: ${items[0]}`] : [`* ${head}:`, ...items.map((item) => `  * ${item}`)];
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
