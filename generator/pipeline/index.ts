/**
 * The pipeline's public face: everything the CLI (and a script) calls. Reading folders, worker pools, caches and
 * writing output happen behind it; the stages it runs are pure (../parse, ../build, ../emit, ../diff). Nothing
 * here loads remark or ts-morph until a job needs them, so `diff` of two snapshots starts in a blink.
 */
export { generate, summarize, type GenerateOptions, type GenerateResult } from "./generate.js";
export { loadGraph, type LoadedGraph, type LoadOptions } from "./load.js";
export { UNKNOWN_TYPES, type UnknownTypes } from "./unknown-types.js";
export { loadMergedGraph } from "./merge.js";
export { DocErrors, diffInputs, type DiffInputs } from "./diff.js";
export { InputError, IoError } from "./errors.js";
export { readBaseline, readPolicy, withExcluded } from "./policy.js";
export type { OutputDrift } from "./output.js";
export { emit } from "./emit.js";
export type { EmitResult, OutputFile } from "../emit/output.js";
export { DEFAULT_OPTIONS, OPTION_CHOICES, type EmitOptions } from "../emit/options.js";
export { diffGraphs, reaches } from "../diff/index.js";
export { FORMAT_NAMES, formatReport, type FormatName } from "../diff/format/index.js";
export type { DiffReport } from "../diff/types.js";
export type { BaselineEntry, DiffPolicy } from "../diff/policy.js";
export { countBySeverity, hasErrors } from "../model/diagnostics.js";
export { parseGraph, serializeGraph } from "../model/json.js";
export type * from "../model/types.js";
export { DEFAULT_CACHE_DIR, DEFAULT_INPUT, DEFAULT_OUT, JSON_SCHEMA_LAYOUTS, OUTPUT_KINDS, resolveCacheDir, resolveDiffConfig, resolveTargets, type LoadedConfig, type ResolvedTarget, type TargetOverrides } from "./config.js";
export { loadConfig } from "./config-file.js";
export { FORMATS } from "../diff/format/index.js";
export { watch } from "./api.js";
export type { WatchEvent, WatchOptions, Watcher } from "./watch.js";
export { mustBeFolder } from "./api.js";
