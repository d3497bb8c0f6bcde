/** Runs the built CLI (dist/cli/main.js) as a child process, the way users and CI run it. */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(ROOT, "dist/cli/main.js");

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

/** Every file of a folder (relative path → bytes), to compare folders byte for byte. */
export async function snapshotFolder(folder: string): Promise<Map<string, Buffer>> {
  const files = (await glob("**/*", { cwd: folder, onlyFiles: true, dot: true })).sort();
  const snapshot = new Map<string, Buffer>();
  for (const file of files) snapshot.set(file, await readFile(path.join(folder, file)));
  return snapshot;
}
