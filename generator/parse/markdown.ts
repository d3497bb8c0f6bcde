/**
 * The markdown layer: remark (with GFM tables) gives the block structure; everything inline is read back
 * from the source text through node offsets (docs/FORMAT.md §6), since type cells are node soups.
 */
import type { Heading, Node, Root, RootContent } from "mdast";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/**
 * Block structure only: the parsers read every inline span from the source text, so inline constructs other than
 * code spans (union member headings) are switched off, and of GFM only tables are needed. Inline tokenising was
 * most of remark's time on these docs; the block tree (and every position in it) is the same.
 */
function blockStructure(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), { disable: { null: INLINE_CONSTRUCTS } });
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const INLINE_CONSTRUCTS = ["attention", "autolink", "characterEscape", "characterReference", "hardBreakEscape", "htmlText", "labelStartImage", "labelStartLink", "labelEnd"];

const processor = unified().use(remarkParse).use(blockStructure);
type Point = NonNullable<Node["position"]>["start"];

/**
 * Parses with tables lightened first (./lightenTables), then maps every position outside tables back to the
 * original text, so offsets, lines and columns are those of the file. Rows are read from the source lines (see
 * object-doc.ts), so nothing inside a table node is used; remark only has to find where each table starts and ends.
 */
export function parseMarkdown(text: string): Root {
  const compact = lightenTables(text);
  if (!compact) return processor.parse(text);
  const root = processor.parse(compact.text);
  const starts = lineStartsOf(text);
  const fix = (point: Point): void => {
    const original = compact.lines.get(point.line);
    const column = original ? originalColumn(original.text, original.compact, point.column - 1) : point.column - 1;
    point.column = column + 1;
    point.offset = starts[point.line - 1]! + column;
  };
  const visit = (node: Node): void => {
    if (node.position) {
      fix(node.position.start);
      fix(node.position.end);
    }
    if (node.type !== "table" && "children" in node) for (const child of node.children as Node[]) visit(child);
  };
  visit(root);
  return root;
}

const TABLE_ROW = /^\|.*\|[ \t]*\r?$/;
const DELIMITER_ROW = /^\|(\s*:?-+:?\s*\|)+[ \t]*\r?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Tables outside code fences, reduced to what remark needs to see them on the same lines: the header and delimiter
 * rows without their padding, every body row as `| x |`. SDK docs pad every cell to the widest one, and remark's
 * cost grows with the characters and inline nodes it scans. Undefined when nothing changes.
 */
function lightenTables(text: string): { text: string; lines: Map<number, { text: string; compact: string }> } | undefined {
  const lines = text.split("\n");
  const changed = new Map<number, { text: string; compact: string }>();
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    // A table: a row, then a delimiter row, then rows, each starting and ending with a pipe.
    if (fence !== undefined || !TABLE_ROW.test(line) || !DELIMITER_ROW.test(lines[i + 1] ?? "")) continue;
    for (let row = 0; i < lines.length && TABLE_ROW.test(lines[i]!); i++, row++) {
      const eol = lines[i]!.endsWith("\r") ? "\r" : "";
      const compact = row < 2 ? lines[i]!.replace(/ {2,}(?=\|)|(?<=\|) {2,}/g, " ") : `| x |${eol}`;
      if (compact !== lines[i]) changed.set(i + 1, { text: lines[i]!, compact });
      lines[i] = compact;
    }
    i--;
  }
  return changed.size > 0 ? { text: lines.join("\n"), lines: changed } : undefined;
}

/**
 * The column in an original line of a column in its lightened form: exact where only spaces were dropped, and at
 * the start and end of a line, the only points of a table node that are read.
 */
function originalColumn(original: string, compact: string, column: number): number {
  // At the end of the line (before a carriage return, if any), both lines end alike.
  if (column > 0 && original.endsWith(compact.slice(column))) return original.length - (compact.length - column);
  let i = 0;
  for (let j = 0; j <= column; j++, i++) while (i < original.length && original[i] !== compact[j]) i++;
  return Math.min(i - 1, original.length);
}

/** Offset of the start of each line. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** A `## ` heading and the blocks under it, up to the next `## ` heading. */
export interface Section {
  heading: Heading;
  title: string;
  blocks: RootContent[];
}

export interface DocOutline {
  title?: Heading;
  /** Blocks between the title and the first section. */
  preamble: RootContent[];
  sections: Section[];
}

export function outline(root: Root, text: string): DocOutline {
  const result: DocOutline = { preamble: [], sections: [] };
  let current: RootContent[] = result.preamble;
  for (const node of root.children) {
    if (node.type === "heading" && node.depth === 1 && !result.title && result.sections.length === 0) {
      result.title = node;
    } else if (node.type === "heading" && node.depth === 2) {
      const section: Section = { heading: node, title: sourceOf(text, node).replace(/^##\s*/, "").trim(), blocks: [] };
      result.sections.push(section);
      current = section.blocks;
    } else {
      current.push(node);
    }
  }
  return result;
}

export function sourceOf(text: string, node: Node): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return text.slice(start, end);
}

/** Markdown source of a run of blocks, e.g. a model description. */
export function sourceOfBlocks(text: string, blocks: RootContent[]): string {
  if (blocks.length === 0) return "";
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  return text.slice(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0);
}

/** Turns `<br/>` line breaks and escaped pipes of a table cell into plain text. */
export function cellText(source: string): string {
  return source
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\\\|/g, "|")
    .trim();
}

/** Splits a table row's source line into cell sources with their start columns, honouring escaped pipes. */
export function splitRow(line: string): { text: string; column: number }[] {
  const cells: { text: string; column: number }[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), column: start + lead + 1 });
  };
  if (line.trimStart().startsWith("|")) start = i = line.indexOf("|") + 1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === "|") {
      push(i);
      start = i + 1;
    }
  }
  if (line.slice(start).trim() !== "") push(line.length);
  return cells;
}

/** Why a table row does not line up with its header, if it does not: another cell count, or cut off before its closing `|`. */
export function rowMismatch(headerLine: string, rowLine: string, cells: number, headerCells: number): string | undefined {
  if (cells !== headerCells) return `row has ${cells} cells, the header has ${headerCells}`;
  const closed = (line: string): boolean => /(^|[^\\])\|\s*$/.test(line);
  if (closed(headerLine) && !closed(rowLine)) return "row is cut off: it does not end with | like the header (is the file truncated?)";
  return undefined;
}
