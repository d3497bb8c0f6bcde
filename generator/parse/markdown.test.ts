import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Heading, Node, Root, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown.js";

const plain = unified().use(remarkParse).use(remarkGfm);

/**
 * What the doc parsers may read: every block node outside tables with its type, position and value, and the code
 * spans of headings (union members). Other inline nodes are not parsed (see blockStructure in ./markdown.ts).
 */
function blocks(root: Root): unknown[] {
  const seen: unknown[] = [];
  const visit = (node: Node): void => {
    seen.push({ type: node.type, position: node.position, value: "value" in node ? node.value : undefined });
    if (node.type === "table") seen.push({ rows: (node as Table).children.length });
    else if (node.type === "heading") (node as Heading).children.filter((child) => child.type === "inlineCode").forEach(visit);
    else if (node.type !== "paragraph" && "children" in node) for (const child of node.children as Node[]) visit(child);
  };
  visit(root);
  return seen;
}

const padded = [
  "# Padded",
  "",
  "| Name      | Value     |",
  "| --------- | --------- |",
  "| `a`       | 1         |",
  "",
  "Text after   |   a table-like line   |",
  "",
  "```typescript",
  "| Not      | a table   |",
  "| -------- | --------- |",
  "```",
  "",
  "## Fields",
  "",
  "| Field      | Type       | Required           | Description    |",
  "| ---------- | ---------- | ------------------ | -------------- |",
  "| `x`        | *string*   | :heavy_check_mark: | An \\| escaped   pipe |",
  "| `y`        | *number*   | :heavy_minus_sign: | N/A            |",
  "- a list   item after the table",
  "",
  "### `components.X`",
].join("\n");

describe("parseMarkdown: block structure, table padding collapsed", () => {
  it("gives every block outside tables (and heading code spans) the positions and values of a plain remark parse", () => {
    const docs = path.resolve(import.meta.dirname, "../../docs/models");
    const files = readdirSync(docs, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    expect(files.length).toBeGreaterThan(40);
    for (const text of [padded, padded.replace(/\n/g, "\r\n"), ...files.map((file) => readFileSync(path.join(docs, file), "utf8"))]) {
      expect(blocks(parseMarkdown(text))).toEqual(blocks(plain.parse(text)));
    }
  });

  it("leaves code fences alone", () => {
    const code = parseMarkdown(padded).children.find((node) => node.type === "code");
    expect(code && "value" in code ? code.value : undefined).toBe("| Not      | a table   |\n| -------- | --------- |");
  });
});
