/**
 * What `generate` may touch, tried as a user would on real folders: it writes only into a folder it owns (empty,
 * new, or marked as its output), refuses everything else with exit 2 and one line, never loses a file, and turns
 * every file system failure into one line naming the path and the fix, with the previous output left whole.
 * Runs as another user (permissions) and the first refusal are child processes of the built CLI (runIn); the
 * others call the same built `main` in this process (runMain), from the same folders.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ioError } from "../generator/pipeline/errors.js";
import { runMain, snapshotFolder } from "./helpers/cli.js";
import { handOver, projectWithDocs, remove, runIn } from "./helpers/sandbox.js";

let project: string;
afterEach(() => remove(project));

const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  return lines[0]!;
};

describe("the output folder belongs to the user until proven otherwise", { timeout: 120_000 }, () => {
  it.each([
    ["the project folder itself (-o .)", "."],
    ["a folder of hand-written code (-o src)", "src"],
    ["a file (-o notes.txt)", "notes.txt"],
    ["the folder around the project (-o ..)", ".."],
    ["the input folder", "../docs/models"],
    ["a folder inside the input", "../docs/models/generated"],
    ["a folder holding the input", "../docs"],
  ])("refuses %s with exit 2 and one line, and changes nothing", async (_, out) => {
    // An app beside the docs, run from the app's folder: `docschema generate ../docs/models -o <out>`.
    project = projectWithDocs();
    const app = path.join(project, "app");
    mkdirSync(path.join(app, ".git"), { recursive: true });
    writeFileSync(path.join(app, ".git/HEAD"), "ref: refs/heads/main\n");
    mkdirSync(path.join(app, "src"));
    writeFileSync(path.join(app, "src/app.ts"), "export const app = 1;\n");
    writeFileSync(path.join(app, "notes.txt"), "mine\n");
    const before = await snapshotFolder(project);
    // The first by the bin in a process of its own: the process's exit code.
    const args = ["generate", "../docs/models", "-o", out];
    const run = out === "." ? await runIn(app, args) : await runMain(args, app);
    expect(run.code, run.stderr).toBe(2);
    expect(oneLine(run.stderr)).toMatch(new RegExp(`^error: output (folder )?"${out.replace(/\./g, "\\.")}"`));
    expect(await snapshotFolder(project)).toEqual(before);
  });

  it("writes into a new or empty folder, marks it, and replaces it as a whole on the next run", async () => {
    project = projectWithDocs();
    mkdirSync(path.join(project, "empty"));
    for (const out of ["fresh/nested/out", "empty"]) {
      const run = await runMain(["generate", "docs/models", "-o", out], project);
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(path.join(project, out, ".docschema"), "utf8")).toContain("written by docschema");
    }
    writeFileSync(path.join(project, "empty/stray.ts"), "// someone's file in docschema's folder\n");
    const again = await runMain(["generate", "docs/models", "-o", "empty"], project);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(project, "empty/stray.ts"))).toBe(false);
  });

  it("takes over an output written before folders were marked, but not one holding a file of someone else", async () => {
    project = projectWithDocs();
    expect((await runMain(["generate", "docs/models", "-o", "old", "--no-cache"], project)).code).toBe(0);
    rmSync(path.join(project, "old/.docschema"));
    const adopted = await runMain(["generate", "docs/models", "-o", "old", "--no-cache"], project);
    expect(adopted.code, adopted.stderr).toBe(0);
    expect(existsSync(path.join(project, "old/.docschema"))).toBe(true);

    rmSync(path.join(project, "old/.docschema"));
    writeFileSync(path.join(project, "old/README.md"), "# my notes\n");
    const before = await snapshotFolder(path.join(project, "old"));
    const refused = await runMain(["generate", "docs/models", "-o", "old", "--no-cache"], project);
    expect(refused.code).toBe(2);
    expect(oneLine(refused.stderr)).toContain('output folder "old" is not empty and was not written by docschema');
    expect(await snapshotFolder(path.join(project, "old"))).toEqual(before);
  });
});

describe("the input", { timeout: 120_000 }, () => {
  it("no docs is an error (exit 2) that leaves the previous output untouched", async () => {
    project = projectWithDocs();
    expect((await runMain(["generate", "docs/models", "-o", "out"], project)).code).toBe(0);
    const before = await snapshotFolder(path.join(project, "out"));
    rmSync(path.join(project, "docs/models"), { recursive: true });
    mkdirSync(path.join(project, "docs/models"));
    const run = await runMain(["generate", "docs/models", "-o", "out"], project);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe('error: no model docs (*.md) in "docs/models"');
    expect(await snapshotFolder(path.join(project, "out"))).toEqual(before);
  });

  it("one stray .md at the top of a namespaced folder is skipped with a warning; every namespaced model stays", async () => {
    project = projectWithDocs();
    const reference = await runMain(["graph", "docs/models", "--summary"], project);
    writeFileSync(path.join(project, "docs/models/README.md"), "# Notes\n\nAbout these docs.\n");
    const run = await runMain(["graph", "docs/models", "--summary"], project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("docs/models/README.md:1:1 warning: skipped: models of a namespaced doc set live in namespace folders");
    expect(run.stdout.split("\n")[0]).toBe(reference.stdout.split("\n")[0]);
  });

  it("an unreadable folder or file, or a broken link, is an error naming its path; the previous output stays", async () => {
    project = projectWithDocs();
    handOver(project);
    expect((await runIn(project, ["generate", "docs/models", "-o", "out"], { unprivileged: true })).code).toBe(0);
    const before = await snapshotFolder(path.join(project, "out"));
    const doc = path.join(project, "docs/models/components/choices.md");
    chmodSync(doc, 0o000);
    chmodSync(path.join(project, "docs/models/operations"), 0o000);
    symlinkSync("nowhere.md", path.join(project, "docs/models/components/broken.md"));
    const run = await runIn(project, ["generate", "docs/models", "-o", "out", "--no-cache"], { unprivileged: true });
    chmodSync(doc, 0o644);
    chmodSync(path.join(project, "docs/models/operations"), 0o755);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("docs/models/components/broken.md:1:1 error: cannot follow the symbolic link: no such file or folder (ENOENT) [unreadable]");
    expect(run.stderr).toContain("docs/models/components/choices.md:1:1 error: cannot read the file: permission denied (EACCES) [unreadable]");
    expect(run.stderr).toContain("docs/models/operations:1:1 error: cannot read the folder: permission denied (EACCES) [unreadable]");
    expect(await snapshotFolder(path.join(project, "out"))).toEqual(before);
  });
});

describe("file system failures", { timeout: 120_000 }, () => {
  it("a write that is refused (EACCES) or blocked by a file (ENOTDIR) is one line naming the path, exit 2, output whole", async () => {
    project = projectWithDocs();
    handOver(project);
    mkdirSync(path.join(project, "gen"));
    handOver(project);
    expect((await runIn(project, ["generate", "docs/models", "-o", "gen/out", "--no-cache"], { unprivileged: true })).code).toBe(0);
    const before = await snapshotFolder(path.join(project, "gen/out"));
    writeFileSync(path.join(project, "docs/models/components/choices.md"), readFileSync(path.join(project, "docs/models/components/choices.md"), "utf8").replace("# Choices", "# Choices\n\nEdited."));
    chmodSync(path.join(project, "gen"), 0o555);
    const refused = await runIn(project, ["generate", "docs/models", "-o", "gen/out", "--no-cache"], { unprivileged: true });
    chmodSync(path.join(project, "gen"), 0o755);
    expect(refused.code).toBe(2);
    expect(oneLine(refused.stderr)).toMatch(/^error: locking the output folder .*gen\/\.out\.docschema\.lock: permission denied: check the permissions of the folder, or choose another path \(EACCES\)$/);
    expect(await snapshotFolder(path.join(project, "gen/out"))).toEqual(before);

    writeFileSync(path.join(project, "afile"), "x");
    const blocked = await runIn(project, ["generate", "docs/models", "-o", "afile/out"]);
    expect(blocked.code).toBe(2);
    expect(oneLine(blocked.stderr)).toMatch(/^error: reading the output folder afile\/out: a file stands where a folder is needed: remove or rename it \(ENOTDIR\)$/);
  });

  it("names the fix for every error code it knows", () => {
    const error = (code: string) => Object.assign(new Error(code), { code, path: "/out/x.ts" });
    expect(ioError(error("ENOSPC"), "writing the output").message).toBe("writing the output /out/x.ts: no space left on the device: free some space and run again (ENOSPC)");
    expect(ioError(error("EISDIR"), "writing the output").message).toBe("writing the output /out/x.ts: a folder stands where a file is needed: remove or rename it (EISDIR)");
    expect(ioError(error("EACCES"), "writing the output").message).toContain("permission denied");
    const other = new Error("boom");
    expect(ioError(other, "writing the output")).toBe(other);
  });

  it("a cache that cannot be read or written is a warning: the output is written all the same", async () => {
    project = projectWithDocs();
    writeFileSync(path.join(project, "cache"), "not a folder");
    const run = await runMain(["generate", "docs/models", "-o", "out", "--cache-dir", "cache"], project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: could not write the cache cache\/.*the output is not affected/m);
    expect(existsSync(path.join(project, "out/index.ts"))).toBe(true);
  });

  it("--workers is capped at the machine's cores, with a warning", async () => {
    project = projectWithDocs();
    const run = await runMain(["generate", "docs/models", "-o", "out", "--workers", "1000", "--no-cache"], project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: --workers 1000 is more than this machine's \d+ cores; using \d+$/m);
  });
});
