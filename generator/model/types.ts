/**
 * The model graph: plain data that every stage after parsing reads.
 * It serialises to JSON as is (see ./json.ts), so keep it free of classes, maps and cycles of objects:
 * references between models are ids, never object pointers.
 */

/** `"components.ChatMessage"`: namespace and title, the key of a model (the same title may live in two namespaces). */
export type ModelId = string;

export type Flavour = "typescript" | "python";

/**
 * `datetime` is a date-time (`Date`), `date` a calendar date (Speakeasy's `RFCDate`, `YYYY-MM-DD`); `bigint` and
 * `decimal` are Speakeasy's arbitrary-precision numbers (`BigInt`, `Decimal`); `unknown` is a type the docs spell in a
 * way docschema does not know, kept only with `--unknown-types unknown`.
 */
export type PrimitiveName = "string" | "number" | "integer" | "bigint" | "decimal" | "boolean" | "any" | "unknown" | "datetime" | "date" | "binary";

/** A type expression, as written in a Type cell or a union member heading. */
export type TypeExpr =
  | { kind: "primitive"; name: PrimitiveName }
  | { kind: "literal"; value: string | number | boolean }
  /** A reference to another model. In parse fragments `id` is only what the doc says; the graph builder resolves it. */
  | { kind: "ref"; id: ModelId; link?: RefLink }
  | { kind: "array"; items: TypeExpr }
  | { kind: "map"; values: TypeExpr }
  | { kind: "union"; members: TypeExpr[] }
  | { kind: "nullable"; type: TypeExpr }
  /** A server-sent event stream whose events are `type`. */
  | { kind: "stream"; type: TypeExpr };

/**
 * Where a reference points, as written. Only parse fragments carry it: the graph builder resolves the
 * reference through it (link target first, then namespace-qualified name) and drops it.
 */
export interface RefLink {
  /** The link target resolved against the doc's folder, relative to the input folder; absent for italic refs. */
  target?: string;
  at: SourceLocation;
}

export interface SourceLocation {
  /** Path relative to the input folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
}

/** What a merged doc set (`generate --merge`) can add to the primary docs. */
export type MergedFact =
  /** The field's `nullable`, and `nullable` nodes inside its type (Python `Nullable[…]`). */
  | "nullability"
  /** `integer` where the primary docs say `number` (Python `int`). */
  | "integer";

/** The counterpart of a model, field or union member in the docs merged in (`generate --merge`): where the facts came from. */
export interface Twin {
  /** Its name there: a model's id (`models.GetEvalsEvalsResponseBody`), a field's SDK name (`finish_reason`); absent for union members. */
  name?: string;
  /** Relative to the merged docs folder. */
  source: SourceLocation;
  /** The facts it gave; absent when it confirmed what the primary docs say. */
  facts?: MergedFact[];
}

export interface Field {
  /** SDK name as the docs spell it (camelCase in TS docs, snake_case in Python docs). */
  name: string;
  type: TypeExpr;
  required: boolean;
  /**
   * `true`/`false` where the docs say: Python `Nullable[...]`, or (`nullableFrom: "example"`) a `null` for this field in
   * the doc's own example, where the Type column does not tell (TS docs, Python lists, maps and dates); absent otherwise.
   */
  nullable?: boolean;
  nullableFrom?: "example";
  deprecated?: boolean;
  description?: string;
  /** Raw text of the Example column. */
  example?: string;
  source: SourceLocation;
  twin?: Twin;
}

interface ModelBase {
  id: ModelId;
  name: string;
  namespace: string;
  description?: string;
  deprecated?: boolean;
  /** Source of the `## Example Usage` code block, when the doc has one. */
  example?: string;
  source: SourceLocation;
  twin?: Twin;
}

export interface ObjectModel extends ModelBase {
  kind: "object";
  fields: Field[];
  /** Value type of the open-object catch-all row (`additionalProperties` / `__pydantic_extra__`), when present. */
  additionalProperties?: TypeExpr;
}

export interface EnumModel extends ModelBase {
  kind: "enum";
  values: (string | number)[];
  /** The members' names, one per value, where the docs give them (a `Name | Value` table): `FinishReason.ToolCalls`. */
  names?: string[];
  /** The doc line of each value, in the order of `values`: where a diff points at an added or removed value. */
  valueLines?: number[];
  /** Open enum: values end in `Unrecognized<string>`, so any value of that type is accepted. */
  open?: boolean;
}

export interface UnionMember {
  type: TypeExpr;
  /** Source of the member's example code block. */
  example?: string;
  source: SourceLocation;
  twin?: Twin;
}

export interface UnionModel extends ModelBase {
  kind: "union";
  members: UnionMember[];
}

export type Model = ObjectModel | EnumModel | UnionModel;
export type ModelKind = Model["kind"];

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Stable identifier of the rule that fired, e.g. `unknown-type`, for tests and filters. */
  code: string;
}

/**
 * An SDK operation from `docs/sdks/<group>/README.md`: which models the caller writes and which it reads. It gives every model reachable from it a direction, which decides what a change breaks.
 */
export interface Operation {
  /** The `operationID` of the usage snippet (`post_/v2/router/chat/completions`), else `<group>.<name>`. */
  id: string;
  /** The README's title (`Chat`) and the method's heading (`create`). */
  group: string;
  name: string;
  method?: string;
  path?: string;
  deprecated?: boolean;
  /** Models named in the Parameters table: what the caller sends. */
  request: ModelId[];
  /** Models named in the Response section and the Errors table: what the caller receives. */
  response: ModelId[];
  /** The models of `response` that come from the Errors table. */
  errors?: ModelId[];
  source: SourceLocation;
}

export interface ModelGraph {
  format: "docschema-graph";
  version: 1;
  flavour: Flavour;
  /** Sorted by id. */
  models: Model[];
  /** Sorted by id; present when the docs folder has operation docs beside it (`docs/sdks/` next to `docs/models/`). */
  operations?: Operation[];
  /** With `generate --merge`: the flavour of the docs merged in; `twin` on models, fields and members says what each gave. */
  merged?: { flavour: Flavour };
}

/** One model doc as the parser leaves it: a model fragment whose references are not resolved yet (see RefLink). */
export interface ParsedDoc {
  file: string;
  /** Absent when the doc could not be understood; the diagnostics then say why. */
  model?: Model;
  /** Which flavour the doc is written in, when it shows. */
  flavour?: Flavour;
  diagnostics: Diagnostic[];
}
