/** The output formats of `docschema diff`. */
import type { DiffReport } from "../types.js";
import { formatChangelog } from "./changelog.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatText } from "./text.js";

export const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson, github: formatGithub, changelog: formatChangelog } as const;
export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function formatReport(report: DiffReport, format: FormatName): string {
  return FORMATS[format](report);
}
