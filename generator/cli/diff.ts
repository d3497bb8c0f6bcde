/** `docschema diff`: the diff job, printed in the chosen format; `--fail-on` sets the exit code. */
import pc from "picocolors";
import { DocErrors, InputError, diffInputs, formatReport, reaches, readBaseline, readPolicy, withExcluded, type FormatName } from "../pipeline/index.js";
import { printDiagnostics } from "./report.js";

export interface DiffOptions {
  git?: string;
  format: FormatName;
  failOn?: "breaking" | "warning";
  policy?: string;
  baseline?: string;
  exclude?: string[];
}

/** Returns the exit code: 0, 1 when `--fail-on` is reached, 2 for input errors (usage errors are commander's). */
export async function diff(paths: string[], options: DiffOptions): Promise<number> {
  try {
    // Policy files are read first: a mistake in them should not wait for the docs to be parsed.
    const policy = withExcluded(options.policy ? await readPolicy(options.policy) : {}, options.exclude ?? []);
    const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
    const report = await diffInputs({ paths, git: options.git, policy, baseline });
    process.stdout.write(formatReport(report, options.format));
    return options.failOn && reaches(report, options.failOn) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (error instanceof DocErrors) printDiagnostics(error.diagnostics, error.prefix, { warnings: false });
    process.stderr.write(`${pc.red("error:")} ${error.message}\n`);
    return 2;
  }
}
