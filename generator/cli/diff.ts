/** `docschema diff`: the diff job, printed in the chosen format; `--fail-on` sets the exit code. */
import pc from "picocolors";
import { DocErrors, InputError, diffInputs, formatReport, reaches, readBaseline, readPolicy, withExcluded, type DiffPolicy, type FormatName } from "../pipeline/index.js";
import { printDiagnostics } from "./report.js";

export interface DiffOptions {
  git?: string | undefined;
  format: FormatName;
  failOn?: "breaking" | "warning" | undefined;
  /** A policy file, or the configuration's policy. */
  policy?: string | DiffPolicy | undefined;
  baseline?: string | undefined;
  exclude?: string[] | undefined;
}

/** Returns the exit code: 0, 1 when `--fail-on` is reached, 2 for input errors (usage errors are commander's). */
export async function diff(paths: string[], options: DiffOptions): Promise<number> {
  try {
    // Policy files are read first: a mistake in them should not wait for the docs to be parsed.
    const given = typeof options.policy === "string" ? await readPolicy(options.policy) : (options.policy ?? {});
    const policy = withExcluded(given, options.exclude ?? []);
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
