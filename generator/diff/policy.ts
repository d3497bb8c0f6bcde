/**
 * Checks a release policy and a baseline (the DiffPolicy and BaselineEntry of ./types.ts) read from JSON, naming
 * each problem by its key. The diff stage takes them as plain values; reading them from files is the pipeline's
 * job (generator/pipeline/policy.ts), and a config file can hold a policy under a `diff` key and check it here.
 */
import { RULES } from "./classify.js";
import type { BaselineEntry, DiffPolicy } from "./types.js";

export type { BaselineEntry, DiffPolicy } from "./types.js";

export const BASELINE_FORMAT = "docschema-baseline";
export const BASELINE_VERSION = 1;

const SEVERITIES = ["breaking", "warning", "info"];
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

/** A policy read from JSON, or the problems with it, each naming where (`rules.x.response`). */
export function checkPolicy(value: unknown): { policy: DiffPolicy } | { problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(value)) return { problems: ["must be an object with `rules` and/or `exclude`"] };
  for (const key of Object.keys(value)) if (key !== "rules" && key !== "exclude") problems.push(`${key}: unknown key (expected rules, exclude)`);
  const { rules, exclude } = value;
  if (rules !== undefined) problems.push(...checkRules(rules, "rules"));
  if (exclude !== undefined) problems.push(...checkRuleList(exclude, "exclude"));
  return problems.length ? { problems } : { policy: value as DiffPolicy };
}

/** Severities per rule (a policy's `rules`, the configuration's `diff.rules`): the problems with them, under `where`. */
export function checkRules(rules: unknown, where: string): string[] {
  if (!isRecord(rules)) return [`${where}: must be an object of rule → severity`];
  const problems: string[] = [];
  for (const [id, severity] of Object.entries(rules)) {
    if (!RULE_IDS.has(id)) problems.push(`${where}.${id}: unknown rule (see the rules table of the README)`);
    else if (isRecord(severity)) {
      for (const [direction, level] of Object.entries(severity)) {
        if (direction !== "request" && direction !== "response") problems.push(`${where}.${id}.${direction}: unknown direction (expected request, response)`);
        else if (!SEVERITIES.includes(level as string)) problems.push(`${where}.${id}.${direction}: ${JSON.stringify(level)} is not a severity (${SEVERITIES.join(", ")})`);
      }
    } else if (!SEVERITIES.includes(severity as string)) {
      problems.push(`${where}.${id}: ${JSON.stringify(severity)} is not a severity (${SEVERITIES.join(", ")}) or { request, response }`);
    }
  }
  return problems;
}

/** Rule ids (`--exclude`, a policy's `exclude`): the problems with them. */
export function checkRuleList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) return [`${where}: must be a list of rule ids`];
  return value.flatMap((id, i) => (typeof id === "string" && RULE_IDS.has(id) ? [] : [`${where}[${i}]: ${JSON.stringify(id)} is not a rule (see the rules table of the README)`]));
}

/** A baseline read from JSON: `{ "format": "docschema-baseline", "version": 1, "ignore": [{ fingerprint, reason }] }`. */
export function checkBaseline(value: unknown): { baseline: BaselineEntry[] } | { problems: string[] } {
  if (!isRecord(value) || value["format"] !== BASELINE_FORMAT) return { problems: [`not a baseline (format must be "${BASELINE_FORMAT}")`] };
  if (value["version"] !== BASELINE_VERSION) return { problems: [`baseline version ${String(value["version"])} is not supported (this docschema reads version ${BASELINE_VERSION})`] };
  const ignore = value["ignore"];
  if (!Array.isArray(ignore)) return { problems: ["ignore: must be a list of { fingerprint, reason }"] };
  const problems = ignore.flatMap((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry["fingerprint"] !== "string" || entry["fingerprint"] === "") return [`ignore[${i}]: needs a fingerprint (a change's "fingerprint" in the JSON report)`];
    if (typeof entry["reason"] !== "string" || entry["reason"].trim() === "") return [`ignore[${i}] (${entry["fingerprint"]}): needs a reason`];
    return [];
  });
  return problems.length ? { problems } : { baseline: (ignore as BaselineEntry[]).map(({ fingerprint, reason }) => ({ fingerprint, reason })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
