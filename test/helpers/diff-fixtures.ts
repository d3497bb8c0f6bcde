/**
 * Fixtures of the diff tests: model docs built with ./docs.ts, operation READMEs (`docs/sdks/<group>/README.md`),
 * and model graphs built from both in memory, through the same parser and builder as the CLI.
 */
import { buildGraph } from "../../generator/model/build.js";
import { attachOperations } from "../../generator/model/operations.js";
import type { ModelGraph } from "../../generator/model/types.js";
import { parseDoc } from "../../generator/parse/doc.js";
import { parseOperationsDoc } from "../../generator/parse/operations-doc.js";
import { NO, tsEnum, tsLink, tsObject, YES } from "./docs.js";

export { unionDoc } from "./docs.js";

/**
 * `[field, type cell, required]`, e.g. `["id", "*string*", true]`, plus an optional description and example
 * (any example adds the Example column). A name written `~~x~~` is a deprecated field.
 */
export type FieldRow = [name: string, type: string, required: boolean, description?: string, example?: string];

export function objectDoc(name: string, rows: FieldRow[], description = `The ${name} object.`): string {
  const examples = rows.some((row) => row[4] !== undefined);
  const cells = rows.map(([field, type, required, text, example]) => [
    field.replace(/^(~~)?(.*?)(~~)?$/, "$1`$2`$3"),
    type,
    required ? YES : NO,
    text ?? "N/A",
    ...(examples ? [example ?? ""] : []),
  ]);
  return tsObject(name, cells, { description });
}

/** A TS enum of string values; `open` appends `Unrecognized<string>`. */
export function enumDoc(name: string, values: string[], open = false): string {
  return tsEnum(name, [...values.map((v) => JSON.stringify(v)), ...(open ? ["Unrecognized<string>"] : [])]);
}

/** A model link as a Type cell writes it: `[components.Part](../../models/components/part.md)`. */
export function link(id: string): string {
  const dot = id.indexOf(".");
  return tsLink(id.slice(0, dot), id.slice(dot + 1));
}

/** A `docs/sdks/<group>/README.md` with one operation per entry: its request and response model ids. */
export function operationsDoc(group: string, operations: { name: string; request?: string; response?: string }[]): string {
  const sections = operations.map(({ name, request, response }) =>
    [
      `## ${name}`,
      "",
      `<!-- UsageSnippet language="typescript" operationID="${name}" method="post" path="/${name}" -->`,
      "```typescript\nawait sdk.run();\n```",
      "",
      "### Parameters",
      "",
      "| Parameter | Type | Required | Description |",
      "| --------- | ---- | -------- | ----------- |",
      ...(request ? [`| \`request\` | ${link(request)} | ${YES} | The request object. |`] : []),
      `| \`options\` | RequestOptions | ${NO} | Used to set various options. |`,
      "",
      "### Response",
      "",
      response ? `**Promise\\<${link(response)}\\>**` : "**Promise\\<void\\>**",
      "",
      "### Errors",
      "",
      "| Error Type | Status Code | Content Type |",
      "| --- | --- | --- |",
      "| errors.APIError | 4XX, 5XX | \\*/\\* |",
      "",
    ].join("\n"),
  );
  return `# ${group}\n\n## Overview\n\n${sections.join("\n")}`;
}

/** Docs keyed by path relative to the models folder (`components/x.md`), plus operation READMEs keyed by `<group>/README.md`. */
export function graphFromDocs(docs: Record<string, string>, sdks: Record<string, string> = {}): ModelGraph {
  // Links climb to docs/ and back down (`../../models/components/x.md`), as in real docs.
  const parsed = Object.entries(docs).map(([file, text]) => parseDoc({ file, text, root: "/docs/models" }));
  const { graph, diagnostics } = buildGraph(parsed);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`fixture has errors: ${errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join("; ")}`);
  const operations = Object.entries(sdks).flatMap(([file, text]) => parseOperationsDoc(`../sdks/${file}`, text));
  return attachOperations(graph, operations);
}
