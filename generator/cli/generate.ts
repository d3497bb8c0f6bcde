/** `docschema generate`: runs the generate job and reports it like a compiler: diagnostics, drift, one summary line. */
import { availableParallelism } from "node:os";
import path from "node:path";
import pc from "picocolors";
import { InputError, countBySeverity, generate as run, type GenerateOptions, type GenerateResult } from "../pipeline/index.js";
import { createReporter, printDiagnostics, type Reporter } from "./report.js";

export interface GenerateCliOptions extends Omit<GenerateOptions, "onProgress" | "cacheDir"> {
  quiet?: boolean;
  verbose?: boolean;
  maxDiagnostics?: number;
  cacheDir?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

/** Returns the process exit code. */
export async function generate(input: string, options: GenerateCliOptions): Promise<number> {
  const started = performance.now();
  const reporter = createReporter(options);
  let result: GenerateResult;
  try {
    result = await run(input, {
      ...options,
      cacheDir: options.cache === false ? undefined : options.cacheDir,
      onProgress: (phase, done, total) => {
        if (done === undefined) reporter.done();
        reporter.progress(phase, done, total);
      },
      onWait: (owner) => reporter.info(pc.dim(`waiting for another docschema run writing ${options.out} (${owner})…`)),
    });
  } catch (error) {
    reporter.done();
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${pc.red("error:")} ${error.message}\n`);
    return 2;
  }
  reporter.done();
  if (result.workersCapped) reporter.info(pc.yellow(`warning: --workers ${result.workersCapped} is more than this machine's ${availableParallelism()} cores; using ${availableParallelism()}`));
  for (const warning of result.warnings) reporter.info(`${pc.yellow("warning:")} ${warning}`);
  const failed = result.status === "failed";
  printDiagnostics(result.diagnostics, prefixOf(input), { warnings: !options.quiet || failed, limit: options.maxDiagnostics ?? 200 });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  switch (result.status) {
    case "failed": {
      const { errors, warnings } = countBySeverity(result.diagnostics);
      process.stderr.write(pc.red(`✖ ${errors} error(s), ${warnings} warning(s) in ${result.docCount} docs; nothing was written to ${options.out}\n`));
      return 1;
    }
    case "in-sync":
      reporter.info(pc.green(`✔ ${options.out} is up to date (${result.fileCount} files, ${result.summary}) in ${seconds}s`));
      return 0;
    case "stale": {
      const { stale, missing, extra } = result.drift!;
      for (const file of stale) process.stderr.write(`${pc.yellow("stale")}   ${path.join(options.out, file)}\n`);
      for (const file of missing) process.stderr.write(`${pc.yellow("missing")} ${path.join(options.out, file)}\n`);
      for (const file of extra) process.stderr.write(`${pc.yellow("extra")}   ${path.join(options.out, file)}\n`);
      const total = stale.length + missing.length + extra.length;
      process.stderr.write(pc.red(`✖ ${options.out} is out of date: ${total} file(s) differ. Run \`docschema generate\` and commit the result.\n`));
      return 1;
    }
    case "written":
      summaryLine(reporter, options, seconds, result);
      return 0;
  }
}

/** The summary line, and with --verbose what the caches saved and the peak memory. */
function summaryLine(reporter: Reporter, options: GenerateCliOptions, seconds: string, result: GenerateResult): void {
  const warnings = result.diagnostics.length;
  reporter.info(`${pc.green("✔")} ${result.summary} → ${result.fileCount} files in ${options.out} (${seconds}s${warnings ? `, ${warnings} warning(s)` : ""})`);
  if (options.verbose) {
    const changes = result.written === undefined ? "all written" : `${result.written} written, ${result.removed ?? 0} removed`;
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    reporter.info(pc.dim(`  ${result.parsed}/${result.docCount} docs parsed (the rest cached); files: ${changes}; peak RSS ${rssMb} MB`));
  }
}

/** Diagnostics name files relative to the input folder; prefix them so they are clickable from the cwd. */
export function prefixOf(input: string): string {
  const relative = path.relative(process.cwd(), path.resolve(input)) || ".";
  return `${relative.split(path.sep).join("/")}/`;
}
