#!/usr/bin/env node
// Writes generator/emit/validators/runtime-source.ts from the runtime modules beside it (runtime.ts, checks.ts): the
// text the generator writes into the output under the same names, and the names each exports as types only.
// `npm run build` runs it first; CI fails when the committed file differs from what it writes (the runtime and the
// text users get cannot drift apart).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";

const folder = path.resolve(import.meta.dirname, "../generator/emit/validators");
export const RUNTIME_SOURCE_MODULE = path.join(folder, "runtime-source.ts");
/** The embedded modules: the constant of runtime-source.ts, the file (the same beside this one and in the output). */
export const EMBEDDED = [
  { constant: "RUNTIME", file: "runtime.ts", about: "the compiled validators' runtime (issues, companions, Standard Schema)" },
  { constant: "CHECKS", file: "checks.ts", about: "what a value is, for compiled validators, their runtime and zod schemas" },
];

/** The text of runtime-source.ts for the source texts of the embedded modules (file → text). */
export function runtimeSourceModule(sources) {
  return [
    "// Made from ./runtime.ts and ./checks.ts by scripts/embed-runtime.mjs (`npm run build` runs it). Do not edit.",
    "",
    "/** A module the generator writes into the output as it is, behind the generated-file banner. */",
    "export interface EmbeddedModule {",
    "  /** Its path in the output, the same as beside this file. */",
    "  readonly file: string;",
    "  /** The names it exports, and those of them that are types only (imported with `type`). */",
    "  readonly exports: ReadonlySet<string>;",
    "  readonly types: ReadonlySet<string>;",
    "  readonly source: string;",
    "}",
    ...EMBEDDED.flatMap(({ constant, file, about }) => ["", `/** ./${file}: ${about}. */`, `export const ${constant}: EmbeddedModule = ${embedded(file, sources[file])};`]),
    "",
  ].join("\n");
}

function embedded(name, source) {
  const text = source.replace(/\r\n/g, "\n");
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const types = [];
  const exports = [];
  for (const statement of file.statements) {
    const exported = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) exports.push(...statement.declarationList.declarations.map((declaration) => declaration.name.getText(file)));
    if (!statement.name) continue;
    exports.push(statement.name.text);
    const typeOnly =
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      (ts.isModuleDeclaration(statement) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Ambient) !== 0);
    if (typeOnly) types.push(statement.name.text);
  }
  const list = (names) => JSON.stringify([...new Set(names)].sort());
  return `{\n  file: ${JSON.stringify(name)},\n  exports: new Set(${list(exports)}),\n  types: new Set(${list(types)}),\n  source: ${asciiJson(text)},\n}`;
}

/** A JSON string literal with non-ASCII escaped, so the generator's own source stays ASCII. */
function asciiJson(text) {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const next = runtimeSourceModule(Object.fromEntries(EMBEDDED.map(({ file }) => [file, readFileSync(path.join(folder, file), "utf8")])));
  let current = "";
  try {
    current = readFileSync(RUNTIME_SOURCE_MODULE, "utf8");
  } catch {}
  if (current !== next) writeFileSync(RUNTIME_SOURCE_MODULE, next);
}
