/**
 * `import … from "docschema"`: the public API, covered by the README's semver promise. Everything else under
 * dist/ is internal (package.json `exports` does not expose it) and may change in any release.
 */
export { diff, emit, formatReport, generate, loadGraph, parseGraph, serializeGraph, watch } from "./pipeline/api.js";
export type { DiffOptions, GenerateOptions, GraphResult, LoadGraphOptions, OutputOptions } from "./pipeline/api.js";
export type { GenerateResult, OutputDrift } from "./pipeline/results.js";
export { defineConfig, resolveTargets, ConfigError } from "./pipeline/config.js";
export type { Config, DiffConfig, JsonSchemaLayout, LoadedConfig, OutputKind, ResolvedTarget, TargetConfig, TargetOverrides } from "./pipeline/config.js";
export { loadConfig } from "./pipeline/config-file.js";
export { InputError } from "./pipeline/errors.js";
export type { UnknownTypes } from "./pipeline/unknown-types.js";
export type * from "./pipeline/public-types.js";
export type { WatchEvent, WatchOptions, Watcher } from "./pipeline/watch.js";
