/**
 * The configuration file's shape, its checks and how it becomes the targets of a run. Plain data: reading the file
 * is ./config-file.ts. Every key is declared once, in the tables below, with its check; a new option (an emit
 * option, `merge`, a diff policy key) is one line in its type and one in its table, and its errors name the key
 * path (`targets[1].validators`) like every other.
 */
import path from "node:path";
import { FORMATS, type FormatName } from "../diff/format/index.js";
import { checkRuleList, checkRules, type DiffPolicy } from "../diff/policy.js";
import { DEFAULT_OPTIONS, OPTION_CHOICES, type EmitOptions } from "../emit/options.js";
import { InputError } from "./errors.js";
import { UNKNOWN_TYPES, type UnknownTypes } from "./unknown-types.js";

/** What a target writes: TypeScript types (and their validators), or JSON Schema 2020-12. */
export type OutputKind = "typescript" | "json-schema";
/** JSON Schema as one document with a `$defs` entry per model, or one file per model. */
export type JsonSchemaLayout = "bundle" | "per-model";

/** One output folder and how it is made. Paths are relative to the configuration file's folder. */
export interface TargetConfig extends Partial<EmitOptions> {
  /** Names the target for `--target` and in messages. Default: its output folder. */
  name?: string;
  /** Folder of model docs. Default `docs/models`. */
  input?: string;
  /** Output folder, owned by docschema (see the README, "What `-o` owns"). Default `generated`. */
  out?: string;
  /** `typescript` (default): types, validators, `schema.json`; `json-schema`: JSON Schema 2020-12. */
  emit?: OutputKind;
  /** With `emit: "json-schema"`: one document (`bundle`, default) or one file per model. */
  jsonSchema?: JsonSchemaLayout;
  /** A second doc set of the same API (its Python docs, or a schema.json) whose nullability and integers are merged in. */
  merge?: string;
  /** A type spelling docschema does not know: `error` (default), or typed `unknown` with a warning. */
  unknownTypes?: UnknownTypes;
}

/** Defaults of `docschema diff`; flags override them. */
export interface DiffConfig {
  /** Exit 1 when a change of this severity or worse exists. */
  failOn?: "breaking" | "warning";
  /** Output format. Default `text`. */
  format?: FormatName;
  /** Severity per rule, or per rule and direction: `{ "union-member-added": { "response": "info" } }`. */
  rules?: DiffPolicy["rules"];
  /** Rules whose changes are left out of the report (`--exclude` adds to them). */
  exclude?: string[];
  /** A baseline file of known changes (fingerprint and reason) to leave out. */
  baseline?: string;
}

/**
 * A `docschema.config.{ts,mts,mjs,js,json}` file, or the `"docschema"` key of package.json. The top-level target
 * options are the defaults of every entry of `targets`; without `targets`, the file describes one target.
 */
export interface Config extends TargetConfig {
  /** Several outputs, e.g. types + compiled validators in one folder and zod schemas in another. */
  targets?: TargetConfig[];
  /** Folder of the parse and emit caches, or `false` for none. Default `node_modules/.cache/docschema`. */
  cacheDir?: string | false;
  /** Worker threads for parsing and printing (default: one per core on large doc sets; 0 or 1: in process). */
  workers?: number;
  diff?: DiffConfig;
}

/** Gives a configuration file its types: `export default defineConfig({ … })`. Returns its argument unchanged. */
export function defineConfig(config: Config): Config {
  return config;
}

export const DEFAULT_INPUT = "docs/models";
export const DEFAULT_OUT = "generated";
export const DEFAULT_CACHE_DIR = "node_modules/.cache/docschema";
export const OUTPUT_KINDS: readonly OutputKind[] = ["typescript", "json-schema"];
export const JSON_SCHEMA_LAYOUTS: readonly JsonSchemaLayout[] = ["bundle", "per-model"];

/** A configuration file that is not what docschema reads: the message names the file and the key (exit 2). */
export class ConfigError extends InputError {}

/** Checks a value at a key path; returns what is wrong with it. */
type Check = (value: unknown, where: string) => string[];

const oneOf =
  (choices: readonly (string | number)[]): Check =>
  (value, where) =>
    choices.includes(value as string) ? [] : [`${where}: ${JSON.stringify(value)} is not one of ${choices.join(", ")}`];
const text: Check = (value, where) => (typeof value === "string" && value !== "" ? [] : [`${where}: must be a non-empty string`]);
/** A path: checked as text, and resolved against the configuration file's folder (see resolveTargets). */
const pathKey: Check = (value, where) => text(value, where);
const count: Check = (value, where) => (Number.isInteger(value) && (value as number) >= 0 ? [] : [`${where}: must be a whole number ≥ 0`]);
const textOrFalse: Check = (value, where) => (value === false ? [] : text(value, where));

function record(keys: Readonly<Record<string, Check>>): Check {
  return (value, where) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where || "the configuration"}: must be an object`];
    return Object.entries(value).flatMap(([key, item]) => {
      const at = where ? `${where}.${key}` : key;
      const check = Object.hasOwn(keys, key) ? keys[key] : undefined;
      if (!check) return [`${at}: unknown key (known: ${Object.keys(keys).join(", ")})`];
      return item === undefined ? [] : check(item, at);
    });
  };
}

function list(item: Check): Check {
  return (value, where) => (Array.isArray(value) ? value.flatMap((entry, i) => item(entry, `${where}[${i}]`)) : [`${where}: must be a list`]);
}

/** The options one target may set: here and on the top level. */
const TARGET_KEYS = {
  name: text,
  input: pathKey,
  out: pathKey,
  emit: oneOf(OUTPUT_KINDS),
  jsonSchema: oneOf(JSON_SCHEMA_LAYOUTS),
  validators: oneOf(OPTION_CHOICES.validators),
  unknownKeys: oneOf(OPTION_CHOICES.unknownKeys),
  dates: oneOf(OPTION_CHOICES.dates),
  nulls: oneOf(OPTION_CHOICES.nulls),
  merge: pathKey,
  unknownTypes: oneOf(UNKNOWN_TYPES),
} satisfies Record<keyof TargetConfig, Check>;

const DIFF_KEYS = {
  failOn: oneOf(["breaking", "warning"]),
  format: oneOf(Object.keys(FORMATS)),
  // The diff stage's own checks.
  rules: checkRules,
  exclude: checkRuleList,
  baseline: pathKey,
} satisfies Record<keyof DiffConfig, Check>;

const CONFIG_KEYS = {
  ...TARGET_KEYS,
  targets: list(record(TARGET_KEYS)),
  cacheDir: textOrFalse,
  workers: count,
  diff: record(DIFF_KEYS),
} satisfies Record<keyof Config, Check>;

/**
 * A configuration read from `file`, checked; throws ConfigError naming the file and every offending key (under
 * `at`: `docschema` for the key of package.json).
 */
export function checkConfig(value: unknown, file: string, at = ""): Config {
  const problems = record(CONFIG_KEYS)(value, at);
  if (problems.length > 0) throw new ConfigError(`${file}: ${problems.join("; ")}`);
  const config = value as Config;
  const names = (config.targets ?? []).map((target, i) => target.name ?? target.out ?? config.out ?? `targets[${i}]`);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new ConfigError(`${file}: targets: two targets named "${twice}" (give each a distinct name or out)`);
  return config;
}

/** A configuration and where it was found: its paths are relative to `dir`. */
export interface LoadedConfig {
  config: Config;
  /** The file it came from (a package.json for its `"docschema"` key). */
  file: string;
  dir: string;
}

/** Options given on the command line, each overriding the file. Paths are relative to the working directory. */
export type TargetOverrides = { [K in Exclude<keyof TargetConfig, "name">]?: TargetConfig[K] | undefined } & {
  /** Run only the targets of these names. */
  targets?: string[] | undefined;
};

/** The options a target has even when nothing sets them. */
const TARGET_DEFAULTS = { input: DEFAULT_INPUT, out: DEFAULT_OUT, emit: "typescript", jsonSchema: "bundle", ...DEFAULT_OPTIONS } as const satisfies TargetConfig;

/** A target with every option decided: what one `generate` run writes. Paths relative to the cwd. */
export type ResolvedTarget = TargetConfig & { -readonly [K in keyof typeof TARGET_DEFAULTS]: NonNullable<TargetConfig[K]> } & { name: string };

/**
 * The targets of a run: the file's (or the defaults, without one), flags applied on top. `-o` names one folder,
 * so with several targets it needs `--target` to pick one.
 */
export function resolveTargets(loaded: LoadedConfig | undefined, flags: TargetOverrides = {}, cwd = process.cwd()): ResolvedTarget[] {
  const config = loaded?.config ?? {};
  // With a file, its paths and the defaults are relative to its folder (the project's); without one, to the cwd.
  const fromFile = (value: string): string => (loaded ? relativeTo(cwd, path.resolve(loaded.dir, value)) : value);
  const entries = config.targets ?? [{}];
  // The top level's target options are every target's defaults (its other keys are the run's, not a target's).
  const defaults: TargetConfig = Object.fromEntries(Object.entries(config).filter(([key]) => Object.hasOwn(TARGET_KEYS, key)));
  let targets = entries.map((entry, i): ResolvedTarget => {
    const merged: TargetConfig = { ...TARGET_DEFAULTS, ...defaults, ...entry };
    for (const [key, check] of Object.entries(TARGET_KEYS)) {
      const value = merged[key as keyof TargetConfig];
      if (check === pathKey && typeof value === "string") Object.assign(merged, { [key]: fromFile(value) });
    }
    const name = entry.name ?? defaults.name ?? (config.targets ? (entry.out ?? defaults.out ?? `targets[${i}]`) : (defaults.out ?? DEFAULT_OUT));
    return { ...(merged as ResolvedTarget), name };
  });
  if (flags.targets?.length) {
    const unknown = flags.targets.filter((name) => !targets.some((target) => target.name === name));
    if (unknown.length > 0) throw new InputError(`--target ${unknown.join(", ")}: no such target${loaded ? ` in ${loaded.file}` : ""} (targets: ${targets.map((t) => t.name).join(", ")})`);
    targets = targets.filter((target) => flags.targets!.includes(target.name));
  }
  if (flags.out !== undefined && targets.length > 1) {
    throw new InputError(`-o names one output folder, but ${loaded?.file ?? "the configuration"} has ${targets.length} targets (${targets.map((t) => t.name).join(", ")}): pick one with --target`);
  }
  const outs = targets.map((target) => path.resolve(cwd, target.out));
  const shared = outs.findIndex((out, i) => outs.indexOf(out) !== i);
  if (shared >= 0) throw new ConfigError(`${loaded?.file ?? "the configuration"}: targets ${targets[outs.indexOf(outs[shared]!)]!.name} and ${targets[shared]!.name} write the same folder ${targets[shared]!.out}`);
  const { targets: _picked, ...overrides } = flags;
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return targets.map((target) => ({ ...target, ...given }));
}

/** `cwd`-relative (for messages and clickable diagnostics); absolute where no relative path exists (another drive). */
function relativeTo(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return path.isAbsolute(relative) ? absolute : relative || ".";
}

/** The configuration's diff defaults; its baseline path relative to the cwd (it is written relative to the file). */
export function resolveDiffConfig(loaded: LoadedConfig | undefined, cwd = process.cwd()): DiffConfig {
  const diff = loaded?.config.diff ?? {};
  return diff.baseline === undefined ? diff : { ...diff, baseline: relativeTo(cwd, path.resolve(loaded!.dir, diff.baseline)) };
}

/** The cache folder of a run: the flag, else the file's (relative to it), else the default; undefined: none. */
export function resolveCacheDir(loaded: LoadedConfig | undefined, flag: string | false | undefined, cwd = process.cwd()): string | undefined {
  if (flag === false) return undefined;
  if (flag !== undefined) return flag;
  const configured = loaded?.config.cacheDir;
  if (configured === false) return undefined;
  return configured === undefined ? DEFAULT_CACHE_DIR : relativeTo(cwd, path.resolve(loaded!.dir, configured));
}
