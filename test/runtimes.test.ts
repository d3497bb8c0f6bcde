/**
 * Same input, byte-identical output: across runs, and across the JavaScript runtimes people run the CLI with (Node
 * and Bun, a pinned dev dependency), for every kind of validator. Output text must not depend on how a runtime
 * escapes strings or orders keys.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotFolder } from "./helpers/cli.js";
import { buildCli } from "./helpers/generate-run.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/cli/main.js");
const bun = path.join(root, "node_modules/.bin/bun");
const docs = path.join(root, "docs/models");
const work = mkdtempSync(path.join(os.tmpdir(), "docschema-runtimes-"));

beforeAll(() => buildCli(), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(runtime: string, out: string, validators: string): void {
  execFileSync(runtime, [cli, "generate", docs, "-o", out, "--no-cache", "--validators", validators, "--quiet"], { stdio: "pipe" });
}

describe("output bytes", { timeout: 120_000 }, () => {
  it.each(["compiled", "zod", "none"])("are the same under Node, again under Node, and under Bun (--validators %s)", async (validators) => {
    const outputs = [
      ["node", process.execPath],
      ["node again", process.execPath],
      ["bun", bun],
    ].map(([name, runtime]) => {
      const out = path.join(work, `${validators}-${name!.replace(" ", "-")}`);
      generate(runtime!, out, validators);
      return snapshotFolder(out);
    });
    const [node, again, underBun] = await Promise.all(outputs);
    expect(node!.size).toBeGreaterThan(50);
    expect(again).toEqual(node);
    expect(underBun).toEqual(node);
  });
});
