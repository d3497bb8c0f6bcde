/** Enum docs: `## Values` as a literal-union code block (TS), a bullet list (Python) or a `Name | Value` table (docs/FORMAT.md §2). */
import type { Code, List, Table } from "mdast";
import type { DocContext } from "./context.js";
import { rowMismatch, sourceOf, splitRow, type Section } from "./markdown.js";
import { readJsonString } from "./type-expression.js";

export interface EnumBody {
  values: (string | number)[];
  /** One per value, from a `Name | Value` table's Name column. */
  names?: string[];
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
  if (body) dedupe(ctx, body, block.position!.start);
  return body;
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
  const locate = (at: number) => ctx.at(line + countLines(text.slice(0, at)), at - (text.lastIndexOf("\n", at - 1) + 1) + 1);
  while (offset < text.length && separator === "|") {
    token.lastIndex = offset;
    const match = token.exec(text);
    // Point at the value, not at the space before it.
    const start = offset + /^\s*/.exec(text.slice(offset))![0].length;
    if (!match) {
      ctx.error("bad-enum-value", `cannot read enum value at "${text.slice(start, start + 30).trim()}"`, locate(start));
      return undefined;
    }
    if (match[3] !== undefined) body.open = true;
    else {
      const value = readLiteral(match[1] ?? match[2]!);
      if (value === undefined) {
        ctx.error("bad-enum-value", `enum value ${text.slice(start, start + 30).trim()} is not a JSON string or a number in range`, locate(start));
        return undefined;
      }
      body.values.push(value);
      body.lines.push(locate(start).line);
    }
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
  const nameCol = header.indexOf("name");
  const body: EnumBody = { values: [], lines: [], ...(nameCol >= 0 ? { names: [] } : {}), open: false };
  const unquote = (text: string): string => text.replace(/^`(.*)`$/, "$1");
  for (let line = headerLine + 2; line <= table.position!.end.line; line++) {
    const cells = splitRow(ctx.lineText(line));
    const mismatch = rowMismatch(ctx.lineText(headerLine), ctx.lineText(line), cells.length, header.length);
    if (mismatch) {
      ctx.error("bad-row", mismatch, { line, column: 1 });
      return undefined;
    }
    const raw = unquote(cells[valueCol]!.text);
    body.values.push(readLiteral(raw) ?? raw);
    // The SDK's member name (`ToolCalls`, `TOOL_CALLS`): the emitter makes it a safe identifier.
    body.names?.push(unquote(cells[nameCol]!.text));
    body.lines.push(line);
  }
  return body;
}

function readLiteral(text: string): string | number | undefined {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return readJsonString(text);
  // Out of range, a number would be Infinity, which neither JSON nor TypeScript literal types have.
  if (/^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) return Number(text);
  return undefined;
}

/** Keeps the first of repeated values (and its name and line). */
function dedupe(ctx: DocContext, body: EnumBody, at: { line: number; column: number }): void {
  const seen = new Set<string | number>();
  const first = body.values.map((value) => !seen.has(value) && Boolean(seen.add(value)));
  if (first.every(Boolean)) return;
  ctx.warn("duplicate-enum-value", "enum lists a value more than once", at);
  body.values = body.values.filter((_, index) => first[index]);
  body.lines = body.lines.filter((_, index) => first[index]);
  if (body.names) body.names = body.names.filter((_, index) => first[index]);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
