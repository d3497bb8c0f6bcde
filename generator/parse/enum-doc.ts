/** Enum docs: `## Values` as a literal-union code block (TS), a bullet list (Python) or a `Name | Value` table (docs/FORMAT.md §2). */
import type { Code, List, Table } from "mdast";
import type { DocContext } from "./context.js";
import { rowMismatch, sourceOf, splitRow, type Section } from "./markdown.js";

export interface EnumBody {
  values: (string | number)[];
  /** The doc line of each value. */
  lines: number[];
  open: boolean;
}

const OPEN_ENUM_SENTENCE = /this is an open enum/i;

export function parseValuesSection(ctx: DocContext, section: Section): EnumBody | undefined {
  const [block, extra] = section.blocks.filter((node) => node.type === "code" || node.type === "list" || node.type === "table");
  if (extra) {
    ctx.error("extra-block", "## Values has more than one block of values; which one holds the values is ambiguous", extra.position!.start);
    return undefined;
  }
  let body: EnumBody | undefined;
  if (block?.type === "code") body = parseLiteralUnion(ctx, block);
  else if (block?.type === "list") body = parseBulletList(ctx, block, section);
  else if (block?.type === "table") body = parseValueTable(ctx, block);
  else {
    ctx.error("missing-values", "## Values has no code block, list or table of values", section.heading.position!.start);
    return undefined;
  }
  if (body && body.values.length === 0 && !body.open) {
    ctx.error("empty-enum", "enum has no values", block.position!.start);
    return undefined;
  }
  return body && dedupe(ctx, body, block.position!.start);
}

/** `"a" | "b" | Unrecognized<string>`, tokenised as JSON literals so values may contain `|` and spaces. */
function parseLiteralUnion(ctx: DocContext, code: Code): EnumBody | undefined {
  const body: EnumBody = { values: [], lines: [], open: false };
  const token = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|(Unrecognized<(?:string|number)>))\s*(\||$)/y;
  const text = code.value;
  // The fence line precedes the code, so value offsets start one line below the node.
  const line = code.position!.start.line + 1;
  let offset = 0;
  let separator = "|";
  let valueLine = line;
  let counted = 0;
  while (offset < text.length && separator === "|") {
    token.lastIndex = offset;
    const match = token.exec(text);
    if (!match) {
      offset += /^\s*/.exec(text.slice(offset))![0].length; // point at the bad value, not the space before it
      const lineOffset = text.lastIndexOf("\n", offset) + 1;
      const at = ctx.at(line + countLines(text.slice(0, offset)), offset - lineOffset + 1);
      ctx.error("bad-enum-value", `cannot read enum value at "${text.slice(offset, offset + 30).trim()}"`, at);
      return undefined;
    }
    const start = offset + /^\s*/.exec(match[0])![0].length;
    valueLine += countLines(text.slice(counted, start));
    counted = start;
    if (match[1] !== undefined) body.values.push(JSON.parse(match[1]) as string);
    else if (match[2] !== undefined) body.values.push(Number(match[2]));
    else body.open = true;
    if (match[3] === undefined) body.lines.push(valueLine);
    separator = match[4]!;
    offset = token.lastIndex;
  }
  if (separator === "|" && body.values.length + (body.open ? 1 : 0) > 0) {
    const lastLine = line + countLines(text);
    ctx.error("bad-enum-value", "the values end with | and no value after it (is the file truncated?)", ctx.at(lastLine, text.length - text.lastIndexOf("\n")));
    return undefined;
  }
  return body;
}

/** Python: `` - `"function"` `` items, and the open-enum sentence in the text before the list. */
function parseBulletList(ctx: DocContext, list: List, section: Section): EnumBody | undefined {
  const body: EnumBody = { values: [], lines: [], open: section.blocks.some((b) => b.type === "paragraph" && OPEN_ENUM_SENTENCE.test(sourceOf(ctx.text, b))) };
  for (const item of list.children) {
    const raw = sourceOf(ctx.text, item).replace(/^[-*+]\s*/, "").trim();
    const match = /^`(.*)`$/.exec(raw);
    const literal = match ? match[1]!.trim() : raw;
    const value = readLiteral(literal);
    if (value === undefined) {
      ctx.error("bad-enum-value", `enum value must be a quoted string or a number, found "${raw}"`, item.position!.start);
      return undefined;
    }
    body.values.push(value);
    body.lines.push(item.position!.start.line);
  }
  return body;
}

/** Older generators: `| Name | Value |`, the Value cell holding the raw wire value. */
function parseValueTable(ctx: DocContext, table: Table): EnumBody | undefined {
  const headerLine = table.position!.start.line;
  const header = splitRow(ctx.lineText(headerLine)).map((cell) => cell.text.toLowerCase());
  const valueCol = header.indexOf("value");
  if (valueCol < 0) {
    ctx.error("bad-table-header", `## Values table needs a Value column, found: ${header.join(" | ")}`, table.position!.start);
    return undefined;
  }
  const body: EnumBody = { values: [], lines: [], open: false };
  for (let line = headerLine + 2; line <= table.position!.end.line; line++) {
    const cells = splitRow(ctx.lineText(line));
    const mismatch = rowMismatch(ctx.lineText(headerLine), ctx.lineText(line), cells.length, header.length);
    if (mismatch) {
      ctx.error("bad-row", mismatch, { line, column: 1 });
      return undefined;
    }
    const raw = cells[valueCol]!.text.replace(/^`(.*)`$/, "$1");
    body.values.push(readLiteral(raw) ?? raw);
    body.lines.push(line);
  }
  return body;
}

function readLiteral(text: string): string | number | undefined {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as string;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** Each value once, at its first line. */
function dedupe(ctx: DocContext, body: EnumBody, at: { line: number; column: number }): EnumBody {
  const seen = new Set<string | number>();
  const kept = body.values.map((value) => !seen.has(value) && Boolean(seen.add(value)));
  if (seen.size === body.values.length) return body;
  ctx.warn("duplicate-enum-value", "enum lists a value more than once", at);
  return { ...body, values: body.values.filter((_, i) => kept[i]), lines: body.lines.filter((_, i) => kept[i]) };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
