/**
 * Generated output, made runnable for tests: emit a graph, write it under .cache/test-output/<name> (inside the
 * project, so `zod` resolves), type-check and compile it with TypeScript 7 (`tsc` strict, exactOptionalPropertyTypes)
 * and load its root index. It is compiled to CommonJS and loaded with `require`, natively: an `import()` would
 * send each of the corpus's 18k modules through vitest's transform.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { emitOutput } from "../../generator/emit/index.js";
import { DEFAULT_OPTIONS, type EmitOptions } from "../../generator/emit/options.js";
import type { ModelGraph } from "../../generator/model/types.js";

const root = path.resolve(import.meta.dirname, "../..");

/** For a hook that builds an output: tsc takes seconds, several times that on a loaded machine (zod's types most). */
export const BUILD_TIMEOUT = 120_000;

export interface BuiltOutput {
  /** The output folder, as `generate` writes it. */
  dir: string;
  /** The compiled root index: `{ components: { Choices, … }, … }`. */
  module: Record<string, Record<string, unknown>>;
}

/** `extraFiles` (path → text, relative to the output folder) are compiled with it, e.g. type-level tests. */
export function buildOutput(name: string, graph: ModelGraph, options: Partial<EmitOptions> = {}, extraFiles: Record<string, string> = {}): BuiltOutput {
  const built = buildOutputs(name, [{ name: "", graph, options, extraFiles }]);
  if (built.errors("")) throw new Error(`generated output does not type-check:\n${built.errors("").slice(0, 4000)}`);
  return { dir: path.join(built.dir, "src"), module: built.module("") };
}

/**
 * One graph under several sets of options (a variant each, named by its key), compiled by one tsc run; throws
 * unless every variant type-checks.
 */
export function buildVariants<V extends string>(
  group: string,
  graph: ModelGraph,
  variants: Record<V, Partial<EmitOptions>>,
  settings: BuildSettings = {},
): Record<V, BuiltOutput> {
  const names = Object.keys(variants) as V[];
  const built = buildOutputs(group, names.map((name) => ({ name, graph, options: variants[name] })), settings);
  const errors = names.map((name) => built.errors(name)).filter(Boolean);
  if (errors.length > 0) throw new Error(`generated output does not type-check:\n${errors.join("\n").slice(0, 4000)}`);
  return Object.fromEntries(names.map((name) => [name, { dir: path.join(built.dir, "src", name), module: built.module(name) }])) as Record<V, BuiltOutput>;
}

export interface BuildSettings {
  /** The `lib` of the tsconfig; DOM by default, as binary fields name `Blob` and `ReadableStream`. */
  lib?: string[];
  /** False: compile without type-checking (`--noCheck`), for outputs other tests type-check already. */
  typeCheck?: boolean;
}

export interface OutputBuild {
  name: string;
  graph: ModelGraph;
  options?: Partial<EmitOptions>;
  extraFiles?: Record<string, string>;
}

export interface BuiltOutputs {
  dir: string;
  /** tsc's errors in one output, empty when it type-checks. */
  errors(name: string): string;
  /** One output's compiled root index (compiled even when it does not type-check). */
  module(name: string): BuiltOutput["module"];
}

/** Several outputs under `.cache/test-output/<group>/src/<name>` (`src/` for the name ""), type-checked and compiled by one tsc run. */
export function buildOutputs(group: string, builds: readonly OutputBuild[], settings: BuildSettings = {}): BuiltOutputs {
  const dir = path.join(root, ".cache/test-output", group);
  rmSync(dir, { recursive: true, force: true });
  for (const { name, graph, options = {}, extraFiles = {} } of builds) {
    const emitted = emitOutput(graph, { ...DEFAULT_OPTIONS, ...options });
    const errors = emitted.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`emit errors: ${errors.map((d) => d.message).join("; ")}`);
    for (const file of emitted.files) write(path.join(dir, "src", name, file.path), file.content);
    for (const [file, text] of Object.entries(extraFiles)) write(path.join(dir, "src", name, file), text);
  }
  write(path.join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
  write(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: settings.lib ?? ["ES2023", "DOM"],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        rootDir: "src",
        outDir: "js",
      },
      include: ["src/**/*.ts"],
    }),
  );
  let output = "";
  try {
    const noCheck = settings.typeCheck === false ? ["--noCheck"] : [];
    execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", ".", ...noCheck], { cwd: dir, encoding: "utf8", stdio: "pipe", maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ""}${stderr ?? ""}`;
  }
  // One entry per error: its first line and the indented lines under it. Errors outside src/ count for every output.
  const entries = output.split(/\n(?=\S)/).filter((entry) => entry.trim() !== "");
  const load = createRequire(import.meta.url);
  return {
    dir,
    errors: (name) => entries.filter((entry) => entry.startsWith(path.posix.join("src", name, "/")) || !entry.startsWith("src/")).join("\n").trim(),
    module: (name) => load(path.join(dir, "js", name, "index.js")) as BuiltOutput["module"],
  };
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
