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

/** For the hook that builds an output: tsc takes seconds, several times that on a loaded machine. */
export const BUILD_TIMEOUT = 120_000;

export interface BuiltOutput {
  /** The output folder, as `generate` writes it. */
  dir: string;
  /** The compiled root index: `{ components: { Choices, … }, … }`. */
  module: Record<string, Record<string, unknown>>;
}

export interface BuildSettings {
  /** Path → text, relative to the output folder, compiled with it (type-level tests). */
  extraFiles?: Record<string, string>;
  /** The `lib` of the tsconfig; DOM by default, as binary fields name `Blob` and `ReadableStream`. */
  lib?: string[];
  /** False: compile without type-checking (`--noCheck`), for outputs other tests type-check already. */
  typeCheck?: boolean;
}

/** One output of `graph` under `options`, type-checked and loaded. */
export function buildOutput(name: string, graph: ModelGraph, options: Partial<EmitOptions> = {}, settings: BuildSettings = {}): BuiltOutput {
  return buildOutputs(name, graph, { output: options }, settings).output!;
}

/**
 * Several outputs of one graph (a variant per set of options, each in its own folder), type-checked and compiled by
 * one `tsc` run: a run costs about a second before it reads any file.
 */
export function buildOutputs<V extends string>(
  name: string,
  graph: ModelGraph,
  variants: Record<V, Partial<EmitOptions>>,
  settings: BuildSettings = {},
): Record<V, BuiltOutput> {
  const dir = path.join(root, ".cache/test-output", name);
  rmSync(dir, { recursive: true, force: true });
  const entries = Object.entries(variants) as [V, Partial<EmitOptions>][];
  for (const [variant, options] of entries) {
    const emitted = emitOutput(graph, { ...DEFAULT_OPTIONS, ...options });
    const errors = emitted.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`emit errors: ${errors.map((d) => d.message).join("; ")}`);
    for (const file of emitted.files) write(path.join(dir, "src", variant, file.path), file.content);
    for (const [file, text] of Object.entries(settings.extraFiles ?? {})) write(path.join(dir, "src", variant, file), text);
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
  try {
    const noCheck = settings.typeCheck === false ? ["--noCheck"] : [];
    execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", dir, ...noCheck], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`generated output does not type-check:\n${(stdout ?? "").slice(0, 4000)}${stderr ?? ""}`);
  }
  const load = createRequire(import.meta.url);
  const built = {} as Record<V, BuiltOutput>;
  for (const [variant] of entries) {
    built[variant] = { dir: path.join(dir, "src", variant), module: load(path.join(dir, "js", variant, "index.js")) as BuiltOutput["module"] };
  }
  return built;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
