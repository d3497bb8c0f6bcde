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

export interface BuiltOutput {
  dir: string;
  /** The compiled root index: `{ components: { Choices, … }, … }`. */
  module: Record<string, Record<string, unknown>>;
}

/** `extraFiles` (path → text, relative to the output folder) are compiled with it, e.g. type-level tests. */
export function buildOutput(name: string, graph: ModelGraph, options: Partial<EmitOptions> = {}, extraFiles: Record<string, string> = {}): BuiltOutput {
  const dir = path.join(root, ".cache/test-output", name);
  rmSync(dir, { recursive: true, force: true });
  const emitted = emitOutput(graph, { ...DEFAULT_OPTIONS, ...options });
  const errors = emitted.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`emit errors: ${errors.map((d) => d.message).join("; ")}`);
  for (const file of emitted.files) write(path.join(dir, "src", file.path), file.content);
  for (const [file, text] of Object.entries(extraFiles)) write(path.join(dir, "src", file), text);
  write(path.join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
  write(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM"],
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
    execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`generated output does not type-check:\n${(stdout ?? "").slice(0, 4000)}${stderr ?? ""}`);
  }
  const module = createRequire(import.meta.url)(path.join(dir, "js/index.js")) as BuiltOutput["module"];
  return { dir, module };
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
