/**
 * Throw-away project folders for end-to-end tests of what `generate` may touch, and the CLI run inside them, as a
 * child process. Permission tests need a user the file modes apply to: when the tests run as root (containers, some
 * CI), the CLI runs as `nobody` instead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const CLI = path.join(root, "dist/cli/main.js");
export const EMBEDDED_DOCS = path.join(root, "docs/models");
const NOBODY = 65534;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run as an unprivileged user when the tests run as root, so that file modes apply. */
  unprivileged?: boolean;
  /** Kill the run (SIGKILL) this many milliseconds after it starts. */
  killAfterMs?: number;
  /** Called with the child process once it is started. */
  onSpawn?: (child: ChildProcess) => void;
}

/** Runs `docschema <args>` in `cwd`. */
export function runIn(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    options.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A fresh project folder holding a copy of the embedded docs at `docs/models` (and `docs/sdks`). */
export function projectWithDocs(prefix = "docschema-project-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.dirname(EMBEDDED_DOCS), path.join(dir, "docs"), { recursive: true });
  return dir;
}

/** Lets the unprivileged user (when there is one) write everywhere in `dir`, as its owner would. */
export function handOver(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const walk = (p: string): void => {
    chownSync(p, NOBODY, NOBODY);
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) walk(child);
      else chownSync(child, NOBODY, NOBODY);
    }
  };
  walk(dir);
  chmodSync(dir, 0o755);
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
