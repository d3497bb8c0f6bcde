#!/usr/bin/env node
// The fidelity figures of the README: orq-node 4.13.19's TS docs alone (modulo-null) and merged with its Python docs
// (exact), each compared with the SDK's own types by ../shared/tools/fidelity. Needs `npm run build` first.
import { measureFidelity } from "./lib/fidelity.mjs";

const { moduloNull, exact } = measureFidelity();
for (const [label, run] of [["TS docs, modulo-null", moduloNull], ["TS + Python docs (--merge), exact", exact]]) {
  const { overall, byNamespace } = run.summary;
  console.log(`${label}: ${overall.equal}/${overall.comparable} equal (${overall.pctEqual}%)`);
  for (const [namespace, counts] of Object.entries(byNamespace)) console.log(`  ${namespace}: ${counts.equal}/${counts.comparable} (${counts.pctEqual}%)`);
  const reasons = new Map();
  for (const model of run.models) if (model.status !== "equal") reasons.set(model.kind, (reasons.get(model.kind) ?? 0) + 1);
  console.log(`  differ by first difference: ${[...reasons].map(([kind, n]) => `${kind} ${n}`).join(", ") || "none"}`);
}
