#!/usr/bin/env node
/** The `docschema` command line: a thin layer of argument parsing over the stages. Exit codes: 0 ok, 1 failed check or doc errors, 2 usage or input errors. */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { DEFAULT_OPTIONS, FORMAT_NAMES, InputError, OPTION_CHOICES } from "../pipeline/index.js";
import pc from "picocolors";

const DEFAULT_INPUT = "docs/models";
const DEFAULT_OUT = "generated";
const DEFAULT_CACHE = "node_modules/.cache/docschema";

class UsageError extends Error {}

function existingFolder(value: string): string {
  if (!existsSync(value)) throw new UsageError(`input folder "${value}" does not exist`);
  if (!statSync(value).isDirectory()) throw new UsageError(`input "${value}" is not a folder`);
  return value;
}

/** `--merge`: a docs folder, or a schema.json snapshot. */
function existingPath(value: string): string {
  if (!existsSync(value)) throw new UsageError(`merge input "${value}" does not exist`);
  return value;
}

const MERGE_HELP = "merge the facts of a second doc set of the same API (its Python docs: nullability, integers): a docs folder or a schema.json";

function unknownTypesOption(): Option {
  return new Option("--unknown-types <policy>", "a type spelling docschema does not know: an error, or typed unknown with a warning")
    .choices(["error", "unknown"])
    .default("error");
}

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

/** `a,b` (repeatable: `--exclude a --exclude b`) → ["a", "b"]. */
function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").map((item) => item.trim()).filter(Boolean)];
}

function packageVersion(): string {
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

function choice(flags: string, description: string, key: keyof typeof OPTION_CHOICES): Option {
  return new Option(flags, description).choices(OPTION_CHOICES[key]).default(DEFAULT_OPTIONS[key]);
}

export function createProgram(): Command {
  const program = new Command("docschema")
    .description("Types, validators and schema diffs from markdown model docs (Speakeasy-style SDK docs).")
    .version(packageVersion())
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("generate")
    .description("Parse a folder of model docs and write TypeScript types for every model")
    .argument("[input]", "folder of model docs", DEFAULT_INPUT)
    .option("-o, --out <dir>", "output folder", DEFAULT_OUT)
    .option("--check", "write nothing; exit 1 and list every stale, missing or extra file when the output is out of date")
    .option("-q, --quiet", "print errors only")
    .option("-v, --verbose", "print progress even when not on a terminal, and what the caches saved and the peak memory")
    .option("--max-diagnostics <n>", "print at most n diagnostics", positiveInt, 200)
    .option("--merge <docs>", MERGE_HELP)
    .addOption(unknownTypesOption())
    .addOption(choice("--validators <kind>", "companion validator of each type: compiled code, zod schemas or none", "validators"))
    .addOption(choice("--unknown-keys <mode>", "what validators do with undocumented object keys", "unknownKeys"))
    .addOption(choice("--dates <policy>", "Date fields hold Date instances, or ISO-8601 strings (typed string)", "dates"))
    .addOption(choice("--nulls <policy>", "accept null only where the docs say nullable, also on optional fields of unstated nullability, or on every such field", "nulls"))
    .option("--workers <n>", "parse and print with n worker threads (default: one per core on large doc sets; 0 or 1: in process)", nonNegativeInt)
    .option("--cache-dir <dir>", "folder of the parse and emit caches (safe to delete)", DEFAULT_CACHE)
    .option("--no-cache", "neither read nor write the caches")
    .addHelpText("after", `\nExamples:\n  $ docschema generate                      # ${DEFAULT_INPUT} → ${DEFAULT_OUT}/\n  $ docschema generate docs/models -o src/gen\n  $ docschema generate ts/docs/models --merge py/docs/models   # nullability and integers from the Python docs\n  $ docschema generate --check              # in CI: fail when ${DEFAULT_OUT}/ is stale`)
    .action(async (input: string, options) => {
      // Commands load their stage on demand, so `diff` of two snapshots never loads ts-morph or remark.
      const { generate } = await import("./generate.js");
      const merge = options.merge === undefined ? undefined : existingPath(options.merge);
      process.exitCode = await generate(existingFolder(input), { ...options, merge });
    });

  program
    .command("graph")
    .description("Print the model graph of a folder of model docs as JSON (the schema.json format)")
    .argument("[input]", "folder of model docs", DEFAULT_INPUT)
    .option("-s, --summary", "print counts by kind and namespace instead of the JSON")
    .option("--merge <docs>", MERGE_HELP)
    .addOption(unknownTypesOption())
    .option("-q, --quiet", "print errors only")
    .action(async (input: string, options) => {
      const { graph } = await import("./graph.js");
      process.exitCode = await graph(existingFolder(input), { ...options, merge: options.merge === undefined ? undefined : existingPath(options.merge) });
    });

  program
    .command("diff")
    .description("Report what changed between two versions of the docs, and what it breaks")
    .argument("[old]", "docs folder or schema.json snapshot (with --git: the new side, default: the same path in the work tree)")
    .argument("[new]", "docs folder or schema.json snapshot")
    .option("--git <rev[:path]>", `old side from a git revision of this repository (path default: ${DEFAULT_INPUT})`)
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("text"))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a change of this severity (or worse) exists").choices(["breaking", "warning"]))
    .option("--policy <file>", "JSON file of rule severities per direction and rules to exclude (see the README's diff policy)")
    .option("--baseline <file>", "JSON file of known changes (fingerprint and reason) to leave out")
    .option("--exclude <rules>", "leave out the changes of these rules (comma-separated, e.g. description-changed,example-changed)", commaList)
    .addHelpText(
      "after",
      `\nExamples:\n  $ docschema diff old/docs new/docs\n  $ docschema diff --git main                    # main's ${DEFAULT_INPUT} vs the work tree\n  $ docschema diff --git v1.2:generated/schema.json generated/schema.json --format markdown\n  $ docschema diff --git origin/main --fail-on breaking --format github\n  $ docschema diff old/docs new/docs --format changelog --exclude description-changed,example-changed`,
    )
    .action(async (old: string | undefined, next: string | undefined, options, command: Command) => {
      const inputs = [old, next].filter((x): x is string => x !== undefined);
      if (options.git === undefined ? inputs.length !== 2 : inputs.length > 1) {
        command.error(options.git === undefined ? "error: diff needs <old> and <new> (or --git <rev>)" : "error: with --git, give at most one path (the new side)", { exitCode: 2 });
      }
      const { diff } = await import("./diff.js");
      process.exitCode = await diff(inputs, options);
    });

  return program;
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

process.exitCode = await main(process.argv);
