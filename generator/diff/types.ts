/** What `docschema diff` produces: plain data, so every format (text, markdown, json, github) renders the same report. */
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
  | "example-changed";

/** How a type change relates the old values to the new ones. */
export type Compat = "widening" | "narrowing" | "incompatible";

export type ChangeSeverity = "breaking" | "warning" | "info";

/** Who is hurt by a change: callers writing the model (request), reading it (response), or both. */
export type Direction = "request" | "response" | "both";

/** A difference between the old and the new model, before classification. */
export interface RawChange {
  kind: ChangeKind;
  /** The field, enum value or union member the change is about; absent for changes of the model itself. */
  subject?: string;
  /** A field was added as required (field-added), or the added/removed field is required. */
  required?: boolean;
  before?: string;
  after?: string;
  compat?: Compat;
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
}

export interface Impact {
  /** A root model: one an operation sends or receives, or one nothing references. */
  root: ModelId;
  /** `Root → choices[].message.toolCalls[].function`: the fields leading from the root to the changed model. */
  path: string;
  /** Ids of the operations that send or receive the root. */
  operations: string[];
}

export interface ModelDiff {
  id: ModelId;
  kind: ModelKind;
  status: "added" | "removed" | "renamed" | "changed";
  /** For renames: the old id. */
  renamedFrom?: ModelId;
  direction: Direction;
  /** Highest severity of its changes. */
  severity: ChangeSeverity;
  changes: Change[];
  impact: Impact[];
}

export interface DiffReport {
  format: "docschema-diff";
  version: 1;
  old: SideSummary;
  new: SideSummary;
  /** `operations`: directions come from operation docs; `assumed`: no operation docs, every model counts as both. */
  directions: "operations" | "assumed";
  summary: {
    breaking: number;
    warning: number;
    info: number;
    models: { added: number; removed: number; renamed: number; changed: number };
    /** Number of changes of each kind (only kinds that occur), keys sorted. */
    changes: Partial<Record<ChangeKind, number>>;
  };
  /** Sorted by severity (breaking first), then id. */
  models: ModelDiff[];
}

export interface SideSummary {
  label: string;
  models: number;
  operations: number;
}
