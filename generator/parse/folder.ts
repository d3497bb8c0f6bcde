/**
 * A folder of model docs in, parse fragments out. Files are listed in a stable order and decoded strictly:
 * a file that is not valid UTF-8 becomes a located error, never mojibake in the model.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Diagnostic } from "../model/types.js";
import { parseDoc, type ParsedDoc } from "./doc.js";

export interface ReadDocsOptions {
  /** Called after each parsed doc, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReadDocsResult {
  docs: ParsedDoc[];
  /** Problems with the folder itself (skipped files), not with one doc's content. */
  diagnostics: Diagnostic[];
}

/** Lists the model docs of a folder: `*.md` at any depth, sorted; in a flat (Python) folder only the top level. */
export async function listDocs(input: string): Promise<{ files: string[]; skipped: string[] }> {
  const all = (await glob("**/*.md", { cwd: input, onlyFiles: true, dot: false })).sort();
  // Python doc sets keep every model at the top level; sub-folders there (`utils/`) hold SDK documentation.
  const flat = all.some((file) => !file.includes("/"));
  return flat ? { files: all.filter((f) => !f.includes("/")), skipped: all.filter((f) => f.includes("/")) } : { files: all, skipped: [] };
}

export async function readDocs(input: string, options: ReadDocsOptions = {}): Promise<ReadDocsResult> {
  const { files, skipped } = await listDocs(input);
  const diagnostics: Diagnostic[] = skipped.map((file) => ({
    severity: "warning",
    code: "skipped-file",
    message: "skipped: in a flat doc set, sub-folders hold SDK documentation, not models",
    file,
    line: 1,
    column: 1,
  }));
  const docs: ParsedDoc[] = [];
  for (const file of files) {
    const bytes = await readFile(path.join(input, file));
    // No root: links resolve as if the input were the SDK's docs/models folder, whatever its name here.
    docs.push(parseBytes(file, bytes));
    options.onProgress?.(docs.length, files.length);
  }
  return { docs, diagnostics };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** Decodes and parses one doc; invalid UTF-8 is reported at the first bad byte. */
export function parseBytes(file: string, bytes: Uint8Array, root?: string): ParsedDoc {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const lenient = lenientUtf8.decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const before = lenient.slice(0, Math.max(bad, 0));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return {
      file,
      diagnostics: [{ severity: "error", code: "invalid-utf8", message: "file is not valid UTF-8", file, line, column }],
    };
  }
  return parseDoc({ file, text: text.replace(/^\uFEFF/, ""), ...(root ? { root } : {}) });
}
