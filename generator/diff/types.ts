/** What `docschema diff` produces: plain data, so every format (text, markdown, json, github, changelog) renders the same report. */
import type { ModelId, ModelKind, SourceLocation } from "../model/types.js";

export type ChangeKind =
  | "model-added"
  | "model-removed"
  | "model-renamed"
  | "kind-changed"
  | "field-added"
  | "field-removed"
  | "field-required"
  | "field-optional"
  | "field-nullable"
  | "field-not-nullable"
  | "type-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "union-member-added"
  | "union-member-removed"
  | "deprecated"
  | "description-changed"
  | "example-changed"
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "operation-moved"
  | "error-added"
  | "error-removed";

/** How a type change relates the old values to the new ones. */
export type Compat = "widening" | "narrowing" | "incompatible";

export type ChangeSeverity = "breaking" | "warning" | "info";

/** Who is hurt by a change: callers writing the model (request), reading it (response), or both. */
export type Direction = "request" | "response" | "both";

/** The version bump a release with these changes calls for: major (breaking), minor (additive), patch (docs only). */
export type Semver = "major" | "minor" | "patch" | "none";

/** A difference between the old and the new model (or operation), before classification. */
export interface RawChange {
  kind: ChangeKind;
  /**
   * The field path from the model to where the change is, when a field (or a method's request or response) now
   * names another model and the two were compared in place: `part`, `items[]`, `response`.
   */
  via?: string;
  /** The field, enum value or union member the change is about; absent for changes of the model itself. */
  subject?: string;
  /** A field was added as required (field-added), or the added/removed field is required. */
  required?: boolean;
  before?: string;
  after?: string;
  compat?: Compat;
  /** enum-value-added: the enum is open, so it already admitted the value. */
  open?: true;
  /** Where to look in the docs: the new docs, except for what only the old docs have. */
  source: SourceLocation;
  side: "old" | "new";
}

export interface Change extends RawChange {
  severity: ChangeSeverity;
  /** The rule that decided the severity (see ./classify.ts). */
  rule: string;
  /** The use of the model that decided the severity. */
  decidedBy: Direction;
  /** Stable across runs and unrelated edits: the key of a baseline entry (see ./fingerprint.ts). */
  fingerprint: string;
}

/** An SDK method as users call it (`prompts.list()`), with its operationID. */
export interface OperationRef {
  id: string;
  call: string;
}

export interface Impact {
  /** A root model: one an operation sends or receives, or one nothing references. */
  root: ModelId;
  /** `Root → choices[].message.toolCalls[].function`: the fields leading from the root to the changed model. */
  path: string;
  /** `request` or `response` for the operations listed; `both` for a root no operation uses (assumed). */
  direction: Direction;
  /** The worst of the model's changes for this direction. */
  severity: ChangeSeverity;
  /** The operations that send (request) or receive (response) the root. */
  operations: OperationRef[];
}

export interface ModelDiff {
  id: ModelId;
  kind: ModelKind;
  status: "added" | "removed" | "renamed" | "changed";
  /** For renames: the old id. Several old models may continue as one new model (merged): (id, renamedFrom) is unique. */
  renamedFrom?: ModelId;
  direction: Direction;
  /** Highest severity of its changes. */
  severity: ChangeSeverity;
  changes: Change[];
  impact: Impact[];
}

/** A model change reached from an operation, rated by the way the operation uses it. */
export interface OperationImpact {
  side: "request" | "response";
  /** From the method's request, response or error model to the changed model: `response.data[].prompt`, `errors.NotFound.detail`. */
  path: string;
  model: ModelId;
  renamedFrom?: ModelId;
  /** The worst of the model's changes for `side`. */
  severity: ChangeSeverity;
}

export interface OperationDiff {
  /** The operationID. */
  id: string;
  /** How users call the method (`humanReviewSets.list()`): as it is now, or as it was for a removed method. */
  call: string;
  status: "added" | "removed" | "changed";
  /** Highest severity of its changes and impact. */
  severity: ChangeSeverity;
  /** Changes of the method itself: added, removed, renamed, moved, deprecated, request/response/error models replaced. */
  changes: Change[];
  /** Model changes the method reaches, worst first. */
  impact: OperationImpact[];
}

/** What the docs of a side cannot show, so the diff cannot see it change: TS docs state neither nullability nor integers. */
export type Unseen = "nullability" | "integers";

export interface DiffReport {
  format: "docschema-diff";
  version: 2;
  old: SideSummary;
  new: SideSummary;
  /** `operations`: directions come from operation docs; `assumed`: no operation docs, every model counts as both. */
  directions: "operations" | "assumed";
  /** The suggested version bump: major for breaking changes, minor for additive ones, patch for docs only. */
  semver: Semver;
  unseen: Unseen[];
  summary: {
    breaking: number;
    warning: number;
    info: number;
    models: { added: number; removed: number; renamed: number; changed: number };
    operations: { added: number; removed: number; changed: number };
    /** Number of changes of each kind (only kinds that occur), keys sorted. */
    changes: Partial<Record<ChangeKind, number>>;
    /** Changes left out: by `exclude` (rules), by the baseline; and baseline entries that matched no change. */
    ignored: { excluded: number; baseline: number; unmatchedBaseline: string[] };
  };
  /** Sorted by severity (breaking first), then call. */
  operations: OperationDiff[];
  /** Sorted by severity (breaking first), then id. */
  models: ModelDiff[];
}

export interface SideSummary {
  label: string;
  models: number;
  operations: number;
}

/**
 * A team's release policy: the severity of any rule, for both directions or each, and the rules whose changes are
 * left out. Checked by ./policy.ts; a config file can hold the same object under a `diff` key.
 */
export interface DiffPolicy {
  /** `{ "union-member-added": { "response": "info" }, "model-renamed": "breaking" }`. */
  rules?: Record<string, ChangeSeverity | { request?: ChangeSeverity; response?: ChangeSeverity }>;
  /** Rules whose changes are left out of the report: `["description-changed", "example-changed"]`. */
  exclude?: string[];
}

/** A known change, left out of the report: its fingerprint, and why it is accepted. */
export interface BaselineEntry {
  /** A change's `fingerprint` in the JSON report. */
  fingerprint: string;
  /** Why the change is accepted: required, so a baseline says what it hides. */
  reason: string;
}
