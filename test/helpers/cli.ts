/**
 * The built CLI (dist/cli/main.js, the bin, and the `main` of dist/cli/program.js it runs): as a child process, the
 * way users and CI run it (runCli), or in this process (runMain) where a test is about what a command does rather
 * than about the process: no Node start-up and no ts-morph load per run.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inspect, stripVTControlCharacters } from "node:util";
import { glob } from "tinyglobby";
import { vi } from "vitest";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(ROOT, "dist/cli/main.js");
const PROGRAM = path.join(ROOT, "dist/cli/program.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd = ROOT, nodeArgs: readonly string[] = []): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, MAIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

type Program = typeof import("../../generator/cli/program.js");
let program: Promise<Program> | undefined;

/**
 * `docschema <args>` run by the built CLI's `main` in this process, from `cwd`: the exit code the bin would set, and
 * what it wrote to stdout and stderr, as a child process off a terminal writes it (no colours, no progress redraws).
 * A crash is exit 1 with the error on stderr, as Node reports an uncaught one. Runs one at a time (it changes the
 * working directory): use runCli for runs at once, signals, other users and the process's own exit code.
 */
export async function runMain(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  const { main } = await (program ??= import(pathToFileURL(PROGRAM).href) as Promise<Program>);
  let stdout = "";
  let stderr = "";
  const capture = (stream: NodeJS.WriteStream, append: (text: string) => void) =>
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((arg): arg is () => void => typeof arg === "function");
      callback?.();
      return true;
    });
  const out = capture(process.stdout, (text) => (stdout += text));
  const err = capture(process.stderr, (text) => (stderr += text));
  // Off a terminal, as a child process's pipes are: no progress redraws, help at the default width.
  const tty = [process.stdout, process.stderr].map((stream) => [stream, Object.getOwnPropertyDescriptor(stream, "isTTY")] as const);
  for (const [stream] of tty) Object.defineProperty(stream, "isTTY", { value: false, configurable: true, writable: true });
  const before = { cwd: process.cwd(), exitCode: process.exitCode };
  process.chdir(cwd);
  process.exitCode = undefined;
  let code: number;
  try {
    code = await main(["node", "docschema", ...args]);
  } catch (error) {
    stderr += `${inspect(error)}\n`;
    code = 1;
  } finally {
    process.chdir(before.cwd);
    process.exitCode = before.exitCode;
    for (const [stream, descriptor] of tty) {
      if (descriptor) Object.defineProperty(stream, "isTTY", descriptor);
      else delete (stream as { isTTY?: boolean }).isTTY;
    }
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) };
}

/** Every file of a folder (relative path → bytes), to compare folders byte for byte. */
export async function snapshotFolder(folder: string): Promise<Map<string, Buffer>> {
  const files = (await glob("**/*", { cwd: folder, onlyFiles: true, dot: true })).sort();
  const snapshot = new Map<string, Buffer>();
  for (const file of files) snapshot.set(file, await readFile(path.join(folder, file)));
  return snapshot;
}
