/**
 * The diff policy and baseline files (`--policy`, `--baseline`): read, parsed and checked here, handed to the diff
 * stage as plain data (../diff/policy.ts). Any problem is an InputError naming the file and the key (exit 2).
 */
import { readFile } from "node:fs/promises";
import { checkBaseline, checkPolicy, checkRuleList, type BaselineEntry, type DiffPolicy } from "../diff/policy.js";
import { InputError, reasonOf } from "./errors.js";

export async function readPolicy(file: string): Promise<DiffPolicy> {
  const checked = checkPolicy(await readJson(file, "policy"));
  if ("problems" in checked) throw new InputError(`policy ${file}: ${checked.problems.join("; ")}`);
  return checked.policy;
}

export async function readBaseline(file: string): Promise<BaselineEntry[]> {
  const checked = checkBaseline(await readJson(file, "baseline"));
  if ("problems" in checked) throw new InputError(`baseline ${file}: ${checked.problems.join("; ")}`);
  return checked.baseline;
}

/** A policy with more rules excluded (`--exclude`); unknown rule ids are an InputError. */
export function withExcluded(policy: DiffPolicy, rules: readonly string[]): DiffPolicy {
  if (rules.length === 0) return policy;
  const problems = checkRuleList(rules, "--exclude");
  if (problems.length) throw new InputError(problems.join("; "));
  return { ...policy, exclude: [...new Set([...(policy.exclude ?? []), ...rules])] };
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`${what} ${file}: cannot be read: ${reasonOf(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${file}: not valid JSON (${(error as Error).message})`);
  }
}
