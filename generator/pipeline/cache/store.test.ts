import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheName, readCache, writeCache } from "./store.js";

let dir: string;
let file: string;
const value = [["a.md", { hash: "x", mtimeMs: 1732812345678.123, doc: { file: "a.md", diagnostics: [] } }]];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "docschema-store-"));
  file = path.join(dir, "nested", "parse.bin");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("cache store", () => {
  it("reads back what it wrote, for the same version only", async () => {
    await writeCache(file, "v1", value);
    expect(await readCache(file, "v1")).toEqual(value);
    expect(await readCache(file, "v2")).toBeUndefined();
  });

  it("keeps every string exactly, non-ASCII included, in a file of ASCII bytes", async () => {
    const text = [["é.md", { title: "Café ☕ 😀 \u2028 \ud800 end", n: -0.5 }]];
    await writeCache(file, "v1", text);
    expect(await readCache(file, "v1")).toEqual(text);
    const bytes = readFileSync(file);
    const json = bytes.subarray(bytes.indexOf('{"version"'));
    expect(json.length).toBeGreaterThan(20);
    expect(json.every((byte) => byte < 0x80)).toBe(true);
  });

  it("reads a missing, truncated, bit-flipped or foreign file as no cache", async () => {
    expect(await readCache(file, "v1")).toBeUndefined();
    await writeCache(file, "v1", value);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3]! ^= 0x20;
    for (const bad of [good.subarray(0, good.length - 1), flipped, Buffer.from("garbage"), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      expect(await readCache(file, "v1")).toBeUndefined();
    }
  });

  it("names cache files after the folder they belong to", () => {
    expect(cacheName("parse", "docs/models")).toBe(cacheName("parse", path.resolve("docs/models")));
    expect(cacheName("parse", "docs/models")).not.toBe(cacheName("parse", "docs/other"));
    expect(cacheName("parse", "docs/models")).not.toBe(cacheName("emit", "docs/models"));
  });
});
