/**
 * The data types of the public API, named one by one (the semver promise covers exactly these): the model graph
 * (the `schema.json` format), diagnostics, the diff report (the `diff --format json` format) and the emit options.
 */
export type {
  Diagnostic,
  EnumModel,
  Field,
  Flavour,
  Model,
  ModelGraph,
  ModelId,
  ModelKind,
  ObjectModel,
  Operation,
  PrimitiveName,
  Severity,
  SourceLocation,
  TypeExpr,
  UnionMember,
  UnionModel,
} from "../model/types.js";
export type { Change, ChangeKind, ChangeSeverity, Compat, DiffReport, Direction, Impact, ModelDiff, SideSummary } from "../diff/types.js";
export type { DatePolicy, EmitOptions, NullPolicy, UnknownKeys, ValidatorKind } from "../emit/options.js";
export type { EmitResult, OutputFile } from "../emit/output.js";
export type { FormatName } from "../diff/format/index.js";
