/**
 * The GitHub Action's steps (action/run.sh, what action.yml runs) on a fixture repository with two commits: the
 * base branch, and a pull request that drops a required field of a response model (breaking) and regenerates. The
 * docschema "installed" in the fixture is this build (node_modules/docschema, node_modules/.bin/docschema).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let repo: string;

const git = (...args: string[]): string => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
const docschema = (...args: string[]): void => void execFileSync(process.execPath, [path.join(root, "dist/cli/main.js"), ...args], { cwd: repo, stdio: "pipe" });

/** Runs the action's script as the runner would, with its inputs and the runner's files. */
function runAction(inputs: Record<string, string>): { code: number | null; stdout: string; stderr: string; output: string; summary: string } {
  const output = path.join(repo, "..", "github-output");
  const summary = path.join(repo, "..", "step-summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] = value;
  const run = spawnSync("bash", [path.join(root, "action/run.sh")], { cwd: repo, env, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, output: readFileSync(output, "utf8"), summary: readFileSync(summary, "utf8") };
}

beforeAll(() => {
  const work = mkdtempSync(path.join(os.tmpdir(), "docschema-action-"));
  repo = path.join(work, "repo");
  mkdirSync(path.join(repo, "node_modules/.bin"), { recursive: true });
  symlinkSync(root, path.join(repo, "node_modules/docschema"));
  // What npm links into .bin, as a shim: the build's main.js is not executable until npm installs it.
  writeFileSync(path.join(repo, "node_modules/.bin/docschema"), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, "dist/cli/main.js")}" "$@"\n`, { mode: 0o755 });
  cpSync(path.join(root, "docs"), path.join(repo, "docs"), { recursive: true });
  writeFileSync(path.join(repo, "package.json"), JSON.stringify({ name: "fixture", private: true, devDependencies: { docschema: "*" } }));
  writeFileSync(path.join(repo, ".gitignore"), "node_modules/\n");
  git("init", "-q", "-b", "main");
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "CI");
  docschema("generate");
  git("add", "-A");
  git("commit", "-qm", "base");
  git("checkout", "-qb", "feature");
  // A breaking change: the `index` field of Choices (read in responses) is dropped.
  const doc = path.join(repo, "docs/models/components/choices.md");
  writeFileSync(doc, readFileSync(doc, "utf8").split("\n").filter((line) => !line.startsWith("| `index`")).join("\n"));
  docschema("generate");
  git("commit", "-qam", "drop Choices.index");
});

afterAll(() => rmSync(path.dirname(repo), { recursive: true, force: true }));

describe("the GitHub Action's steps", () => {
  it("check the output, annotate the breaking change on its doc line, write the comment file and fail on breaking", () => {
    const run = runAction({ base: "main", "fail-on": "breaking", check: "true", "comment-file": "docschema-diff.md" });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/is up to date/);
    expect(run.stdout).toMatch(/^::error file=docs\/models\/components\/choices\.md,line=\d+.*index/m);
    const comment = readFileSync(path.join(repo, "docschema-diff.md"), "utf8");
    expect(comment).toMatch(/breaking/i);
    expect(comment).toContain("components.Choices");
    expect(run.output).toBe(`comment-file=${path.join(repo, "docschema-diff.md")}\n`);
    expect(run.summary).toBe(comment);
  });

  it("pass when fail-on is empty, and fail on a stale output even then", () => {
    expect(runAction({ base: "main", "fail-on": "" }).code).toBe(0);
    writeFileSync(path.join(repo, "generated/components/choices.ts"), "// edited by hand\n");
    const stale = runAction({ base: "main", "fail-on": "" });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale {3}generated\/components\/choices\.ts/);
    expect(readFileSync(path.join(repo, "docschema-diff.md"), "utf8")).toContain("components.Choices"); // the comment is written all the same
    git("checkout", "--", "generated");
  });

  it("compare snapshots when given one (docs input), and skip the diff without a base", () => {
    const snapshot = runAction({ base: "main", docs: "generated/schema.json", "fail-on": "breaking", check: "false" });
    expect(snapshot.code).toBe(1);
    expect(readFileSync(path.join(repo, "docschema-diff.md"), "utf8")).toContain("components.Choices");
    const push = runAction({ base: "", check: "true" });
    expect(push.code).toBe(0);
    expect(push.output).toBe("");
  });

  it("declares in action.yml every input the script reads", () => {
    const script = readFileSync(path.join(root, "action/run.sh"), "utf8");
    const action = readFileSync(path.join(root, "action.yml"), "utf8");
    const read = [...new Set([...script.matchAll(/INPUT_[A-Z_]+/g)].map((m) => m[0]))].sort();
    expect(read.length).toBeGreaterThan(4);
    for (const name of read) {
      const input = name.slice("INPUT_".length).toLowerCase().replace(/_/g, "-");
      expect(action).toContain(`${name}: \${{ inputs.${input} }}`);
      expect(action).toMatch(new RegExp(`^  ${input}:$`, "m"));
    }
  });
});
