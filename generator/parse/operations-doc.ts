/**
 * Operation docs (`docs/sdks/<group>/README.md`, docs/FORMAT.md §5): one `## <method>` section per operation, with
 * a usage snippet comment carrying the operationID, a `### Parameters` table, a `### Response` line and an
 * `### Errors` table. Only the model names matter here: they say which models an operation sends and receives.
 */
import path from "node:path";
import type { Table } from "mdast";
import type { ModelId, Operation } from "../model/types.js";
import { outline, parseMarkdown, sourceOf, splitRow } from "./markdown.js";

const SNIPPET = /<!--\s*UsageSnippet\b([^>]*)-->/;
/** `ns.Name` as written in type cells, link texts and error tables (`operations.X`, `models.X`, `errors.X`). */
const QUALIFIED_NAME = /\b([a-z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)/g;
/** Parameter rows that are SDK plumbing, not part of the API (`options`, `options.retries`, Python `retries`). */
const PLUMBING = /^(options(\.|$)|retries$|server_url$|http_headers$)/;

/** The operations of one README, with every `ns.Name` it mentions; the graph keeps those that are models. */
export function parseOperationsDoc(file: string, text: string): Operation[] {
  const doc = outline(parseMarkdown(text), text);
  const group = doc.title ? sourceOf(text, doc.title).replace(/^#\s*/, "").trim() : path.posix.basename(path.posix.dirname(file));
  const operations: Operation[] = [];
  for (const section of doc.sections) {
    if (section.title === "Overview") continue;
    const deprecated = /^~~.*~~$/.test(section.title);
    const name = section.title.replace(/^~~|~~$/g, "");
    const request: ModelId[] = [];
    const response: ModelId[] = [];
    const errors: ModelId[] = [];
    let snippet: Record<string, string> = {};
    let subsection = "";
    for (const block of section.blocks) {
      if (block.type === "heading" && block.depth === 3) subsection = sourceOf(text, block).replace(/^###\s*/, "").trim();
      else if (block.type === "html" && SNIPPET.test(block.value) && !snippet["operationID"]) snippet = attributes(SNIPPET.exec(block.value)![1]!);
      else if (subsection === "Parameters" && block.type === "table") request.push(...tableNames(text, block, 1));
      else if (subsection === "Response") response.push(...namesIn(sourceOf(text, block)));
      else if (subsection === "Errors" && block.type === "table") errors.push(...tableNames(text, block, 0));
    }
    const start = section.heading.position!.start;
    operations.push({
      id: snippet["operationID"] ?? `${group}.${name}`,
      group,
      name,
      ...(snippet["method"] ? { method: snippet["method"] } : {}),
      ...(snippet["path"] ? { path: snippet["path"] } : {}),
      ...(deprecated ? { deprecated: true } : {}),
      request: unique(request),
      response: unique([...response, ...errors]),
      ...(errors.length ? { errors: unique(errors) } : {}),
      source: { file, line: start.line, column: start.column },
    });
  }
  return operations;
}

/**
 * Names in one column of a table's body rows, ignoring plumbing rows keyed by the first column. Rows are read from
 * the source lines, as everywhere else: the parser lightens table bodies before remark sees them (markdown.ts).
 */
function tableNames(text: string, table: Table, column: number): ModelId[] {
  return sourceOf(text, table)
    .split("\n")
    .slice(2)
    .flatMap((line) => {
      const cells = splitRow(line.replace(/\r$/, ""));
      if (PLUMBING.test((cells[0]?.text ?? "").replace(/`/g, ""))) return [];
      const cell = cells[column];
      return cell ? namesIn(cell.text) : [];
    });
}

function namesIn(source: string): ModelId[] {
  // Link destinations (`../../models/components/x.md`) are paths, not names.
  const withoutTargets = source.replace(/\]\([^)]*\)/g, "]");
  return [...withoutTargets.matchAll(QUALIFIED_NAME)].map((m) => `${m[1]}.${m[2]}`);
}

function attributes(source: string): Record<string, string> {
  return Object.fromEntries([...source.matchAll(/([A-Za-z_]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
