/**
 * Runs the real CLI, compiled from the current sources into .cache/e2e-<pid>/ (a fresh build, never a stale
 * dist/, and private to this test process so parallel test files do not race on one output folder).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, ".cache", `e2e-${process.pid}`);

export function buildCli(): string {
  const main = path.join(out, "dist/cli/main.js");
  if (!existsSync(main)) {
    mkdirSync(out, { recursive: true });
    process.once("exit", () => rmSync(out, { recursive: true, force: true }));
    // main.js reads ../../package.json for --version.
    copyFileSync(path.join(root, "package.json"), path.join(out, "package.json"));
    execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json"), "--outDir", path.join(out, "dist")]);
  }
  return main;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = root, nodeArgs: string[] = []): CliResult {
  const { FORCE_COLOR: _force, ...env } = process.env;
  const result = spawnSync(process.execPath, [...nodeArgs, buildCli(), ...args], { cwd, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
