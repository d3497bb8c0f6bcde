/**
 * Whatever path produces the output (cold without cache, cold with workers, warm, incremental after edits, after a
 * corrupt cache), it is byte for byte the output of a cold single-threaded run on the same docs. Runs the built CLI
 * on a copy of the embedded docs (docs/models) that the tests edit: its `main` in this process (worker threads and
 * caches as in a child), and a warm run as a child process, so the cache on disk is all one run leaves the next.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mostReferencedObjects, withAddedField } from "../scripts/lib/edit-docs.mjs";
import { generateInProcess, mtimes, readTree, referenceTree, runGenerate } from "./helpers/generate-run.js";

const docs = path.resolve(import.meta.dirname, "../docs/models");
let work: string;
let input: string;
let out: string;
let cacheDir: string;

/** The reference: a cold, single-threaded run without cache on the current docs, into a fresh folder. */
function reference(): Promise<Map<string, string>> {
  return referenceTree(input, work);
}

async function generate(flags: string[] = [], { child = false } = {}): Promise<string> {
  const args = ["--cache-dir", cacheDir, "--verbose", ...flags];
  const run = child ? runGenerate(input, out, args) : await generateInProcess(input, out, args);
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

function editMostReferenced(n: number): string {
  const graph = JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8")) as unknown;
  const target = mostReferencedObjects(graph)[0]!;
  expect(target.referrers).toBeGreaterThan(0);
  const file = path.join(input, target.file);
  writeFileSync(file, withAddedField(readFileSync(file, "utf8"), n));
  return target.file;
}

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "docschema-incremental-"));
  input = path.join(work, "docs/models");
  out = path.join(work, "out");
  cacheDir = path.join(work, "cache");
  cpSync(docs, input, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

// Each test runs the CLI up to ten times; on a busy 2-core machine a run can take a second.
describe("generate with a cache", { timeout: 300_000 }, () => {
  it("gives the same bytes cold with workers, warm, and after edits, and leaves unchanged files untouched", async () => {
    const cold = await reference();
    expect(cold.size).toBeGreaterThan(50);
    expect(await generate(["--workers", "2"])).toMatch(/53\/53 docs parsed/);
    expect(readTree(out)).toEqual(cold);

    const before = mtimes(out);
    // In a process of its own: what the cold run left on disk is enough.
    const warm = await generate(["--workers", "2"], { child: true });
    expect(warm).toMatch(/0\/53 docs parsed .*0 written, 0 removed/);
    expect(readTree(out)).toEqual(cold);
    expect(mtimes(out)).toEqual(before);

    const edited = editMostReferenced(1);
    const incremental = await generate();
    expect(incremental).toMatch(/1\/53 docs parsed/);
    const after = await reference();
    expect(readTree(out)).toEqual(after);
    // Only files whose text changed were rewritten: the edited model's file and schema.json.
    const rewritten = [...mtimes(out)].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file);
    const changed = [...after].filter(([file, text]) => cold.get(file) !== text).map(([file]) => file);
    expect(rewritten.sort()).toEqual(changed.sort());
    expect(changed).toContain(edited.replace(/\.md$/, ".ts"));
    expect(changed).toContain("schema.json");
  });

  it("follows removed and added docs, and ten edits at once", async () => {
    await generate();
    // A model nothing references can go without breaking links.
    const removed = path.join(input, mostReferencedObjects(JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8"))).at(-1)!.file);
    const text = readFileSync(removed, "utf8");
    rmSync(removed);
    await generate();
    expect(readTree(out)).toEqual(await reference());

    writeFileSync(removed, text);
    const targets = mostReferencedObjects(JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8"))).slice(0, 10);
    for (const target of targets) {
      const file = path.join(input, target.file);
      writeFileSync(file, withAddedField(readFileSync(file, "utf8"), 7));
    }
    expect(await generate()).toMatch(/11\/53 docs parsed/);
    expect(readTree(out)).toEqual(await reference());
  });

  it("does not parse or write again docs that were only touched", async () => {
    await generate();
    const before = mtimes(out);
    const later = new Date(Date.now() + 5000);
    for (const file of readdirSync(input, { recursive: true, encoding: "utf8" })) {
      if (file.endsWith(".md")) utimesSync(path.join(input, file), later, later);
    }
    expect(await generate()).toMatch(/ 0\/53 docs parsed .*0 written, 0 removed/);
    expect(mtimes(out)).toEqual(before);
    expect(await generate()).toMatch(/ 0\/53 docs parsed .*0 written, 0 removed/);
  });

  it("repairs hand-edited, deleted and extra output files", async () => {
    await generate();
    const expected = readTree(out);
    const [first, second] = [...expected.keys()].filter((file) => file.endsWith(".ts") && file !== "index.ts");
    writeFileSync(path.join(out, first!), "// edited by hand\n");
    rmSync(path.join(out, second!));
    rmSync(path.join(out, "index.ts"));
    writeFileSync(path.join(out, "components/stray.ts"), "export {};\n");
    await generate();
    expect(readTree(out)).toEqual(expected);
  });

  it("ignores a corrupt, truncated or foreign cache and rewrites it", async () => {
    await generate();
    const expected = readTree(out);
    const caches = readdirSync(cacheDir, { recursive: true, encoding: "utf8" })
      .map((file) => path.join(cacheDir, file))
      .filter((file) => statSync(file).isFile());
    expect(caches.length).toBeGreaterThan(2); // the emit manifest and the parse cache's shards
    const damage: ((bytes: Buffer) => Buffer)[] = [
      (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 100), Buffer.alloc(100, 7)]), // flipped tail
      (bytes) => bytes.subarray(0, bytes.length >> 1), // truncated
      () => Buffer.from("not a cache at all"),
      () => Buffer.alloc(0),
    ];
    for (const [i, hurt] of damage.entries()) {
      for (const cache of caches) writeFileSync(cache, hurt(readFileSync(cache)));
      // A doc changes meanwhile: a trusted broken cache could not produce the right output.
      editMostReferenced(i + 10);
      const run = await generate();
      expect(run).toMatch(/53\/53 docs parsed/);
      expect(readTree(out)).toEqual(await reference());
    }
    expect(readTree(out)).not.toEqual(expected);
    // The rewritten cache is good again.
    expect(await generate()).toMatch(/0\/53 docs parsed .*0 written/);
  });

  it("reads the operation docs beside the models as inputs too: an edited README is seen, cached when unchanged", async () => {
    const readme = path.join(work, "docs/sdks/chat/README.md");
    cpSync(path.resolve(docs, "../sdks"), path.join(work, "docs/sdks"), { recursive: true });
    await generate();
    expect(JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8")).operations).toHaveLength(2);
    // A third operation, as the SDK generator would write it: the warm shortcut must not hide it.
    const text = readFileSync(readme, "utf8");
    writeFileSync(readme, `${text}\n## ping\n\nChecks the API.\n\n### Response\n\n**Promise\\<void\\>**\n`);
    expect(await generate()).toMatch(/0\/53 docs parsed .*1 written/);
    expect(readTree(out)).toEqual(await reference());
    expect(JSON.parse(readFileSync(path.join(out, "schema.json"), "utf8")).operations).toHaveLength(3);
    expect(await generate()).toMatch(/0 written, 0 removed/);
  });

  it("keeps the previous output whole when a run fails", async () => {
    await generate();
    const expected = readTree(out);
    const file = path.join(input, "components", readdirSync(path.join(input, "components"))[0]!);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^# \w+/, "# not a name"));
    const run = await generateInProcess(input, out, ["--cache-dir", cacheDir]);
    expect(run.status).toBe(1);
    expect(readTree(out)).toEqual(expected);
  });
});
