/**
 * The import graph of the generator's sources, read with the TypeScript scanner (static imports, re-exports,
 * `import type` and dynamic `import()` alike), and the rules it must keep: the stages depend one way,
 * `cli → pipeline → {parse, build, emit, diff} → model`, pure stages touch no file system, threads or processes,
 * and no file reaches itself through its imports.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { ts } from "ts-morph";
import { stronglyConnected } from "../../generator/build/union-cycles.js";

export const GENERATOR = path.resolve(import.meta.dirname, "../../generator");

/** What each stage may import from the others (its own folder is always allowed). */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  cli: ["pipeline", "model"],
  pipeline: ["parse", "build", "emit", "diff", "model"],
  parse: ["model"],
  build: ["model"],
  emit: ["model"],
  diff: ["model"],
  model: [],
};

/** Modules with side effects (disk, threads, processes, the environment): the pipeline's and the CLI's alone. */
export const SIDE_EFFECT_MODULES = ["node:fs", "node:fs/promises", "node:worker_threads", "node:child_process", "node:os", "node:process", "tinyglobby"];
const PURE_STAGES = new Set(["parse", "build", "emit", "diff", "model"]);

export interface ImportEdge {
  from: string;
  /** A source file relative to the generator folder, or a package / node: module. */
  to: string;
  line: number;
}

/** Every import of every non-test source file, relative paths resolved to files of the generator folder. */
export async function importGraph(root = GENERATOR): Promise<{ files: string[]; edges: ImportEdge[] }> {
  const files = (await glob("**/*.ts", { cwd: root, ignore: ["**/*.test.ts"] })).sort();
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const imported of importedFiles) {
      const line = text.slice(0, imported.pos).split("\n").length;
      const spec = imported.fileName;
      const to = spec.startsWith(".") ? path.posix.join(path.posix.dirname(file), spec).replace(/\.js$/, ".ts") : spec;
      edges.push({ from: file, to, line });
    }
  }
  return { files, edges };
}

export function stageOf(file: string): string {
  return file.split("/")[0]!;
}

/** Imports against the arrow: into a stage the importer may not use, or of a side-effect module from a pure stage. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const violations: string[] = [];
  for (const edge of edges) {
    const from = stageOf(edge.from);
    const allowed = ALLOWED[from];
    if (!allowed) {
      violations.push(`${edge.from}: not in a known stage (${Object.keys(ALLOWED).join(", ")})`);
      continue;
    }
    if (edge.to.endsWith(".ts")) {
      const to = stageOf(edge.to);
      if (to !== from && !allowed.includes(to)) violations.push(`${edge.from}:${edge.line} imports ${edge.to} (${from} may use ${allowed.join(", ") || "nothing"})`);
    } else if (PURE_STAGES.has(from) && SIDE_EFFECT_MODULES.includes(edge.to)) {
      violations.push(`${edge.from}:${edge.line} imports ${edge.to}: ${from} is a pure stage (side effects belong to pipeline)`);
    }
  }
  return violations;
}

/** Every set of files that import each other in a circle (strongly connected components). */
export function importCycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) if (next.has(edge.to)) next.get(edge.from)!.push(edge.to);
  return stronglyConnected(files, (file) => next.get(file)!)
    .filter((component) => component.length > 1 || next.get(component[0]!)!.includes(component[0]!))
    .map((component) => component.sort());
}

const ROOT = path.resolve(GENERATOR, "..");
/** A path in a comment: relative to its file (starting with a dot) or to the project (`docs/FORMAT.md`). */
const CITATION = /(?<![\w/.@-])((?:\.{1,2}\/)+[\w./-]*\w\.(?:ts|mjs|md)|(?:generator|test|scripts|docs)\/[\w./-]*\w\.(?:ts|mjs|md))/g;

/**
 * Files cited in comments that do not exist. Link examples of the doc format (`../../models/ns/x.md`, paths under
 * `models/`) are not citations; `../shared/…` is the material beside the project.
 */
export async function missingCitations(): Promise<string[]> {
  const files = await glob(["generator/**/*.ts", "test/**/*.ts", "scripts/**/*.mjs"], { cwd: ROOT });
  const missing: string[] = [];
  for (const file of files.sort()) {
    const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const comment = /(?:^\s*\*|(?<!["'`])\/\/|(?<!["'`])\/\*)(.*)$/.exec(line)?.[1];
      if (comment === undefined) return;
      for (const [, cited] of comment.matchAll(CITATION)) {
        if (/(^|\/)models\//.test(cited!)) continue;
        const base = cited!.startsWith("../shared/") ? ROOT : cited!.startsWith(".") ? path.dirname(path.join(ROOT, file)) : ROOT;
        if (!existsSync(path.resolve(base, cited!))) missing.push(`${file}:${i + 1} cites ${cited}`);
      }
    });
  }
  return missing;
}
