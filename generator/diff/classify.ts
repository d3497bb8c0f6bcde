/**
 * Severity of a change, decided by one rule per kind of change and the direction of the model: each rule says
 * what the change does to callers who write the model (request) and to callers who read it (response). A model
 * used both ways takes the worse of the two; each path to it from an operation is rated by its own direction.
 * A policy (./policy.ts) sets any rule's severity per direction.
 */
import type { Change, ChangeSeverity, DiffPolicy, Direction, RawChange } from "./types.js";

export interface Rule {
  id: string;
  request: ChangeSeverity;
  response: ChangeSeverity;
  /** One line for the rules table of the docs. */
  why: string;
  /** Documentation only: a release with nothing else is a patch. */
  docs?: true;
}

const rule = (id: string, request: ChangeSeverity, response: ChangeSeverity, why: string, docs?: true): Rule => ({ id, request, response, why, ...(docs ? { docs } : {}) });

/** Every rule, in the order of the rules table of the README (a test keeps them equal). */
export const RULES = [
  rule("model-removed", "breaking", "breaking", "code using the type no longer compiles; the API no longer takes or returns it"),
  rule("kind-changed", "breaking", "breaking", "an object became an enum or a union (or the reverse): every use changes"),
  rule("model-renamed", "warning", "warning", "the structure lives on under another name (renamed, or merged into a model that continues another): the wire format holds, code importing the old name breaks"),
  rule("model-added", "info", "info", "new type; nothing existing uses it unless another change says so"),
  rule("required-field-added", "breaking", "info", "writers must now send it; readers just get more"),
  rule("optional-field-added", "info", "info", "additive both ways"),
  rule("field-removed", "breaking", "breaking", "readers lose data they may use; writers passing it in an object literal fail TypeScript's excess-property check"),
  rule("field-became-required", "breaking", "info", "writers must now always send it; readers always get it"),
  rule("field-became-optional", "info", "breaking", "readers may now get undefined; writers may leave it out"),
  rule("field-became-nullable", "info", "breaking", "readers may now get null"),
  rule("field-became-non-nullable", "breaking", "info", "writers may no longer send null"),
  rule("type-widened", "info", "breaking", "the type accepts more values (`number → number | string`, `integer → number`, closed → open enum): readers may get values they do not handle"),
  rule("type-narrowed", "breaking", "info", "the type accepts fewer values: writers may send values that are now refused"),
  rule("type-incompatible", "breaking", "breaking", "neither type contains the other (`number → string`, `X → X[]`, `A → B` of other structures)"),
  rule("enum-value-added", "info", "breaking", "readers of a closed enum may get a value they do not handle (exhaustive switches stop compiling)"),
  rule("open-enum-value-added", "info", "info", "an open enum already admits unknown values"),
  rule("enum-value-removed", "breaking", "info", "writers may send a value that is now refused"),
  rule("union-member-added", "info", "breaking", "readers may get a shape they do not handle, as with a closed enum's new value"),
  rule("union-member-removed", "breaking", "info", "writers may send a shape that is now refused"),
  rule("deprecated", "warning", "warning", "still works, will be removed"),
  rule("description-changed", "info", "info", "documentation only", true),
  rule("example-changed", "info", "info", "documentation only", true),
  rule("operation-added", "info", "info", "a new SDK method"),
  rule("operation-removed", "breaking", "breaking", "calls to the method no longer compile; the API no longer serves it"),
  rule("operation-renamed", "breaking", "breaking", "the same operationID under another method name: calls to the old name no longer compile"),
  rule("operation-moved", "breaking", "breaking", "the method moved to another group: calls through the old group no longer compile"),
  rule("error-added", "info", "info", "the method documents another error; errors are thrown, and callers already catch the SDK's base error"),
  rule("error-removed", "info", "info", "the method no longer documents this error"),
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

/** The rules by id, with the severities a policy sets. */
export type RuleBook = ReadonlyMap<string, Rule>;

export function ruleBook(policy: DiffPolicy = {}): RuleBook {
  const book = new Map<string, Rule>(RULES.map((r) => [r.id, r]));
  for (const [id, severity] of Object.entries(policy.rules ?? {})) {
    const base = book.get(id);
    if (!base) continue; // checked when the policy was read
    const set = typeof severity === "string" ? { request: severity, response: severity } : severity;
    book.set(id, { ...base, ...set });
  }
  return book;
}

/** A raw change with the direction that rates it: a model's, or for a method's change, the side it is on. */
export interface Directed {
  change: RawChange;
  direction: Direction;
}

export const SEVERITY_RANK: Record<ChangeSeverity, number> = { breaking: 0, warning: 1, info: 2 };

export function worse(a: ChangeSeverity, b: ChangeSeverity): ChangeSeverity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function ruleIdOf(change: RawChange): string {
  switch (change.kind) {
    case "field-added":
      return change.required ? "required-field-added" : "optional-field-added";
    case "field-required":
      return "field-became-required";
    case "field-optional":
      return "field-became-optional";
    case "field-nullable":
      return "field-became-nullable";
    case "field-not-nullable":
      return "field-became-non-nullable";
    case "type-changed":
      return change.compat === "widening" ? "type-widened" : change.compat === "narrowing" ? "type-narrowed" : "type-incompatible";
    case "enum-value-added":
      return change.open ? "open-enum-value-added" : "enum-value-added";
    default:
      return change.kind;
  }
}

/** The severity of a rule for one direction; for both, the worse of the two. */
export function severityFor(rule: Rule, direction: Direction): ChangeSeverity {
  return direction === "both" ? worse(rule.request, rule.response) : rule[direction];
}

export function classify(change: RawChange, direction: Direction, book: RuleBook): Omit<Change, "fingerprint"> {
  const rule = book.get(ruleIdOf(change))!;
  const severity = severityFor(rule, direction);
  const decidedBy: Direction = direction !== "both" ? direction : rule.request === rule.response ? "both" : rule.request === severity ? "request" : "response";
  return { ...change, severity, rule: rule.id, decidedBy };
}
