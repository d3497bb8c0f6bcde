/**
 * Builders for small model docs in the seed format (../shared/seeds), so tests state only what matters:
 * a title, rows or values. Tables are written the way the SDK generators write them (leading and trailing pipes).
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const YES = ":heavy_check_mark:";
export const NO = ":heavy_minus_sign:";

/** Cells of a Fields row: field, type, required, description and optionally example. */
export type Row = readonly string[];

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A TS-flavoured object doc: `# Name`, Example Usage, `## Fields`. */
export function tsObject(name: string, rows: readonly Row[], { description = "", example = true } = {}): string {
  const header = rows.some((row) => row[4] !== undefined) ? ["Field", "Type", "Required", "Description", "Example"] : ["Field", "Type", "Required", "Description"];
  const usage = ["## Example Usage", "", "```typescript", `let value: ${name.replace(/~/g, "")} = {};`, "```", ""];
  return [`# ${name}`, ...(description ? ["", description] : []), "", ...(example ? usage : []), "## Fields", "", table(header, rows)].join("\n");
}

/** A Python-flavoured object doc: `# Name`, `## Fields` (no example). */
export function pyObject(name: string, rows: readonly Row[], description = ""): string {
  return [`# ${name}`, ...(description ? ["", description] : []), "", "## Fields", "", table(["Field", "Type", "Required", "Description"], rows)].join("\n");
}

/** One object in both flavours, side by side: `[TS field, TS type, Python field, Python type, required, description?]` per row. */
export function twinObjects(name: string, rows: readonly (readonly [string, string, string, string, boolean, string?])[]): { ts: string; py: string } {
  const cells = (row: (typeof rows)[number]) => [row[4] ? YES : NO, row[5] ?? "N/A"];
  return {
    ts: tsObject(name, rows.map((row) => [`\`${row[0]}\``, row[1], ...cells(row)])),
    py: pyObject(name, rows.map((row) => [`\`${row[2]}\``, row[3], ...cells(row)])),
  };
}

/** A TS enum: one literal-union line in a typescript fence. */
export function tsEnum(name: string, values: readonly string[], description = ""): string {
  return [
    `# ${name}`,
    ...(description ? ["", description] : []),
    "",
    "## Example Usage",
    "",
    "```typescript",
    `let value: ${name} = ${values[0]};`,
    "```",
    "",
    "## Values",
    "",
    "```typescript",
    values.join(" | "),
    "```",
  ].join("\n");
}

/** A Python enum: a bullet list of code-spanned literals. */
export function pyEnum(name: string, values: readonly string[], intro = ""): string {
  return [
    `# ${name}`,
    "",
    "## Example Usage",
    "",
    "```python",
    `value: ${name} = ${values[0]}`,
    "```",
    "",
    "## Values",
    "",
    ...(intro ? [intro, ""] : []),
    ...values.map((value) => `- \`${value}\``),
  ].join("\n");
}

/** A union doc: one `### \`type\`` heading (and example fence) per member. */
export function unionDoc(name: string, members: readonly string[], lang = "typescript"): string {
  return [
    `# ${name}`,
    "",
    "## Supported Types",
    "",
    ...members.flatMap((member) => [`### \`${member}\``, "", `\`\`\`${lang}`, `const value: ${member} = {};`, "```", ""]),
  ].join("\n");
}

/** TS link to a model doc from inside `docs/models/<ns>/`. */
export function tsLink(ns: string, name: string): string {
  return `[${ns}.${name}](../../models/${ns}/${name.toLowerCase()}.md)`;
}

/** Python link (`[Wrapper[models.X]](../models/x.md)`), the wrapper inside the link text. */
export function pyLink(name: string, wrapper = ""): string {
  const text = wrapper ? `${wrapper}[models.${name}]` : `models.${name}`;
  return `[${text}](../models/${name.toLowerCase()}.md)`;
}

/** Writes a doc tree (relative path → text or bytes) into a fresh temp folder and returns the folder. */
export async function writeTree(files: Record<string, string | Uint8Array>, prefix = "docschema-docs-"): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), content);
  }
  return folder;
}

/**
 * Writes model docs (path relative to the input folder → content) into `<temp>/docs/models/`, the layout SDKs use:
 * TS links (`../../models/ns/x.md`) climb above the input folder and come back, so it must be named `models`.
 */
export async function writeDocs(files: Record<string, string | Uint8Array>): Promise<{ root: string; input: string }> {
  const root = await writeTree(Object.fromEntries(Object.entries(files).map(([file, content]) => [`docs/models/${file}`, content])));
  return { root, input: path.join(root, "docs/models") };
}

/** A small, complete TS doc set: objects, enums (one open), a union, a cross-namespace reference and a same-title pair. */
export const TS_FIXTURE: Record<string, string> = {
  "components/choice.md": tsObject(
    "Choice",
    [
      ["`finishReason`", tsLink("components", "FinishReason"), YES, "Why the model stopped."],
      ["`index`", "*number*", YES, "N/A"],
      ["`content`", "*operations.Content*", NO, "N/A"],
      ["`created`", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", NO, "N/A"],
      ["`metadata`", "Record<string, *any*>", NO, "N/A"],
    ],
    { description: "One choice." },
  ),
  "components/finishreason.md": tsEnum("FinishReason", ['"stop"', '"length"', '"tool_calls"']),
  "components/errort.md": tsObject("ErrorT", [["`message`", "*string*", YES, "N/A"]]),
  "operations/content.md": unionDoc("Content", ["string", "components.Choice[]"]),
  "operations/role.md": tsEnum("Role", ['"user"', '"assistant"', "Unrecognized<string>"]),
  "operations/errort.md": tsObject("ErrorT", [["`error`", tsLink("components", "ErrorT"), YES, "N/A"], ["`role`", tsLink("operations", "Role"), NO, "N/A"]]),
};
