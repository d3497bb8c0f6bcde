#!/usr/bin/env node
/** The `docschema` command line: a thin layer of argument parsing over the stages. Exit codes: 0 ok, 1 failed check or doc errors, 2 usage or input errors. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import pc from "picocolors";
import { generate } from "./generate.js";
import { graph } from "./graph.js";

const DEFAULT_INPUT = "docs/models";
const DEFAULT_OUT = "generated";
const DEFAULT_CACHE = "node_modules/.cache/docschema";

class UsageError extends Error {}

function existingFolder(value: string): string {
  if (!existsSync(value)) throw new UsageError(`input folder "${value}" does not exist`);
  if (!statSync(value).isDirectory()) throw new UsageError(`input "${value}" is not a folder`);
  return value;
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

function packageVersion(): string {
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
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
    .option("--workers <n>", "parse and print with n worker threads (default: one per core on large doc sets; 0 or 1: in process)", nonNegativeInt)
    .option("--cache-dir <dir>", "folder of the parse and emit caches (safe to delete)", DEFAULT_CACHE)
    .option("--no-cache", "neither read nor write the caches")
    .addHelpText("after", `\nExamples:\n  $ docschema generate                      # ${DEFAULT_INPUT} → ${DEFAULT_OUT}/\n  $ docschema generate docs/models -o src/gen\n  $ docschema generate --check              # in CI: fail when ${DEFAULT_OUT}/ is stale`)
    .action(async (input: string, options) => {
      process.exitCode = await generate(existingFolder(input), options);
    });

  program
    .command("graph")
    .description("Print the model graph of a folder of model docs as JSON (the schema.json format)")
    .argument("[input]", "folder of model docs", DEFAULT_INPUT)
    .option("-s, --summary", "print counts by kind and namespace instead of the JSON")
    .option("-q, --quiet", "print errors only")
    .action(async (input: string, options) => {
      process.exitCode = await graph(existingFolder(input), options);
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
    if (error instanceof UsageError) {
      process.stderr.write(`${pc.red("error:")} ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
