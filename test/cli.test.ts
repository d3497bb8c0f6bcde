/**
 * End to end: the built CLI on fixture doc sets and on the embedded docs. Runs of the bin as a child process (runCli)
 * for its exit codes 0, 1 and 2; the others run the same built `main` in this process (runMain).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, runMain, snapshotFolder } from "./helpers/cli.js";
import { NO, TS_FIXTURE, YES, pyEnum, pyLink, pyObject, writeDocs, writeTree } from "./helpers/docs.js";

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fixture(files: Record<string, string> = TS_FIXTURE): Promise<{ input: string; out: string }> {
  const { root, input } = await writeDocs(files);
  temps.push(root);
  return { input, out: path.join(root, "generated") };
}

describe("docschema generate", () => {
  it("writes one file per model, barrels and schema.json, and prints a one-line summary", async () => {
    const { input, out } = await fixture();
    const run = await runCli(["generate", input, "--out", out]);
    expect(run.stderr).toMatch(/✔ 6 models \(3 objects, 2 enums, 1 unions\) → 13 files in .*generated \(\d+\.\d+s\)\n$/);
    expect(run.code).toBe(0);
    const files = [...(await snapshotFolder(out)).keys()];
    expect(files).toEqual([
      ".docschema",
      "checks.ts",
      "components/choice.ts",
      "components/errort.ts",
      "components/finishreason.ts",
      "components/index.ts",
      "index.ts",
      "operations/content.ts",
      "operations/errort.ts",
      "operations/index.ts",
      "operations/role.ts",
      "runtime.ts",
      "schema.json",
    ].sort());
    const errorT = await readFile(path.join(out, "operations/errort.ts"), "utf8");
    expect(errorT).toContain('import { ErrorT as components_ErrorT } from "../components/errort.js";');
    expect(await readFile(path.join(out, "operations/role.ts"), "utf8")).toContain('"user" | "assistant" | (string & {})');
  });

  it("is byte-identical on a re-run and across output folders", async () => {
    const { input, out } = await fixture();
    // The first run in a process of its own, the others in this one: the bytes do not depend on the process either.
    expect((await runCli(["generate", input, "-o", out])).code).toBe(0);
    const first = await snapshotFolder(out);
    expect((await runMain(["generate", input, "-o", out])).code).toBe(0);
    expect(await snapshotFolder(out)).toEqual(first);
    const other = `${out}-2`;
    expect((await runMain(["generate", input, "-o", other, "-q"])).code).toBe(0);
    expect(await snapshotFolder(other)).toEqual(first);
  });

  it("--check exits 0 when in sync and writes nothing", async () => {
    const { input, out } = await fixture();
    await runMain(["generate", input, "-o", out]);
    const before = await snapshotFolder(out);
    const run = await runMain(["generate", input, "-o", out, "--check"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("is up to date");
    expect(await snapshotFolder(out)).toEqual(before);
  });

  it("--check exits 1 listing every stale, missing and extra file, and changes nothing", async () => {
    const { input, out } = await fixture();
    await runMain(["generate", input, "-o", out]);
    await writeFile(path.join(out, "components/choice.ts"), "// edited\n");
    await writeFile(path.join(out, "schema.json"), "{}\n");
    await unlink(path.join(out, "operations/role.ts"));
    await unlink(path.join(out, "index.ts"));
    await writeFile(path.join(out, "components/leftover.ts"), "export {};\n");
    await writeFile(path.join(out, "notes.txt"), "x\n");
    const before = await snapshotFolder(out);
    const run = await runCli(["generate", input, "-o", out, "--check"]);
    expect(run.code).toBe(1);
    const listed = run.stderr
      .split("\n")
      .filter((line) => /^(stale|missing|extra)\s/.test(line))
      .map((line) => line.replace(/\s+/, " ").replace(out + path.sep, ""));
    expect(listed).toEqual([
      "stale components/choice.ts",
      "stale schema.json",
      "missing index.ts",
      "missing operations/role.ts",
      "extra components/leftover.ts",
      "extra notes.txt",
    ]);
    expect(run.stderr).toContain("6 file(s) differ");
    expect(await snapshotFolder(out)).toEqual(before);
  });

  it("--check against a missing output folder lists every file as missing", async () => {
    const { input, out } = await fixture();
    const run = await runMain(["generate", input, "-o", out, "--check"]);
    expect(run.code).toBe(1);
    expect(run.stderr.match(/^missing /gm)).toHaveLength(13);
  });

  it("links resolve whatever the input folder is called (they are relative to the SDK's docs/models)", async () => {
    const ts = await writeTree(TS_FIXTURE, "sdk-docs-");
    const py = await writeTree({ "message.md": pyObject("Message", [["`role`", pyLink("Role", "Optional"), NO, "N/A"], ["`text`", "*str*", YES, "N/A"]]), "role.md": pyEnum("Role", ['"user"']) }, "py-docs-");
    temps.push(ts, py);
    for (const input of [ts, py]) {
      const run = await runMain(["graph", input, "--summary"]);
      expect(run.stdout).toContain("0 error(s), 0 warning(s)");
      expect(run.code).toBe(0);
    }
  });

  it("doc errors: exit 1, compiler-style located diagnostics, nothing written", async () => {
    const { input, out } = await fixture({ ...TS_FIXTURE, "components/errort.md": TS_FIXTURE["components/errort.md"]!.replace("*string*", "*strng*") });
    const run = await runMain(["generate", input, "-o", out]);
    expect(run.code).toBe(1);
    const prefix = path.relative(ROOT, input).split(path.sep).join("/");
    expect(run.stderr).toContain(`${prefix}/components/errort.md:13:16 error: unknown type expression "*strng*": unknown type "strng" (known: string, str, number`);
    expect(run.stderr).toContain(`nothing was written to ${out}`);
    expect(await snapshotFolder(out)).toEqual(new Map());
  });
});

describe("usage errors exit 2", () => {
  // The first two by the bin in a process of its own (commander's errors, and the process's exit code).
  it.each([
    [["generate", "--bogus"], "unknown option '--bogus'", runCli],
    [["bogus"], "unknown command 'bogus'", runCli],
    [["generate", "no/such/folder"], 'input folder "no/such/folder" does not exist'],
    [["generate", "package.json"], 'input "package.json" is not a folder'],
    [["graph", "no/such/folder"], 'input folder "no/such/folder" does not exist'],
    [["generate", "docs/models", "--max-diagnostics", "0"], "must be a positive integer"],
    [["generate", "docs/models", "-o", "docs/models"], 'output folder "docs/models" is the input folder "docs/models" or inside it'],
    [["generate", "docs/models", "-o", "docs/models/out"], 'output folder "docs/models/out" is the input folder "docs/models" or inside it'],
    [["generate", "docs/models", "-o", "docs"], 'output folder "docs" contains the input folder "docs/models"'],
  ])("%j", async (args, message, cli = runMain) => {
    const run = await cli(args);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });
});

describe("help", () => {
  it("root, generate and graph help", async () => {
    const root = await runMain(["--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain("Usage: docschema [options] [command]");
    expect(root.stdout).toMatch(/generate \[options\] \[input\]/);
    expect(root.stdout).toMatch(/graph \[options\] \[input\]/);
    const generate = await runMain(["generate", "--help"]);
    expect(generate.code).toBe(0);
    for (const option of ["--out <dir>", "--check", "--quiet", "--verbose", "--max-diagnostics <n>", "--watch", "--emit <kind>", "--config <file>", "else docs/models", "--target <name...>"]) {
      expect(generate.stdout).toContain(option);
    }
    const graph = await runMain(["graph", "--help"]);
    expect(graph.stdout).toContain("--summary");
    const version = await runMain(["--version"]);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")).version);
  });
});

describe("docschema graph", () => {
  it("prints the model graph JSON, or a summary", async () => {
    const { input } = await fixture();
    const json = await runMain(["graph", input]);
    expect(json.code).toBe(0);
    const graph = JSON.parse(json.stdout) as { format: string; models: { id: string }[] };
    expect(graph.format).toBe("docschema-graph");
    expect(graph.models.map((m) => m.id)).toEqual([
      "components.Choice",
      "components.ErrorT",
      "components.FinishReason",
      "operations.Content",
      "operations.ErrorT",
      "operations.Role",
    ]);
    const summary = await runMain(["graph", input, "--summary"]);
    expect(summary.stdout).toBe("6 docs, 6 models (3 objects, 2 enums, 1 unions), flavour typescript\n  components: 3\n  operations: 3\n0 error(s), 0 warning(s)\n");
  });
});

describe("a reader that stops early", () => {
  it("ends the output quietly when the pipe closes (docschema graph | head)", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist/cli/main.js"), "graph", path.join(ROOT, "docs/models")], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader is gone before the first write (as after `head` has read its lines): every write meets EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("the embedded docs", () => {
  it("generate the chat-completions union and match the committed generated/", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "docschema-embedded-"));
    temps.push(out);
    const run = await runMain(["generate", "docs/models", "-o", out]);
    expect(run.code).toBe(0);
    const union = await readFile(path.join(out, "operations/postv2routerchatcompletionsresponsebody.ts"), "utf8");
    expect(union).toContain("export type PostV2RouterChatCompletionsResponseBody = ResponseBody1 | ResponseBody2;");
    // The companion validator of the same name checks either member.
    expect(union).toContain('import { ResponseBody1 } from "./responsebody1.js";');
    expect(union).toContain("export const PostV2RouterChatCompletionsResponseBody: $Schema<PostV2RouterChatCompletionsResponseBody>");
    expect(await snapshotFolder(out)).toEqual(await snapshotFolder(path.join(ROOT, "generated")));
    expect((await runMain(["generate", "--check"])).code).toBe(0);
  });
});
