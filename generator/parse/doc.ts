/**
 * One model doc in, one model fragment out: classify the doc by its `## ` headings and hand each section to
 * the parser of its kind. Pure (text in, plain data out) so it can run in worker threads and be cached.
 */
import type { Code, Heading } from "mdast";
import type { Diagnostic, Flavour, Model } from "../model/types.js";
import { DocContext } from "./context.js";
import { parseValuesSection } from "./enum-doc.js";
import { outline, parseMarkdown, sourceOf, sourceOfBlocks, type Section } from "./markdown.js";
import { parseFieldsSection } from "./object-doc.js";
import { parseSupportedTypesSection } from "./union-doc.js";

export interface ParsedDoc {
  file: string;
  /** Absent when the doc could not be understood; the diagnostics then say why. */
  model?: Model;
  /** Which flavour the doc is written in, when it shows. */
  flavour?: Flavour;
  diagnostics: Diagnostic[];
}

export interface DocInput {
  /** Path relative to the input folder, forward slashes. */
  file: string;
  text: string;
  /** Absolute path of the input folder (posix); only used to resolve links that climb above it. */
  root?: string;
}

/** The namespace of a doc: its folder (`components/x.md`), or `models` for the flat Python layout. */
export function namespaceOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "models" : file.slice(0, slash).replace(/\//g, ".");
}

export function parseDoc({ file, text, root }: DocInput): ParsedDoc {
  const ctx = new DocContext(file, text, namespaceOf(file), root);
  const flavour = flavourOf(text);
  const model = readModel(ctx, flavour);
  return { file, ...(model ? { model } : {}), ...(flavour ? { flavour } : {}), diagnostics: ctx.diagnostics };
}

function readModel(ctx: DocContext, flavour: Flavour | undefined): Model | undefined {
  if (ctx.text.trim() === "") {
    ctx.error("empty-file", "file is empty");
    return undefined;
  }
  const doc = outline(parseMarkdown(ctx.text), ctx.text);
  const name = readTitle(ctx, doc.title);
  if (!name) return undefined;

  const sections = new Map<string, Section>();
  for (const section of doc.sections) {
    if (sections.has(section.title)) ctx.warn("duplicate-section", `section "## ${section.title}" appears twice; the first one is used`, section.heading.position!.start);
    else sections.set(section.title, section);
  }
  const description = sourceOfBlocks(ctx.text, doc.preamble).trim();
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
      return body && { kind: "enum", ...base, values: body.values, ...(body.open ? { open: true } : {}) };
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
