/**
 * Every switch over a type-expression kind is exhaustive: with one more kind added to TypeExpr, the generator no
 * longer compiles, and the compiler points into every function that switches over kinds. Checked on a copy of the
 * sources with TypeScript 7.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { glob } from "tinyglobby";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const TYPE_KINDS = new Set(["primitive", "literal", "ref", "array", "map", "union", "nullable", "stream", "optional"]);

/** The functions (by file and line range) holding a `switch (….kind)` whose cases are type-expression kinds. */
function typeKindSwitches(file: string, text: string): { file: string; name: string; from: number; to: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { file: string; name: string; from: number; to: number }[] = [];
  const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isSwitchStatement(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "kind") {
      const labels = node.caseBlock.clauses.flatMap((clause) => (ts.isCaseClause(clause) && ts.isStringLiteral(clause.expression) ? [clause.expression.text] : []));
      if (labels.length > 0 && labels.every((label) => TYPE_KINDS.has(label)) && labels.some((label) => label !== "union")) {
        let fn: ts.Node = node;
        while (!ts.isFunctionLike(fn) && fn.parent) fn = fn.parent;
        const name = ts.isFunctionLike(fn) && fn.name && ts.isIdentifier(fn.name) ? fn.name.text : "(anonymous)";
        found.push({ file, name, from: line(fn.getStart(source)), to: line(fn.end) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("switches over type-expression kinds", () => {
  it("stop compiling, each of them, when TypeExpr gains a kind", async () => {
    const probe = path.join(root, ".cache/exhaustive-probe");
    rmSync(probe, { recursive: true, force: true });
    mkdirSync(probe, { recursive: true });
    cpSync(path.join(root, "generator"), path.join(probe, "generator"), { recursive: true, filter: (src) => !src.endsWith(".test.ts") });
    const types = path.join(probe, "generator/model/types.ts");
    const original = readFileSync(types, "utf8");
    const patched = original.replace("  | { kind: \"stream\"; type: TypeExpr };", "  | { kind: \"stream\"; type: TypeExpr }\n  | { kind: \"probe\" };");
    expect(patched).not.toBe(original);
    writeFileSync(types, patched);
    const tsconfig = JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { compilerOptions: object };
    writeFileSync(path.join(probe, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, typeRoots: [path.join(root, "node_modules/@types")] }, include: ["generator/**/*.ts"] }));

    const files = (await glob("generator/**/*.ts", { cwd: probe })).sort();
    const switches = files.flatMap((file) => typeKindSwitches(file, readFileSync(path.join(probe, file), "utf8")));
    expect(switches.length).toBeGreaterThan(10);

    const output = await run(path.join(root, "node_modules/.bin/tsc"), ["--noEmit", "-p", probe], { cwd: probe }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? "",
    );
    rmSync(probe, { recursive: true, force: true });
    const errors = [...output.matchAll(/^(generator\/[^(]+)\((\d+),\d+\): error/gm)].map(([, file, line]) => ({ file: file!, line: Number(line) }));
    const unguarded = switches.filter((s) => !errors.some((e) => e.file === s.file && e.line >= s.from && e.line <= s.to)).map((s) => `${s.file} ${s.name}`);
    expect(unguarded).toEqual([]);
  });
});
