/**
 * `generate --watch` as users run it (the built CLI, a child process) on a copy of the embedded docs: after every
 * kind of edit (a plain save, an editor's atomic rename, a burst, a doc deleted and re-created, a doc added, the
 * docs folder renamed away and back, errors) the output is byte for byte what a normal run writes for the same
 * docs; errors keep the last good output and the session going; SIGINT leaves nothing beside the output.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mostReferencedObjects, withAddedField } from "../scripts/lib/edit-docs.mjs";
import { generateInProcess, readTree, referenceTree, runGenerate } from "./helpers/generate-run.js";
import { serializeGraph } from "../generator/model/json.js";
import { SnapshotText } from "../generator/pipeline/watch-snapshot.js";
import { loadGraph } from "../generator/pipeline/load.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/cli/main.js");
let work: string;
let input: string;
let out: string;
let child: ChildProcess;
let log = "";

/** Waits until the session's log has grown by a line matching `pattern`. */
async function until(pattern: RegExp, from: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const fresh = log.slice(from);
    if (pattern.test(fresh)) return fresh;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${log}`);
    await sleep(20);
  }
}

/** Does `change`, then waits for the session to report on it. */
async function after(change: () => void, pattern = /✔|✖/): Promise<string> {
  const from = log.length;
  change();
  return until(pattern, from);
}

async function expectOutputOfNormalRun(): Promise<void> {
  const now = readTree(out);
  expect(now).toEqual(await referenceTree(input, work));
}

const doc = (file: string): string => path.join(input, file);

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "docschema-watch-"));
  cpSync(path.join(root, "docs"), path.join(work, "docs"), { recursive: true });
  input = path.join(work, "docs/models");
  out = path.join(work, "out");
  child = spawn(process.execPath, [cli, "generate", input, "-o", out, "--cache-dir", path.join(work, "cache"), "--watch"], { env: { ...process.env, NO_COLOR: "1" } });
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await until(/watching/, 0);
}, 60_000);

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

describe("generate --watch", () => {
  it("starts with the output of a normal run", async () => {
    await expectOutputOfNormalRun();
  });

  it("follows an edit of the most referenced model: its file, its referrers' files and schema.json", async () => {
    const graph = JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8")) as unknown;
    const target = mostReferencedObjects(graph)[0]!;
    const line = await after(() => writeFileSync(doc(target.file), withAddedField(readFileSync(doc(target.file), "utf8"), 1)));
    expect(line).toMatch(/file\(s\) written/);
    expect(readFileSync(path.join(out, "schema.json"), "utf8")).toContain("benchField1");
    await expectOutputOfNormalRun();
  });

  it("follows an editor's atomic save (write a temporary file, rename it over the doc)", async () => {
    const file = doc("components/choices.md");
    await after(() => {
      writeFileSync(`${file}.tmp~`, withAddedField(readFileSync(file, "utf8"), 2));
      renameSync(`${file}.tmp~`, file);
    });
    expect(readFileSync(path.join(out, "components/choices.ts"), "utf8")).toContain("benchField2");
    await expectOutputOfNormalRun();
  });

  it("follows a burst of edits to several docs", async () => {
    const files = ["components/choices.md", "components/completionusage.md", "components/logprobs.md"];
    const from = log.length;
    for (const [i, file] of files.entries()) writeFileSync(doc(file), withAddedField(readFileSync(doc(file), "utf8"), 10 + i));
    await until(/✔/, from);
    // The burst may be taken in one update or several: wait until the output settles on the last edit.
    for (let i = 0; i < 100 && !readFileSync(path.join(out, "schema.json"), "utf8").includes("benchField12"); i++) await sleep(50);
    await sleep(200);
    await expectOutputOfNormalRun();
  });

  it("follows a doc deleted and re-created, and a doc added and removed", async () => {
    const file = doc("components/logprobs.md");
    const text = readFileSync(file, "utf8");
    await after(() => unlinkSync(file), /✖|✔/); // its referrers now have broken links: errors, or an output without it
    await after(() => writeFileSync(file, text));
    await expectOutputOfNormalRun();
    const added = doc("components/addedbywatch.md");
    await after(() => writeFileSync(added, "# AddedByWatch\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | A name. |\n"));
    expect(existsSync(path.join(out, "components/addedbywatch.ts"))).toBe(true);
    await expectOutputOfNormalRun();
    await after(() => unlinkSync(added));
    expect(existsSync(path.join(out, "components/addedbywatch.ts"))).toBe(false);
    await expectOutputOfNormalRun();
  });

  it("flattens unions that come to contain each other, as a normal run does", async () => {
    const union = (name: string, members: string[]): string =>
      [`# ${name}`, "", "## Supported Types", "", ...members.flatMap((member) => [`### \`${member}\``, "", "```typescript", `const value: ${member} = "x";`, "```", ""])].join("\n");
    const first = doc("components/cyclefirst.md");
    const second = doc("components/cyclesecond.md");
    await after(() => {
      writeFileSync(first, union("CycleFirst", ["string"]));
      writeFileSync(second, union("CycleSecond", ["number", "components.CycleFirst", "components.TopLogprobs"]));
    });
    for (let i = 0; i < 100 && !existsSync(path.join(out, "components/cyclesecond.ts")); i++) await sleep(50);
    await sleep(300);
    await expectOutputOfNormalRun();
    // Same ids, so the fast path: CycleFirst now contains CycleSecond, which contains it.
    await after(() => writeFileSync(first, union("CycleFirst", ["string", "components.CycleSecond"])));
    await expectOutputOfNormalRun();
    // An edit of a model they contain reprints them: still flattened.
    const other = doc("components/toplogprobs.md");
    await after(() => writeFileSync(other, withAddedField(readFileSync(other, "utf8"), 60)));
    await expectOutputOfNormalRun();
    await after(() => {
      unlinkSync(first);
      unlinkSync(second);
    });
    for (let i = 0; i < 100 && existsSync(path.join(out, "components/cyclesecond.ts")); i++) await sleep(50);
    await sleep(300);
    await expectOutputOfNormalRun();
  });

  it("keeps the last good output on doc errors, goes on, and catches up once they are fixed", async () => {
    const file = doc("components/choices.md");
    const good = readFileSync(file, "utf8");
    const before = readTree(out);
    const failed = await after(() => writeFileSync(file, good.replace("*number*", "*numbr*")));
    expect(failed).toMatch(/error: .*"numbr"/);
    expect(failed).toMatch(/keeps its last good state/);
    expect(readTree(out)).toEqual(before);
    await after(() => writeFileSync(file, withAddedField(good, 20)));
    expect(readFileSync(path.join(out, "components/choices.ts"), "utf8")).toContain("benchField20");
    await expectOutputOfNormalRun();
  });

  it("goes on after a failed edit that also changed a title, when another doc is edited", async () => {
    const renamed = doc("components/logprobs.md");
    const original = readFileSync(renamed, "utf8");
    const broken = withAddedField(original, 50).replace("# Logprobs", "# LogprobsRenamed").replace("`benchField50` | *string*", "`benchField50` | *numbr*");
    expect(await after(() => writeFileSync(renamed, broken))).toMatch(/✖/);
    const other = doc("components/completionusage.md");
    // Both docs are pending now: the update reads the folder again and still fails on the first one's error.
    const again = await after(() => writeFileSync(other, withAddedField(readFileSync(other, "utf8"), 51)), /✖ 1 error\(s\) after 2 docs|^error:/m);
    expect(again).not.toMatch(/^error:/m);
    await after(() => writeFileSync(renamed, original), /✔ 2 docs/);
    expect(readFileSync(path.join(out, "components/completionusage.ts"), "utf8")).toContain("benchField51");
    await expectOutputOfNormalRun();
  });

  it("survives the docs folder renamed away and back", async () => {
    const aside = path.join(work, "docs/models-aside");
    await after(() => renameSync(input, aside), /waiting for a folder/);
    writeFileSync(path.join(aside, "components/choices.md"), withAddedField(readFileSync(path.join(aside, "components/choices.md"), "utf8"), 30));
    await after(() => renameSync(aside, input));
    expect(readFileSync(path.join(out, "components/choices.ts"), "utf8")).toContain("benchField30");
    await expectOutputOfNormalRun();
  });

  it("stops on SIGINT with nothing left beside the output, and the lock released", async () => {
    child.kill("SIGINT");
    await new Promise((resolve) => child.once("close", resolve));
    expect(child.exitCode).toBe(0);
    expect(readdirSync(work).filter((name) => name.includes("docschema"))).toEqual([]);
    const run = runGenerate(input, out, ["--no-cache"]);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe("generate --watch --emit json-schema --json-schema per-model", () => {
  it("rewrites the schema of the edited model, as a normal run writes it", async () => {
    const schemas = path.join(work, "schemas");
    const flags = ["--emit", "json-schema", "--json-schema", "per-model", "--no-cache"];
    const session = spawn(process.execPath, [cli, "generate", input, "-o", schemas, ...flags, "--watch"], { env: { ...process.env, NO_COLOR: "1" } });
    let text = "";
    session.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    try {
      for (let i = 0; i < 600 && !text.includes("watching"); i++) await sleep(50);
      const file = doc("components/completionusage.md");
      writeFileSync(file, withAddedField(readFileSync(file, "utf8"), 40));
      for (let i = 0; i < 600 && !text.includes("✔ components/completionusage.md"); i++) await sleep(50);
      expect(text).toMatch(/✔ components\/completionusage\.md → 1 file\(s\) written/);
      const reference = path.join(work, "schemas-reference");
      expect((await generateInProcess(input, reference, flags)).status).toBe(0);
      expect(readTree(schemas)).toEqual(readTree(reference));
    } finally {
      session.kill("SIGINT");
      await new Promise((resolve) => session.once("close", resolve));
    }
  });
});

describe("the kept schema.json text", () => {
  it("is serializeGraph's, byte for byte, after models change", async () => {
    const { graph } = await loadGraph(path.join(root, "docs/models"));
    const snapshot = new SnapshotText(graph);
    expect(Buffer.concat(snapshot.pieces(graph)).toString()).toBe(serializeGraph(graph));
    const edited = graph.models.map((model, i) => (i % 7 === 0 ? { ...model, description: `edited "${i}"\nline` } : model));
    const changed = snapshot.update(edited.filter((_, i) => i % 7 === 0));
    expect(changed).toBe(true);
    const next = { ...graph, models: edited };
    expect(Buffer.concat(snapshot.pieces(next)).toString()).toBe(serializeGraph(next));
    expect(snapshot.update(edited.slice(0, 3))).toBe(false);
  });
});
