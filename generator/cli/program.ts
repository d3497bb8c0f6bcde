/**
 * The `docschema` command line: a thin layer of argument parsing over the stages. Exit codes: 0 ok, 1 failed check or
 * doc errors, 2 usage or input errors. No side effect on import: the bin (./main.ts) runs `main` on process.argv.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  DEFAULT_CACHE_DIR,
  DEFAULT_INPUT,
  DEFAULT_OPTIONS,
  DEFAULT_OUT,
  FORMAT_NAMES,
  InputError,
  JSON_SCHEMA_LAYOUTS,
  OPTION_CHOICES,
  OUTPUT_KINDS,
  loadConfig,
  mustBeFolder,
  UNKNOWN_TYPES,
  resolveCacheDir,
  resolveDiffConfig,
  resolveTargets,
  type LoadedConfig,
} from "../pipeline/index.js";
import pc from "picocolors";

class UsageError extends Error {}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("must be a non-negative integer");
  return n;
}

function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").map((item) => item.trim()).filter(Boolean)];
}

const MERGE_HELP = "merge the facts of a second doc set of the same API (its Python docs: nullability, integers): a docs folder or a schema.json";
const UNKNOWN_TYPES_HELP = "a type spelling docschema does not know: an error, or typed unknown with a warning (default: error)";

function packageVersion(): string {
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** No commander default: an option not given leaves the configuration file's value (or docschema's default) alone. */
function choice(flags: string, description: string, key: keyof typeof OPTION_CHOICES): Option {
  return new Option(flags, `${description} (default: ${DEFAULT_OPTIONS[key]})`).choices(OPTION_CHOICES[key]);
}

/** `--config <file>` / `--no-config`: the file to read, none, or (undefined) the one found from the cwd upwards. */
async function configOf(option: string | false | undefined): Promise<LoadedConfig | undefined> {
  return option === false ? undefined : loadConfig({ file: option });
}

const CONFIG_HELP = "configuration file (default: docschema.config.{ts,mts,cts,mjs,js,cjs,json} or package.json \"docschema\", from the cwd upwards)";

export function createProgram(): Command {
  const program = new Command("docschema")
    .description("Types, validators and schema diffs from markdown model docs (Speakeasy-style SDK docs).")
    .version(packageVersion())
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("generate")
    .description("Parse a folder of model docs and write TypeScript types (or JSON Schema) for every model")
    .argument("[input]", `folder of model docs (default: the configuration's, else ${DEFAULT_INPUT})`)
    .option("-o, --out <dir>", `output folder (default: the configuration's, else ${DEFAULT_OUT})`)
    .option("--check", "write nothing; exit 1 and list every stale, missing or extra file when the output is out of date")
    .option("-w, --watch", "keep running: regenerate what a doc edit changes, atomically, until Ctrl-C")
    .option("-q, --quiet", "print errors only")
    .option("-v, --verbose", "print progress even when not on a terminal, and what the caches saved and the peak memory")
    .option("--max-diagnostics <n>", "print at most n diagnostics", positiveInt, 200)
    .addOption(new Option("--emit <kind>", "what to write: TypeScript types and validators, or JSON Schema 2020-12 (default: typescript)").choices(OUTPUT_KINDS))
    .addOption(new Option("--json-schema <layout>", "with --emit json-schema: one document with $defs, or one file per model (default: bundle)").choices(JSON_SCHEMA_LAYOUTS))
    .option("--merge <docs>", MERGE_HELP)
    .addOption(new Option("--unknown-types <policy>", UNKNOWN_TYPES_HELP).choices(UNKNOWN_TYPES))
    .addOption(choice("--validators <kind>", "companion validator of each type: compiled code, zod schemas or none", "validators"))
    .addOption(choice("--unknown-keys <mode>", "what validators do with undocumented object keys", "unknownKeys"))
    .addOption(choice("--dates <policy>", "Date fields hold Date instances, or ISO-8601 strings (typed string)", "dates"))
    .addOption(choice("--nulls <policy>", "accept null only where the docs say nullable, also on optional fields of unstated nullability, or on every such field", "nulls"))
    .option("--target <name...>", "run only these targets of the configuration file")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", "ignore configuration files")
    .option("--workers <n>", "parse and print with n worker threads (default: one per core on large doc sets; 0 or 1: in process)", nonNegativeInt)
    .option("--cache-dir <dir>", `folder of the parse and emit caches, safe to delete (default: ${DEFAULT_CACHE_DIR})`)
    .option("--no-cache", "neither read nor write the caches")
    .addHelpText(
      "after",
      `\nExamples:\n  $ npx docschema generate                      # ${DEFAULT_INPUT} → ${DEFAULT_OUT}/ (or what docschema.config.* says)\n  $ npx docschema generate docs/models -o src/gen\n  $ npx docschema generate ts/docs/models --merge py/docs/models   # nullability and integers from the Python docs\n  $ npx docschema generate --emit json-schema -o schemas\n  $ npx docschema generate --watch\n  $ npx docschema generate --check              # in CI: fail when the output is stale`,
    )
    .action(async (input: string | undefined, options) => {
      const loaded = await configOf(options.config);
      const targets = resolveTargets(loaded, { input, out: options.out, emit: options.emit, jsonSchema: options.jsonSchema, validators: options.validators, unknownKeys: options.unknownKeys, dates: options.dates, nulls: options.nulls, merge: options.merge, unknownTypes: options.unknownTypes, targets: options.target });
      for (const target of targets) mustBeFolder(target.input);
      const run = { ...options, cacheDir: resolveCacheDir(loaded, options.cache === false ? false : options.cacheDir), workers: options.workers ?? loaded?.config.workers };
      // Commands load their stage on demand, so `diff` of two snapshots never loads ts-morph or remark.
      if (options.watch) {
        if (options.check) throw new UsageError("--watch and --check do not go together");
        const { watch } = await import("./watch.js");
        process.exitCode = await watch(targets, run);
        return;
      }
      const { generate } = await import("./generate.js");
      let code = 0;
      for (const target of targets) code = Math.max(code, await generate(target, run));
      process.exitCode = code;
    });

  program
    .command("graph")
    .description("Print the model graph of a folder of model docs as JSON (the schema.json format)")
    .argument("[input]", `folder of model docs (default: the configuration's, else ${DEFAULT_INPUT})`)
    .option("-s, --summary", "print counts by kind and namespace instead of the JSON")
    .option("--merge <docs>", MERGE_HELP)
    .addOption(new Option("--unknown-types <policy>", UNKNOWN_TYPES_HELP).choices(UNKNOWN_TYPES))
    .option("-q, --quiet", "print errors only")
    .option("--target <name>", "with several targets in the configuration file: the one whose input to read")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", "ignore configuration files")
    .action(async (input: string | undefined, options) => {
      const loaded = await configOf(options.config);
      const targets = resolveTargets(loaded, { input, merge: options.merge, unknownTypes: options.unknownTypes, targets: options.target && [options.target] });
      const sources = [...new Map(targets.map((target) => [`${target.input}\0${target.merge ?? ""}`, target])).values()];
      if (sources.length > 1) throw new UsageError(`the targets of ${loaded!.file} read ${sources.map((t) => t.input).join(", ")}: name the input or pick a --target`);
      const source = sources[0]!;
      const { graph } = await import("./graph.js");
      process.exitCode = await graph(mustBeFolder(source.input), { ...options, merge: source.merge, unknownTypes: source.unknownTypes });
    });

  program
    .command("diff")
    .description("Report what changed between two versions of the docs, and what it breaks")
    .argument("[old]", "docs folder or schema.json snapshot (with --git: the new side, default: the same path in the work tree)")
    .argument("[new]", "docs folder or schema.json snapshot")
    .option("--git <rev[:path]>", `old side from a git revision of this repository (path default: ${DEFAULT_INPUT})`)
    .addOption(new Option("-f, --format <format>", "output format (default: the configuration's diff.format, else text)").choices(FORMAT_NAMES))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a change of this severity (or worse) exists (default: the configuration's diff.failOn)").choices(["breaking", "warning"]))
    .option("--policy <file>", "JSON file of rule severities per direction and rules to exclude, instead of the configuration's diff.rules and diff.exclude")
    .option("--baseline <file>", "JSON file of known changes (fingerprint and reason) to leave out (default: the configuration's diff.baseline)")
    .option("--exclude <rules>", "leave out the changes of these rules (comma-separated, e.g. description-changed,example-changed)", commaList)
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", "ignore configuration files")
    .addHelpText(
      "after",
      `\nExamples:\n  $ npx docschema diff old/docs new/docs\n  $ npx docschema diff --git main                    # main's ${DEFAULT_INPUT} vs the work tree\n  $ npx docschema diff --git v1.2:generated/schema.json generated/schema.json --format markdown\n  $ npx docschema diff --git origin/main --fail-on breaking --format github\n  $ npx docschema diff old/docs new/docs --format changelog --exclude description-changed,example-changed`,
    )
    .action(async (old: string | undefined, next: string | undefined, options, command: Command) => {
      const inputs = [old, next].filter((x): x is string => x !== undefined);
      if (options.git === undefined ? inputs.length !== 2 : inputs.length > 1) {
        command.error(options.git === undefined ? "error: diff needs <old> and <new> (or --git <rev>)" : "error: with --git, give at most one path (the new side)", { exitCode: 2 });
      }
      const loaded = await configOf(options.config);
      const defaults = resolveDiffConfig(loaded);
      const { diff } = await import("./diff.js");
      process.exitCode = await diff(inputs, {
        git: gitWithInput(options.git, loaded),
        format: options.format ?? defaults.format ?? "text",
        failOn: options.failOn ?? defaults.failOn,
        policy: options.policy ?? { rules: defaults.rules, exclude: defaults.exclude },
        baseline: options.baseline ?? defaults.baseline,
        exclude: options.exclude,
      });
    });

  return program;
}

/** `--git main` reads the configured docs folder (when a configuration names one) rather than docs/models. */
function gitWithInput(git: string | undefined, loaded: LoadedConfig | undefined): string | undefined {
  if (git === undefined || git.includes(":") || !loaded) return git;
  const inputs = [...new Set(resolveTargets(loaded).map((target) => target.input))];
  return inputs.length === 1 && inputs[0] !== DEFAULT_INPUT ? `${git}:${inputs[0]}` : git;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`${pc.red("error:")} ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
