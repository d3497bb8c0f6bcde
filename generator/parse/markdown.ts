/**
 * The markdown layer: remark (with GFM tables) gives the block structure; everything inline is read back
 * from the source text through node offsets (DOCS-FORMAT.md §7.2), since type cells are node soups.
 */
import type { Heading, Node, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
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
