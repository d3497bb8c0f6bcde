/** Tiny model docs in the seed format, and graphs built from them in memory: the fixtures of the diff tests. */
import { buildGraph } from "../../generator/build/graph.js";
import { attachOperations } from "../../generator/build/operations.js";
import type { ModelGraph } from "../../generator/model/types.js";
import { parseDoc } from "../../generator/parse/doc.js";
import { parseOperationsDoc } from "../../generator/parse/operations-doc.js";

/**
 * `[field, type cell, required]`, e.g. `["id", "*string*", true]`, plus an optional description and example
 * (any example adds the Example column). A name written `~~x~~` is a deprecated field.
 */
export type Row = [name: string, type: string, required: boolean, description?: string, example?: string];

export function objectDoc(name: string, rows: Row[], description = `The ${name} object.`): string {
  const examples = rows.some((row) => row[4] !== undefined);
  const lines = rows.map(([field, type, required, text, example]) => {
    const cells = [field.replace(/^(~~)?(.*?)(~~)?$/, "$1`$2`$3"), type, required ? ":heavy_check_mark:" : ":heavy_minus_sign:", text ?? "N/A"];
    return `| ${[...cells, ...(examples ? [example ?? ""] : [])].join(" | ")} |`;
  });
  const header = examples ? "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |" : "| Field | Type | Required | Description |\n| --- | --- | --- | --- |";
  return `# ${name}\n\n${description}\n\n## Fields\n\n${header}\n${lines.join("\n")}\n`;
}

export function enumDoc(name: string, values: string[], open = false): string {
  const union = [...values.map((v) => JSON.stringify(v)), ...(open ? ["Unrecognized<string>"] : [])].join(" | ");
  return `# ${name}\n\n## Example Usage\n\n\`\`\`typescript\nlet value: ${name} = ${JSON.stringify(values[0])};\n\`\`\`\n\n## Values\n\n\`\`\`typescript\n${union}\n\`\`\`\n`;
}

export function unionDoc(name: string, members: string[]): string {
  return `# ${name}\n\n## Supported Types\n\n${members.map((m) => `### \`${m}\`\n\n\`\`\`typescript\nconst value: ${m} = {};\n\`\`\`\n`).join("\n")}`;
}

/** A model link as a Type cell writes it: `[components.Part](../../models/components/part.md)`. */
export function link(id: string): string {
  const [namespace, name] = id.split(".");
  return `[${id}](../../models/${namespace}/${name!.toLowerCase()}.md)`;
}

/** One operation of an operation doc: its method name, operationID (default: the name), and model ids (`components.X`). */
export interface OperationFixture {
  name: string;
  id?: string;
  request?: string;
  response?: string;
  /** Error models of the Errors table, besides `errors.APIError`. */
  errors?: string[];
}

/** A `docs/sdks/<group>/README.md` with one operation per entry. */
export function operationsDoc(group: string, operations: OperationFixture[]): string {
  const sections = operations.map(({ name, id = name, request, response, errors = [] }) =>
    [
      `## ${name}`,
      "",
      `<!-- UsageSnippet language="typescript" operationID="${id}" method="post" path="/${id}" -->`,
      "```typescript\nawait sdk.run();\n```",
      "",
      "### Parameters",
      "",
      "| Parameter | Type | Required | Description |",
      "| --------- | ---- | -------- | ----------- |",
      ...(request ? [`| \`request\` | ${link(request)} | :heavy_check_mark: | The request object. |`] : []),
      "| `options` | RequestOptions | :heavy_minus_sign: | Used to set various options. |",
      "",
      "### Response",
      "",
      response ? `**Promise\\<${link(response)}\\>**` : "**Promise\\<void\\>**",
      "",
      "### Errors",
      "",
      "| Error Type | Status Code | Content Type |",
      "| --- | --- | --- |",
      ...errors.map((error, i) => `| ${error} | ${400 + i} | application/json |`),
      "| errors.APIError | 4XX, 5XX | \\*/\\* |",
      "",
    ].join("\n"),
  );
  return `# ${group}\n\n## Overview\n\n${sections.join("\n")}`;
}

/** Docs keyed by path relative to the models folder (`components/x.md`), plus optional operation READMEs. */
export function graphOf(docs: Record<string, string>, sdks: Record<string, string> = {}): ModelGraph {
  // Links climb to docs/ and back down (`../../models/components/x.md`), as in real docs.
  const parsed = Object.entries(docs).map(([file, text]) => parseDoc({ file, text, root: "/docs/models" }));
  const { graph, diagnostics } = buildGraph(parsed);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`fixture has errors: ${errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join("; ")}`);
  const operations = Object.entries(sdks).flatMap(([file, text]) => parseOperationsDoc(`../sdks/${file}`, text));
  return attachOperations(graph, operations);
}
