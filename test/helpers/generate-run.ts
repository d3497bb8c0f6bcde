/**
 * Running the built CLI as a user would (a child process), or its `main` in this process (test/helpers/cli.ts), and
 * reading what it wrote, for end-to-end tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { runMain } from "./cli.js";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "dist/cli/main.js");

/** Compiles the CLI into dist/ (worker threads run compiled code, so these tests need a fresh build). */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
}

export interface GenerateRun {
  status: number | null;
  stderr: string;
}

export function runGenerate(input: string, out: string, flags: string[] = []): GenerateRun {
  const run = spawnSync(process.execPath, [cli, "generate", input, "-o", out, ...flags], { encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: run.status, stderr: run.stderr };
}

/** `runGenerate` by the built CLI's `main` in this process: the same command, without a Node start-up per run. */
export async function generateInProcess(input: string, out: string, flags: string[] = []): Promise<GenerateRun> {
  const run = await runMain(["generate", input, "-o", out, ...flags]);
  return { status: run.code, stderr: run.stderr };
}

/** The reference output: a cold, single-threaded run without cache on the docs as they are, read into memory. */
export async function referenceTree(input: string, scratch: string): Promise<Map<string, string>> {
  const folder = path.join(scratch, `reference-${process.hrtime.bigint()}`);
  const run = await generateInProcess(input, folder, ["--no-cache", "--workers", "1"]);
  if (run.status !== 0) throw new Error(`the reference run failed (exit ${run.status}):\n${run.stderr}`);
  const tree = readTree(folder);
  rmSync(folder, { recursive: true });
  return tree;
}

/** Every file of a folder, path → content, sorted by path. */
export function readTree(folder: string): Map<string, string> {
  const files = (readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[])
    .filter((file) => statSync(path.join(folder, file)).isFile())
    .map((file) => file.split(path.sep).join("/"))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(folder, file), "utf8")]));
}

/** Modification time of every file of a folder, path → mtimeMs. */
export function mtimes(folder: string): Map<string, number> {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[];
  return new Map(files.filter((file) => statSync(path.join(folder, file)).isFile()).map((file) => [file.split(path.sep).join("/"), statSync(path.join(folder, file)).mtimeMs]));
}
