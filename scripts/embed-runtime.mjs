#!/usr/bin/env node
// Writes generator/emit/validators/runtime-source.ts from runtime.ts beside it: the text the generator writes into
// every output as `runtime.ts`, and the names it exports as types only. `npm run build` runs it first; CI fails when
// the committed file differs from what it writes (the runtime and the text users get cannot drift apart).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";

const folder = path.resolve(import.meta.dirname, "../generator/emit/validators");
export const RUNTIME_MODULE = path.join(folder, "runtime.ts");
export const RUNTIME_SOURCE_MODULE = path.join(folder, "runtime-source.ts");

/** The text of runtime-source.ts for a runtime module's source text. */
export function runtimeSourceModule(runtime) {
  const text = runtime.replace(/\r\n/g, "\n");
  const file = ts.createSourceFile("runtime.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const types = [];
  for (const statement of file.statements) {
    const exported = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export;
    if (!exported || !statement.name) continue;
    const typeOnly =
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      (ts.isModuleDeclaration(statement) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Ambient) !== 0);
    if (typeOnly) types.push(statement.name.text);
  }
  return [
    "// Made from ./runtime.ts by scripts/embed-runtime.mjs (`npm run build` runs it). Do not edit.",
    "",
    "/** Where the compiled validators' runtime goes in the output. */",
    'export const RUNTIME_FILE = "runtime.ts";',
    "",
    "/** The names the runtime exports as types only (imported with `type`). */",
    `export const RUNTIME_TYPES: ReadonlySet<string> = new Set(${JSON.stringify([...new Set(types)].sort())});`,
    "",
    "/** The text of ./runtime.ts, written into the output behind the generated-file banner. */",
    `export const RUNTIME_SOURCE = ${asciiJson(text)};`,
    "",
  ].join("\n");
}

/** A JSON string literal with non-ASCII escaped, so the generator's own source stays ASCII. */
function asciiJson(text) {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const next = runtimeSourceModule(readFileSync(RUNTIME_MODULE, "utf8"));
  let current = "";
  try {
    current = readFileSync(RUNTIME_SOURCE_MODULE, "utf8");
  } catch {}
  if (current !== next) writeFileSync(RUNTIME_SOURCE_MODULE, next);
}
