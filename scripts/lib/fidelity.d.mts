/** One harness run (its JSON report's `runs[0]`). */
export interface FidelityRun {
  mode: string;
  summary: {
    overall: { total: number; comparable: number; equal: number; differs: number; missing: number; pctEqual: number };
    byNamespace: Record<string, { comparable: number; equal: number; differs: number; pctEqual: number }>;
  };
  models: {
    ns: string;
    name: string;
    status: "equal" | "differs" | "missing" | "theirs-missing" | "both-missing";
    kind?: string;
    reason?: string;
    diffs?: { kind: string; path: string; ours: string; theirs: string; detail?: string }[];
  }[];
}

/** orq-node 4.13.19: TS docs alone in modulo-null mode, merged with the Python docs in exact mode; `merged` is that output folder. */
export declare function measureFidelity(): { moduloNull: FidelityRun; exact: FidelityRun; merged: string };
export declare const HARNESS: string;
