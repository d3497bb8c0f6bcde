/** `docschema generate`: docs → model graph → TypeScript, written atomically or checked against what is on disk. */
import path from "node:path";
import pc from "picocolors";
import { hasErrors, loadGraph } from "../model/load.js";
import type { ModelGraph } from "../model/types.js";
import { emitInParallel } from "../emit/parallel.js";
import { emitIncrementally } from "./incremental.js";
import { checkOutput, writeOutput } from "./output.js";
import { countBySeverity, createReporter, printDiagnostics } from "./report.js";

export interface GenerateOptions {
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
  const cacheDir = options.cache === false ? undefined : options.cacheDir;
  const loaded = await loadGraph(input, {
    workers: options.workers,
    cacheDir,
    onProgress: (done, total) => reporter.progress("parsing", done, total),
  });
  reporter.done();
  reporter.progress("emitting", 0, 1);
  // With a cache, only what changed is printed and written; --check and --no-cache print everything.
  const incremental = cacheDir && !options.check ? await emitIncrementally(loaded.graph, options.out, cacheDir, options.workers) : undefined;
  const emitted = incremental ? undefined : await emitInParallel(loaded.graph, new Set(), options.workers);
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
  const written = incremental ? await incremental.write() : await writeOutput(options.out, emitted!.files).then(() => undefined);
  const fileCount = incremental?.fileCount ?? emitted!.files.length;
  const total = ((performance.now() - started) / 1000).toFixed(2);
  reporter.info(
    `${pc.green("✔")} ${summarize(loaded.graph)} → ${fileCount} files in ${options.out} (${total}s${warnings ? `, ${warnings} warning(s)` : ""})`,
  );
  if (options.verbose) {
    const changes = written ? `${written.written} written, ${written.removed} removed` : "all written";
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    reporter.info(pc.dim(`  ${loaded.parsedCount}/${loaded.docCount} docs parsed (the rest cached); files: ${changes}; peak RSS ${rssMb} MB`));
  }
  return 0;
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
