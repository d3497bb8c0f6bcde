/**
 * Severity of a change, decided by one rule per kind of change and the direction of the model: each rule says
 * what the change does to callers who write the model (request) and to callers who read it (response). A model
 * used both ways takes the worse of the two.
 */
import type { Model } from "../model/types.js";
import type { Change, ChangeSeverity, Direction, RawChange } from "./types.js";

export interface Rule {
  id: string;
  request: ChangeSeverity;
  response: ChangeSeverity;
  /** One line for the rules table of the docs. */
  why: string;
}

const rule = (id: string, request: ChangeSeverity, response: ChangeSeverity, why: string): Rule => ({ id, request, response, why });

/** Every rule, in the order of the rules table of the README (a test keeps them equal). */
export const RULES = [
  rule("model-removed", "breaking", "breaking", "code using the type no longer compiles; the API no longer takes or returns it"),
  rule("kind-changed", "breaking", "breaking", "an object became an enum or a union (or the reverse): every use changes"),
  rule("model-renamed", "warning", "warning", "same structure under a new name: the wire format holds, code importing the old name breaks"),
  rule("model-added", "info", "info", "new type; nothing existing uses it unless another change says so"),
  rule("required-field-added", "breaking", "info", "writers must now send it; readers just get more"),
  rule("optional-field-added", "info", "info", "additive both ways"),
  rule("field-removed", "warning", "breaking", "readers lose data they may use; writers still sending it are ignored (or fail excess-property checks)"),
  rule("field-became-required", "breaking", "info", "writers must now always send it; readers always get it"),
  rule("field-became-optional", "info", "breaking", "readers may now get undefined; writers may leave it out"),
  rule("field-became-nullable", "info", "breaking", "readers may now get null"),
  rule("field-became-non-nullable", "breaking", "info", "writers may no longer send null"),
  rule("type-widened", "info", "breaking", "the type accepts more values (`number → number | string`, `integer → number`, closed → open enum): readers may get values they do not handle"),
  rule("type-narrowed", "breaking", "info", "the type accepts fewer values: writers may send values that are now refused"),
  rule("type-incompatible", "breaking", "breaking", "neither type contains the other (`number → string`, `X → X[]`, `A → B`)"),
  rule("enum-value-added", "info", "breaking", "readers of a closed enum may get a value they do not handle"),
  rule("open-enum-value-added", "info", "info", "an open enum already admits unknown values"),
  rule("enum-value-removed", "breaking", "info", "writers may send a value that is now refused"),
  rule("union-member-added", "info", "breaking", "readers may get a shape they do not handle"),
  rule("union-member-removed", "breaking", "info", "writers may send a shape that is now refused"),
  rule("deprecated", "warning", "warning", "still works, will be removed"),
  rule("description-changed", "info", "info", "documentation only"),
  rule("example-changed", "info", "info", "documentation only"),
] as const satisfies readonly Rule[];

const RULES_BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export const SEVERITY_RANK: Record<ChangeSeverity, number> = { breaking: 0, warning: 1, info: 2 };

export function ruleFor(change: RawChange, model: Model): Rule {
  const id = ((): string => {
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
        return model.kind === "enum" && model.open ? "open-enum-value-added" : "enum-value-added";
      default:
        return change.kind;
    }
  })();
  return RULES_BY_ID.get(id)!;
}

export function classify(change: RawChange, model: Model, direction: Direction): Change {
  const rule = ruleFor(change, model);
  let severity: ChangeSeverity;
  let decidedBy: Direction;
  if (direction !== "both") {
    severity = rule[direction];
    decidedBy = direction;
  } else {
    const worse = SEVERITY_RANK[rule.request] - SEVERITY_RANK[rule.response];
    severity = worse <= 0 ? rule.request : rule.response;
    decidedBy = worse === 0 ? "both" : worse < 0 ? "request" : "response";
  }
  return { ...change, severity, rule: rule.id, decidedBy };
}
