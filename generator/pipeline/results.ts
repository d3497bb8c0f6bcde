/**
 * What a `generate` run returns: plain data, apart from ./generate.ts so that the public types (../index.ts) need
 * nothing of the pipeline's internals (nor Node's types).
 */
import type { Diagnostic } from "../model/types.js";

export interface OutputDrift {
  stale: string[];
  missing: string[];
  extra: string[];
}

export interface GenerateResult {
  /**
   * `written`: the output was written (or was already what the docs give); `failed`: the docs have errors and
   * nothing was written; `in-sync` / `stale`: with `check`, whether the output folder is what the docs give.
   */
  status: "written" | "failed" | "in-sync" | "stale";
  /** Every diagnostic of the docs and of the layout, sorted; warnings only unless `failed`. */
  diagnostics: Diagnostic[];
  /** About the run itself rather than the docs: caches that could not be read or written, cleanup after a killed run. */
  warnings: string[];
  /** `N models (a objects, b enums, c unions)`. */
  summary: string;
  docCount: number;
  /** Files the output consists of. */
  fileCount: number;
  /** Docs parsed by this run (the others came from the cache). */
  parsed: number;
  /** Files written and removed by an incremental run; undefined when the whole folder was written. */
  written?: number | undefined;
  removed?: number | undefined;
  /** With `check`: every stale, missing and extra file. */
  drift?: OutputDrift | undefined;
  /** Worker threads asked for beyond the machine's cores, and not started. */
  workersCapped?: number | undefined;
}
