/**
 * Which way a model travels, from the operations that reach it: reached from a request model, callers write it;
 * from a response (or error) model, they read it; from both, both. Without operation docs, and for models no
 * operation reaches, a model counts as both: the safe assumption.
 */
import type { Roots } from "./impact.js";
import type { Direction, Impact } from "./types.js";

/** Direction from the impacts of a model in each graph that has it (old and new uses both count). */
export function directionOf(reached: readonly { roots: Roots; impact: readonly Impact[] }[]): Direction {
  let request = false;
  let response = false;
  for (const { roots, impact } of reached) {
    for (const { root } of impact) {
      const use = roots.uses.get(root);
      request ||= use?.request ?? false;
      response ||= use?.response ?? false;
    }
  }
  return request && !response ? "request" : response && !request ? "response" : "both";
}
