/**
 * Same input, byte-identical output: across runs, and across the JavaScript runtimes people run docschema with
 * (Node, and Bun as a pinned dev dependency), for every kind of validator. Output text must not depend on how a
 * runtime escapes strings or orders keys. Each runtime runs the built pipeline on the embedded docs in one process.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const bun = path.join(root, "node_modules/.bin/bun");

/** Prints `{ [validators]: { [path]: text } }` for the embedded docs, with the built pipeline. */
const SCRIPT = `
const { loadGraph, emit } = await import(${JSON.stringify(path.join(root, "dist/pipeline/index.js"))});
const { graph } = await loadGraph(${JSON.stringify(path.join(root, "docs/models"))}, { workers: 1 });
const outputs = {};
for (const validators of ["compiled", "zod", "none"]) {
  const { files } = await emit(graph, { validators });
  outputs[validators] = Object.fromEntries(files.map((file) => [file.path, file.content]));
}
process.stdout.write(JSON.stringify(outputs));
`;

function outputsUnder(runtime: string): Record<string, Record<string, string>> {
  // Node evaluates `-e` as a CommonJS script unless told otherwise; Bun takes modules as they are.
  const args = runtime === bun ? ["-e", SCRIPT] : ["--input-type=module", "-e", SCRIPT];
  return JSON.parse(execFileSync(runtime, args, { encoding: "utf8", maxBuffer: 64 << 20 })) as Record<string, Record<string, string>>;
}

describe("output bytes", { timeout: 120_000 }, () => {
  it("are the same under Node, again under Node, and under Bun, for compiled, zod and no validators", () => {
    const node = outputsUnder(process.execPath);
    expect(Object.keys(node)).toEqual(["compiled", "zod", "none"]);
    for (const files of Object.values(node)) expect(Object.keys(files).length).toBeGreaterThan(50);
    expect(outputsUnder(process.execPath)).toEqual(node);
    expect(outputsUnder(bun)).toEqual(node);
  });
});
