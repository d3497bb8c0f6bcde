/** `docschema generate --watch`: the watch session, reported line by line; Ctrl-C stops it cleanly. */
import pc from "picocolors";
import { watch as startWatch, type ResolvedTarget, type WatchEvent } from "../pipeline/index.js";
import { prefixOf, type GenerateCliOptions, report } from "./generate.js";
import { createReporter, printDiagnostics } from "./report.js";

/** Runs until SIGINT or SIGTERM; returns the exit code (0 once stopped cleanly). */
export async function watch(targets: readonly ResolvedTarget[], cli: GenerateCliOptions): Promise<number> {
  const reporter = createReporter(cli);
  const started = performance.now();
  const limit = cli.maxDiagnostics ?? 200;
  const onEvent = (event: WatchEvent): void => {
    switch (event.kind) {
      case "ready":
        report(event.result, { ...cli, ...event.target }, reporter, started);
        return;
      case "updated": {
        const what = event.written + event.removed === 0 ? "no file changed" : `${event.written} file(s) written${event.removed ? `, ${event.removed} removed` : ""}`;
        reporter.info(`${pc.green("✔")} ${describe(event.docs)} → ${what} in ${event.target.out} (${Math.round(event.ms)} ms)`);
        return;
      }
      case "failed": {
        printDiagnostics(event.diagnostics, prefixOf(event.input), { warnings: false, limit });
        const errors = event.diagnostics.filter((d) => d.severity === "error").length;
        process.stderr.write(pc.red(`✖ ${errors} error(s) after ${describe(event.docs)}; the output keeps its last good state\n`));
        return;
      }
      case "waiting":
        reporter.info(pc.yellow(`${event.input} is gone; waiting for a folder at that path`));
        return;
      case "error":
        process.stderr.write(`${pc.red("error:")} ${event.message} (the next change tries again)\n`);
        return;
    }
  };
  const session = await startWatch(targets, {
    cacheDir: cli.cacheDir,
    workers: cli.workers,
    onEvent,
    onWait: (owner) => reporter.info(pc.dim(`waiting for another docschema run writing the output (${owner})…`)),
  });
  reporter.info(pc.dim(`watching ${[...new Set(targets.map((target) => target.input))].join(", ")} (Ctrl-C to stop)`));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      // A second Ctrl-C while cleaning up ends the process at once.
      process.once("SIGINT", () => process.exit(130));
      void session.close().then(resolve);
    };
    process.on("SIGINT", stop).on("SIGTERM", stop);
  });
  return 0;
}

function describe(docs: readonly string[]): string {
  if (docs.length === 0) return "the docs folder";
  return docs.length === 1 ? docs[0]! : `${docs.length} docs`;
}
