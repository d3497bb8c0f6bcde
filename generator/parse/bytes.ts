/** Decoding one doc: strict UTF-8, so a file that is not valid UTF-8 becomes a located error, never mojibake in the model. */
import { parseDoc, type ParsedDoc } from "./doc.js";

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
