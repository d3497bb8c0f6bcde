/** `docschema generate`: docs → model graph → TypeScript, written atomically or checked against what is on disk. */
import path from "node:path";
import pc from "picocolors";
import { DEFAULT_OPTIONS, type EmitOptions } from "../emit/options.js";
import { hasErrors, loadGraph, type LoadedGraph } from "../model/load.js";
import type { ModelGraph } from "../model/types.js";
import type { RunRecord } from "../cache/emit-manifest.js";
import { emitInParallel, startPrinter } from "../emit/parallel.js";
import { emitIncrementally, type IncrementalEmission } from "./incremental.js";
import { checkOutput, writeOutput } from "./output.js";
import { countBySeverity, createReporter, printDiagnostics, type Reporter } from "./report.js";
import { previousRun } from "./up-to-date.js";

export interface GenerateOptions extends Partial<EmitOptions> {
  out: string;
  check?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  maxDiagnostics?: number;
  workers?: number;
  cacheDir?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

/** Returns the process exit code. */
export async function generate(input: string, options: GenerateOptions): Promise<number> {
  const started = performance.now();
  const reporter = createReporter(options);
  const emitOptions = emitOptionsOf(options);
  const cacheDir = options.cache === false ? undefined : options.cacheDir;
  const previous = cacheDir && !options.check ? await previousRun(input, options.out, cacheDir, emitOptions) : undefined;
  if (previous?.unchanged) {
    const run = previous.unchanged;
    printDiagnostics(run.diagnostics, prefixOf(input), { warnings: !options.quiet, limit: options.maxDiagnostics ?? 200 });
    report(reporter, options, started, run, { parsed: 0, written: 0, removed: 0 });
    return 0;
  }
  // A run after a recorded one usually prints a few files: load the emitter on another core while docs are read.
  const printer = previous?.manifest && options.workers !== 0 && options.workers !== 1 ? startPrinter() : undefined;
  let loaded: LoadedGraph;
  let incremental: IncrementalEmission | undefined;
  try {
    loaded = await loadGraph(input, {
      workers: options.workers,
      cacheDir,
      listing: previous?.listing,
      onProgress: (done, total) => reporter.progress("parsing", done, total),
    });
    reporter.done();
    reporter.progress("emitting");
    // With a cache, only what changed is printed and written; --check and --no-cache print everything.
    if (cacheDir && previous) incremental = await emitIncrementally(loaded, emitOptions, options.out, cacheDir, previous.manifest, printer, options.workers);
  } finally {
    printer?.cancel(); // a no-op once it printed; otherwise its worker must not keep the process alive
  }
  const emitted = incremental ? undefined : await emitInParallel(loaded.graph, emitOptions, new Set(), options.workers);
  reporter.done();
  const diagnostics = [...loaded.diagnostics, ...(incremental ?? emitted!).diagnostics];
  printDiagnostics(diagnostics, prefixOf(input), { warnings: !options.quiet || hasErrors(diagnostics), limit: options.maxDiagnostics ?? 200 });
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors > 0) {
    process.stderr.write(pc.red(`✖ ${errors} error(s), ${warnings} warning(s) in ${loaded.docCount} docs; nothing was written to ${options.out}\n`));
    return 1;
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (emitted && options.check) {
    const drift = await checkOutput(options.out, emitted.files);
    const total = drift.stale.length + drift.missing.length + drift.extra.length;
    if (total === 0) {
      reporter.info(pc.green(`✔ ${options.out} is up to date (${emitted.files.length} files, ${summarize(loaded.graph)}) in ${seconds}s`));
      return 0;
    }
    for (const file of drift.stale) process.stderr.write(`${pc.yellow("stale")}   ${path.join(options.out, file)}\n`);
    for (const file of drift.missing) process.stderr.write(`${pc.yellow("missing")} ${path.join(options.out, file)}\n`);
    for (const file of drift.extra) process.stderr.write(`${pc.yellow("extra")}   ${path.join(options.out, file)}\n`);
    process.stderr.write(pc.red(`✖ ${options.out} is out of date: ${total} file(s) differ. Run \`docschema generate\` and commit the result.\n`));
    return 1;
  }
  reporter.progress("writing");
  const run: RunRecord = {
    inputs: previous?.inputs ?? "",
    summary: summarize(loaded.graph),
    fileCount: incremental?.fileCount ?? emitted!.files.length,
    docCount: loaded.docCount,
    diagnostics,
  };
  const written = incremental ? await incremental.write(run) : await writeOutput(options.out, emitted!.files).then(() => undefined);
  reporter.done();
  report(reporter, options, started, run, { parsed: loaded.parsedCount, ...written });
  return 0;
}

function emitOptionsOf(options: GenerateOptions): EmitOptions {
  return {
    validators: options.validators ?? DEFAULT_OPTIONS.validators,
    unknownKeys: options.unknownKeys ?? DEFAULT_OPTIONS.unknownKeys,
    dates: options.dates ?? DEFAULT_OPTIONS.dates,
    nulls: options.nulls ?? DEFAULT_OPTIONS.nulls,
  };
}

/** The summary line, and with --verbose what the caches saved and the peak memory. */
function report(
  reporter: Reporter,
  options: GenerateOptions,
  started: number,
  run: RunRecord,
  work: { parsed: number; written?: number | undefined; removed?: number | undefined },
): void {
  const warnings = run.diagnostics.length;
  const total = ((performance.now() - started) / 1000).toFixed(2);
  reporter.info(`${pc.green("✔")} ${run.summary} → ${run.fileCount} files in ${options.out} (${total}s${warnings ? `, ${warnings} warning(s)` : ""})`);
  if (options.verbose) {
    const changes = work.written === undefined ? "all written" : `${work.written} written, ${work.removed ?? 0} removed`;
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    reporter.info(pc.dim(`  ${work.parsed}/${run.docCount} docs parsed (the rest cached); files: ${changes}; peak RSS ${rssMb} MB`));
  }
}

export function summarize(graph: ModelGraph): string {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const model of graph.models) counts[model.kind]++;
  return `${graph.models.length} models (${counts.object} objects, ${counts.enum} enums, ${counts.union} unions)`;
}

/** Diagnostics name files relative to the input folder; prefix them so they are clickable from the cwd. */
export function prefixOf(input: string): string {
  const relative = path.relative(process.cwd(), path.resolve(input)) || ".";
  return `${relative.split(path.sep).join("/")}/`;
}
