/**
 * vitest setupFile: `toEqual` compares two Buffers with `Buffer.equals` (the same bytes, the same length), not one
 * byte at a time through the generic iterable comparison (about a second per snapshot of an output folder).
 * Test files share a worker (isolate: false, vitest.config.ts): the tester is added once per worker.
 */
import { expect } from "vitest";

const added = Symbol.for("docschema.test.bufferEquality");
const state = globalThis as { [added]?: boolean };
if (!state[added]) {
  state[added] = true;
  expect.addEqualityTesters([(a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined)]);
}
