/**
 * vitest setupFile: `toEqual` compares two Buffers with `Buffer.equals` (the same bytes, the same length), not one
 * byte at a time through the generic iterable comparison (about a second per snapshot of an output folder).
 */
import { expect } from "vitest";

expect.addEqualityTesters([(a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : undefined)]);
