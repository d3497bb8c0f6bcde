/**
 * Killed runs (SIGKILL: no cleanup handler runs) leave the previous output or the new one, whole, never a mix; the
 * next run removes what they left beside the folder. The kills land at named points of the write (fault injection,
 * `DOCSCHEMA_FAILPOINT`, see generator/pipeline/failpoint.ts), including the first moment the output folder changes,
 * and at spread times while the new folder is being built. Both write paths: the full one and the incremental one.
 * Also: two runs on one output at once, and a lock left by a killed run. The killed runs, the runs at once and the
 * run after a killed one's lock are child processes of the built CLI; the runs that make the two versions and the
 * runs after a kill call the same built `main` in this process.
 */
import { cpSync, readFileSync, readdirSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, snapshotFolder } from "./helpers/cli.js";
import { projectWithDocs, remove, runIn, type Run } from "./helpers/sandbox.js";

let project: string;
afterEach(() => remove(project));

type Snapshot = Map<string, Buffer>;
const choices = () => path.join(project, "docs/models/components/choices.md");
const original = () => readFileSync(choices(), "utf8");

/** The docs in one of two versions: v2 adds a field to a model many others reference. */
function useVersion(version: 1 | 2, v1: string): void {
  const v2 = v1.replace("| `index`", "| `extra` | *string* | :heavy_minus_sign: | Added in v2. |\n| `index`");
  writeFileSync(choices(), version === 1 ? v1 : v2);
}

/** `generate` as a child process (to be killed, or to run beside another). */
async function generate(flags: string[], options: { env?: Record<string, string>; killAfterMs?: number } = {}): Promise<Run> {
  return runIn(project, ["generate", "docs/models", "-o", "out", ...flags], options);
}

/** `generate` by the built CLI's `main` in this process: a plain run, one at a time. */
async function generateHere(flags: string[]): Promise<{ code: number; stderr: string }> {
  return runMain(["generate", "docs/models", "-o", "out", ...flags], project);
}

/** What is beside the output folder: the lock file, or what a killed run left. */
function leftovers(): string[] {
  return readdirSync(project).filter((name) => name.startsWith(".out."));
}

async function outputState(v1: Snapshot, v2: Snapshot): Promise<string> {
  const now = await snapshotFolder(path.join(project, "out")).catch(() => undefined);
  if (now === undefined || now.size === 0) {
    // Between the two renames of the swap: the previous output waits beside the folder, whole.
    const aside = leftovers().find((name) => name.includes("docschema-old-"));
    if (aside && equal(await snapshotFolder(path.join(project, aside)), v1)) return "previous, aside";
    return "missing";
  }
  return equal(now, v1) ? "previous" : equal(now, v2) ? "new" : "mixed";
}

function equal(a: Snapshot, b: Snapshot): boolean {
  return a.size === b.size && [...a].every(([file, bytes]) => b.get(file)?.equals(bytes) === true);
}

/** Both versions' outputs, made by plain runs, and the project left at v1 with v1's output in `out`. */
async function versions(flags: string[]): Promise<{ v1: Snapshot; v2: Snapshot; text: string }> {
  const text = original();
  useVersion(2, text);
  expect((await generateHere(flags)).code).toBe(0);
  const v2 = await snapshotFolder(path.join(project, "out"));
  useVersion(1, text);
  expect((await generateHere(flags)).code).toBe(0);
  const v1 = await snapshotFolder(path.join(project, "out"));
  expect(equal(v1, v2)).toBe(false);
  return { v1, v2, text };
}

describe("a run killed while it writes", { timeout: 300_000 }, () => {
  for (const [way, flags] of [
    ["full write (no cache)", ["--no-cache"]],
    ["incremental write (cache)", ["--cache-dir", "cache"]],
  ] as const) {
    it(`${way}: leaves the previous or the new output whole at every point of the write; the next run cleans up`, async () => {
      project = projectWithDocs();
      const outputs = await versions([...flags]);
      const expected = { staged: "previous", swapping: "previous, aside", swapped: "new" };
      let from: 1 | 2 = 1;
      for (const [point, state] of Object.entries(expected)) {
        // Each round goes the other way: v1 → v2, then v2 → v1, …
        const to: 1 | 2 = from === 1 ? 2 : 1;
        useVersion(to, outputs.text);
        const killed = await generate([...flags], { env: { DOCSCHEMA_FAILPOINT: point } });
        expect(killed.signal, `${point}: ${killed.stderr}`).toBe("SIGKILL");
        expect(await outputState(outputs[`v${from}`], outputs[`v${to}`]), point).toBe(state);
        const next = await generateHere([...flags]);
        expect(next.code, next.stderr).toBe(0);
        expect(await outputState(outputs[`v${from}`], outputs[`v${to}`]), point).toBe("new");
        expect(leftovers(), point).toEqual([]);
        from = to;
      }
    });
  }

  it("incremental write killed at spread times while it replaces every file: never a mix", async () => {
    project = projectWithDocs();
    // More models, so that the write takes a while: copies of every namespace.
    for (const copy of [2, 3]) {
      for (const ns of ["components", "operations"]) cpSync(path.join(project, "docs/models", ns), path.join(project, `docs/models/${ns}${copy}`), { recursive: true });
    }
    // Two outputs of the same docs that differ in every model file: compiled validators, and zod schemas.
    const flags = { 1: ["--cache-dir", "cache", "--validators", "compiled"], 2: ["--cache-dir", "cache", "--validators", "zod"] };
    expect((await generateHere(flags[2])).code).toBe(0);
    const v2 = await snapshotFolder(path.join(project, "out"));
    expect((await generateHere(flags[1])).code).toBe(0);
    const outputs = { v1: await snapshotFolder(path.join(project, "out")), v2 };
    const states = new Set<string>();
    let from: 1 | 2 = 1;
    // From the first moment the new folder appears (0 ms) to its end (about 100 ms in): kills early, midway and late.
    for (const delay of [0, 20, 50, 100]) {
      const to: 1 | 2 = from === 1 ? 2 : 1;
      const killed = await killWhileWriting(flags[to], delay);
      const state = await outputState(outputs[`v${from}`], outputs[`v${to}`]);
      expect(["previous", "previous, aside", "new"], `killed ${delay} ms into the write (${killed.signal})`).toContain(state);
      states.add(state);
      const next = await generateHere(flags[to]);
      expect(next.code, next.stderr).toBe(0);
      expect(await outputState(outputs[`v${from}`], outputs[`v${to}`])).toBe("new");
      expect(leftovers()).toEqual([]);
      from = to;
    }
    // The kills landed before the swap at least once: the test exercised the write, not only the end of it.
    expect(states.has("previous")).toBe(true);
  });
});

/** Runs `generate` and kills it `delay` ms after it starts writing its new folder beside `out`. */
function killWhileWriting(flags: string[], delay: number): Promise<Run> {
  let kill: () => void = () => undefined;
  const watcher = watch(project, (_, name) => {
    if (name?.startsWith(".out.docschema-new-")) setTimeout(() => kill(), delay);
  });
  const run = runIn(project, ["generate", "docs/models", "-o", "out", ...flags], { onSpawn: (child) => (kill = () => child.kill("SIGKILL")) });
  return run.finally(() => watcher.close());
}

describe("runs on the same output", { timeout: 120_000 }, () => {
  it("two at once: one waits for the other, both succeed, the output is whole", async () => {
    project = projectWithDocs();
    const reference = await generateHere(["--no-cache"]).then(() => snapshotFolder(path.join(project, "out")));
    const [a, b] = await Promise.all([generate(["--no-cache"]), generate(["--no-cache"])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(equal(await snapshotFolder(path.join(project, "out")), reference)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("a lock left by a killed run does not block the next one", async () => {
    project = projectWithDocs();
    const killed = await generate(["--no-cache"], { env: { DOCSCHEMA_FAILPOINT: "staged" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(leftovers()).toContain(".out.docschema.lock");
    const started = Date.now();
    const next = await generate(["--no-cache"]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain("waiting");
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(leftovers()).toEqual([]);
  });
});
