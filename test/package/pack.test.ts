/**
 * The package as users get it: `npm pack`, installed into a fresh project (`npm i -D ./docschema-x.y.z.tgz`, the
 * registry for its dependencies), then, on every Node version docschema supports: `npx docschema` generate (from
 * a TypeScript configuration file with two targets), --check, graph, diff and --watch; and a TypeScript consumer
 * of the library API and of the generated validators, type-checked with tsc and run.
 *
 * The Node versions: the one running the tests, and those of DOCSCHEMA_TEST_NODES (default: the declared minimum
 * 20.19.0, and 22 and 24, the LTS lines), installed from the registry's `node` package into .cache/node-versions.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAddedField } from "../../scripts/lib/edit-docs.mjs";
import { STRICT_TSCONFIG } from "../helpers/typecheck.js";

const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string; engines: { node: string }; devDependencies: Record<string, string> };
const versions = (process.env["DOCSCHEMA_TEST_NODES"] ?? "20.19.0,22,24").split(",").filter(Boolean);
let work: string;
let project: string;

const CONFIG = `import { defineConfig } from "docschema";

export default defineConfig({
  input: "docs/models",
  targets: [
    { name: "types", out: "src/generated" },
    { name: "zod", out: "src/zod", validators: "zod", unknownKeys: "strip" },
  ],
  diff: { failOn: "breaking" },
});
`;

const CONSUMER = `import { defineConfig, diff, emit, generate, loadGraph, type Config, type Diagnostic, type DiffReport, type ModelGraph } from "docschema";
import { components } from "./src/generated/index.js";
import { components as schemas } from "./src/zod/index.js";

const config: Config = defineConfig({ out: "elsewhere", validators: "none" });
const { graph, diagnostics }: { graph: ModelGraph; diagnostics: Diagnostic[] } = await loadGraph("docs/models");
const emitted = await emit(graph, { emit: "json-schema" });
const report: DiffReport = await diff(graph, { ...graph, models: graph.models.slice(1) });
const result = await generate({ input: "docs/models", out: "api-out", validators: "none" });
const usage: components.CompletionUsage = components.CompletionUsage.assert({ completionTokens: 1, promptTokens: 2, totalTokens: 3 });
const bad = components.CompletionUsage.validate({ completionTokens: "one" });
const parsed = schemas.CompletionUsage.safeParse({ completionTokens: 1, promptTokens: 2, totalTokens: 3, extra: true });
console.log(JSON.stringify({
  models: graph.models.length,
  errors: diagnostics.filter((d) => d.severity === "error").length,
  emitted: emitted.files.map((file) => file.path),
  removed: report.summary.models.removed,
  status: result.status,
  total: usage.totalTokens,
  bad: bad.ok ? [] : bad.issues.map((issue) => issue.pointer),
  zod: parsed.success && !("extra" in parsed.data),
  config: config.out,
}));
`;

// No skipLibCheck and no @types/node: docschema's own .d.ts must type-check in a project that has neither.
const TSCONFIG = {
  compilerOptions: { ...STRICT_TSCONFIG.compilerOptions, noEmit: false, skipLibCheck: false, outDir: "build" },
  include: ["consumer.ts", "readme.ts", "src/**/*.ts"],
};

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** The `node` binary of a version, installed once from the registry's `node` package. */
function nodeOf(version: string): string {
  const prefix = path.join(root, ".cache/node-versions", version);
  const binary = path.join(prefix, "node_modules/.bin/node");
  if (!existsSync(binary)) npm(["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", `node@${version}`], root);
  return binary;
}

/** Runs `command` in the project with `node` first on the PATH (npx and the bin's `#!/usr/bin/env node` use it). */
function runWith(node: string, command: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env["PATH"]}`, NO_COLOR: "1", npm_config_update_notifier: "false" };
  const run = spawnSync(command, args, { cwd: project, env, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "docschema-pack-"));
  project = path.join(work, "project");
  // dist/ was just built by the global setup; packing must not build it again.
  const [packed] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], root)) as { filename: string; files: { path: string }[] }[];
  expect(packed!.filename).toBe(`docschema-${manifest.version}.tgz`);
  const files = packed!.files.map((file) => file.path);
  expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "dist/pipeline/watch.js", "action.yml", "action/run.sh"]));
  expect(files.filter((file) => !file.startsWith("dist/") && !["package.json", "README.md", "action.yml", "action/run.sh"].includes(file))).toEqual([]);
  expect(files.filter((file) => /\.test\.|\/test\//.test(file))).toEqual([]);
  mkdirSync(project);
  cpSync(path.join(root, "docs"), path.join(project, "docs"), { recursive: true });
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", scripts: { "docs:check": "docschema generate --check" } }, null, 2));
  npm(["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", path.join(work, packed!.filename), `typescript@${manifest.devDependencies["typescript"]}`, `zod@${manifest.devDependencies["zod"]}`], project);
  writeFileSync(path.join(project, "docschema.config.ts"), CONFIG);
  writeFileSync(path.join(project, "consumer.ts"), CONSUMER);
  // The README's Node API example, as it is written there.
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  writeFileSync(path.join(project, "readme.ts"), /## Node API\n\n```ts\n([^]*?)```/.exec(readme)![1]!);
  writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(["current", ...versions])("the installed package on Node %s", (version) => {
  let node: string;
  beforeAll(() => {
    node = version === "current" ? process.execPath : nodeOf(version);
    rmSync(path.join(project, "src"), { recursive: true, force: true });
    rmSync(path.join(project, "build"), { recursive: true, force: true });
  }, 600_000);

  it("runs npx docschema generate from the configuration file, --check, graph, diff and the package.json script", () => {
    const versionRun = runWith(node, node, ["--version"]);
    if (version !== "current") expect(versionRun.stdout.trim()).toMatch(new RegExp(`^v${version.replace(/\./g, "\\.")}`));
    const generate = runWith(node, "npx", ["docschema", "generate"]);
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stderr).toMatch(/→ \d+ files in src\/generated/);
    expect(generate.stderr).toMatch(/→ \d+ files in src\/zod/);
    expect(runWith(node, "npm", ["run", "--silent", "docs:check"]).code).toBe(0);
    const graph = runWith(node, "npx", ["docschema", "graph", "--summary"]);
    expect(graph.stdout).toMatch(/53 models/);
    const diff = runWith(node, "npx", ["docschema", "diff", "docs/models", "docs/models", "--format", "json"]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout)).toMatchObject({ format: "docschema-diff", summary: { breaking: 0 } });
  });

  it("type-checks and runs a TypeScript consumer of the API and of the generated validators", () => {
    const tsc = runWith(node, "npx", ["tsc", "-p", "."]);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    const run = runWith(node, node, ["build/consumer.js"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      models: 53,
      errors: 0,
      emitted: [".docschema", "models.schema.json"],
      removed: 1,
      status: "written",
      total: 3,
      bad: ["/completionTokens", "/promptTokens", "/totalTokens"],
      zod: true,
      config: "elsewhere",
    });
  });

  it("runs the README's Node API example", () => {
    const run = runWith(node, node, ["build/readme.js"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^## docschema diff: no schema changes/m);
  });

  it("watches: an edit reaches the output, and SIGINT leaves nothing behind", async () => {
    const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env["PATH"]}`, NO_COLOR: "1" };
    // The bin itself (npm's link), not npx: the signal must reach docschema, not npm.
    const child = spawn(path.join(project, "node_modules/.bin/docschema"), ["generate", "--watch", "--target", "types"], { cwd: project, env });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    for (let i = 0; i < 600 && !log.includes("watching"); i++) await sleep(50);
    expect(log).toContain("watching");
    const doc = path.join(project, "docs/models/components/completionusage.md");
    const text = readFileSync(doc, "utf8");
    try {
      writeFileSync(doc, withAddedField(text, 1));
      const output = path.join(project, "src/generated/components/completionusage.ts");
      for (let i = 0; i < 400 && !(existsSync(output) && readFileSync(output, "utf8").includes("benchField1")); i++) await sleep(50);
      expect(readFileSync(output, "utf8")).toContain("benchField1");
    } finally {
      child.kill("SIGINT");
      await new Promise((resolve) => child.once("close", resolve));
      writeFileSync(doc, text);
    }
    expect(child.exitCode, log).toBe(0);
    expect(readdirSync(path.join(project, "src")).filter((name) => name.startsWith("."))).toEqual([]);
  });
});
