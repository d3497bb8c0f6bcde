/** Model graph → output files (path → text), without writing them; the emitter (and ts-morph) loads on first use. */
import type { EmitOptions } from "../emit/options.js";
import { DEFAULT_OPTIONS } from "../emit/options.js";
import type { EmitResult } from "../emit/output.js";
import type { ModelGraph } from "../model/types.js";

export async function emit(graph: ModelGraph, options: Partial<EmitOptions> = {}): Promise<EmitResult> {
  const { emitOutput } = await import("../emit/index.js");
  return emitOutput(graph, { ...DEFAULT_OPTIONS, ...options });
}
