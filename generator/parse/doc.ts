/**
 * One model doc in, one model fragment out: classify the doc by its `## ` headings and hand each section to
 * the parser of its kind. Pure (text in, plain data out) so it can run in worker threads and be cached.
 */
import type { Code, Heading, Root, RootContent } from "mdast";
import type { Flavour, Model, ParsedDoc } from "../model/types.js";
import { DocContext } from "./context.js";
import { parseValuesSection } from "./enum-doc.js";
import { outline, parseMarkdown, sourceOf, sourceOfBlocks, type Section } from "./markdown.js";
import { parseFieldsSection } from "./object-doc.js";
import { parseSupportedTypesSection } from "./union-doc.js";

export type { ParsedDoc };

export interface DocInput {
  /** Path relative to the input folder, forward slashes. */
  file: string;
  text: string;
  /** Absolute posix path the input folder stands for when resolving links (default `/docs/models`, see DocContext). */
  root?: string;
}

/** The namespace of a doc: its folder (`components/x.md`), or `models` for the flat Python layout. */
export function namespaceOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "models" : file.slice(0, slash).replace(/\//g, ".");
}

export function parseDoc({ file, text, root }: DocInput): ParsedDoc {
  // CRLF files mean the same as LF files; without this, \r would end up in descriptions and examples.
  const ctx = new DocContext(file, text.replace(/\r\n/g, "\n"), namespaceOf(file), root);
  const flavour = flavourOf(ctx.text);
  const model = readModel(ctx, flavour);
  return { file, ...(model ? { model } : {}), ...(flavour ? { flavour } : {}), diagnostics: ctx.diagnostics };
}

function readModel(ctx: DocContext, flavour: Flavour | undefined): Model | undefined {
  if (ctx.text.trim() === "") {
    ctx.error("empty-file", "file is empty");
    return undefined;
  }
  const root = parseMarkdown(ctx.text);
  reportUnclosedFences(ctx, root);
  const doc = outline(root, ctx.text);
  const name = readTitle(ctx, doc.title);
  if (!name) return undefined;
  for (const section of doc.sections) reportStrayBlocks(ctx, section);

  const sections = new Map<string, Section>();
  for (const section of doc.sections) {
    if (sections.has(section.title)) ctx.warn("duplicate-section", `section "## ${section.title}" appears twice; the first one is used`, section.heading.position!.start);
    else sections.set(section.title, section);
  }
  // Only what follows the title describes the model; anything before it is stray.
  const titleOffset = doc.title!.position!.start.offset!;
  const [before, after] = [doc.preamble.filter((b) => b.position!.start.offset! < titleOffset), doc.preamble.filter((b) => b.position!.start.offset! > titleOffset)];
  for (const block of before) ctx.warn("stray-content", `unexpected ${block.type === "html" ? "HTML" : block.type} before the title is ignored`, block.position!.start);
  const description = sourceOfBlocks(ctx.text, after).trim();
  const example = sections.get("Example Usage")?.blocks.find((b): b is Code => b.type === "code")?.value;
  const base = {
    id: `${ctx.namespace}.${name.name}`,
    name: name.name,
    namespace: ctx.namespace,
    ...(description ? { description } : {}),
    ...(name.deprecated || /^@deprecated/m.test(description) ? { deprecated: true } : {}),
    ...(example !== undefined ? { example } : {}),
    source: ctx.at(doc.title!.position!.start.line, doc.title!.position!.start.column),
  };

  const kinds = (["Fields", "Values", "Supported Types"] as const).filter((title) => sections.has(title));
  if (kinds.length !== 1) {
    const found = doc.sections.map((s) => `## ${s.title}`).join(", ") || "no ## sections";
    ctx.error(
      "unknown-kind",
      kinds.length === 0
        ? `cannot tell the kind of this doc: expected ## Fields (object), ## Values (enum) or ## Supported Types (union), found ${found}`
        : `the doc has sections of several kinds (${kinds.map((k) => `## ${k}`).join(", ")})`,
      doc.title!.position!.start,
    );
    return undefined;
  }
  const section = sections.get(kinds[0]!)!;
  switch (kinds[0]) {
    case "Fields": {
      const body = parseFieldsSection(ctx, section, flavour === "python");
      return body && { kind: "object", ...base, ...body };
    }
    case "Values": {
      const body = parseValuesSection(ctx, section);
      return body && { kind: "enum", ...base, values: body.values, valueLines: body.lines, ...(body.names ? { names: body.names } : {}), ...(body.open ? { open: true } : {}) };
    }
    default: {
      const members = parseSupportedTypesSection(ctx, section);
      return members && { kind: "union", ...base, members };
    }
  }
}

function readTitle(ctx: DocContext, title: Heading | undefined): { name: string; deprecated: boolean } | undefined {
  if (!title) {
    ctx.error("missing-title", "the doc must start with a `# Name` title");
    return undefined;
  }
  const raw = sourceOf(ctx.text, title).replace(/^#\s*/, "").trim();
  const match = /^(~~)?([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(raw);
  if (!match) {
    ctx.error("bad-title", `the title must be a model name such as "# ChatMessage", found "# ${raw}"`, title.position!.start);
    return undefined;
  }
  const name = match[2]!;
  const fileName = ctx.file.slice(ctx.file.lastIndexOf("/") + 1).replace(/\.md$/, "");
  if (fileName.replace(/_$/, "") !== name.toLowerCase()) {
    ctx.warn("title-mismatch", `title "${name}" does not match the file name "${fileName}.md" (expected "${name.toLowerCase()}.md")`, title.position!.start);
  }
  return { name, deprecated: Boolean(match[1]) };
}

/** The flavour shows in code fences (`typescript` / `python`) or, for Python objects without examples, in `*str*`-style cells. */
function flavourOf(text: string): Flavour | undefined {
  const fence = /^```(typescript|ts|python)\s*$/m.exec(text);
  if (fence) return fence[1] === "python" ? "python" : "typescript";
  // `*str*` must end at the asterisk: `*string*` starts with `*str` too.
  if (/\|\s*(\*((str|int|float|bool|Any)\*|Optional\[|Nullable\[|OptionalNullable\[)|(List|Dict)\[|\[models\.)/.test(text)) return "python";
  if (/\|\s*(\*(string|number|boolean)\*|\[(components|operations|errors)\.)/.test(text)) return "typescript";
  return undefined;
}

/** What each known `## ` section holds: its main blocks, and what may come before the first of them. */
const SECTION_BLOCKS: Record<string, { main: (block: RootContent) => boolean; intro?: (block: RootContent) => boolean }> = {
  "Example Usage": { main: (block) => block.type === "code" },
  Fields: { main: (block) => block.type === "table" },
  // Python open enums say so in a paragraph before the list.
  Values: { main: (block) => block.type === "code" || block.type === "list" || block.type === "table", intro: (block) => block.type === "paragraph" },
  "Supported Types": { main: (block) => (block.type === "heading" && block.depth === 3) || block.type === "code" },
};

/** Unknown sections and content a section should not hold are ignored, so say so: they may be a damaged doc. */
function reportStrayBlocks(ctx: DocContext, section: Section): void {
  const expected = SECTION_BLOCKS[section.title];
  if (!expected) {
    ctx.warn("unknown-section", `unknown section "## ${section.title}" is ignored`, section.heading.position!.start);
    return;
  }
  let seenMain = false;
  for (const block of section.blocks) {
    if (expected.main(block)) seenMain = true;
    else if (seenMain || !expected.intro?.(block)) {
      const what = block.type === "html" ? "HTML" : block.type;
      ctx.warn("stray-content", `unexpected ${what} in "## ${section.title}" is ignored`, block.position!.start);
    }
  }
}

/** A fence that is never closed swallows the rest of the file: the usual sign of a truncated doc. */
function reportUnclosedFences(ctx: DocContext, root: Root): void {
  for (const node of root.children) {
    if (node.type !== "code") continue;
    const source = sourceOf(ctx.text, node);
    const fence = /^(`{3,}|~{3,})/.exec(source)?.[1];
    if (!fence) continue;
    const lines = source.split("\n");
    const last = lines[lines.length - 1]!.trim();
    const closed = lines.length > 1 && last.startsWith(fence) && /^(`+|~+)$/.test(last);
    if (!closed) ctx.error("unclosed-fence", `code block opened here is never closed (is the file truncated?)`, node.position!.start);
  }
}
