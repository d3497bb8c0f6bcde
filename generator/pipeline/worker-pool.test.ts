import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInWorkers } from "./worker-pool.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "docschema-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker that leaves a file when it starts, and doubles numbers (small ones late, so results arrive out of order). */
const script = path.join(dir, "double.mjs");
writeFileSync(
  script,
  `import { parentPort, threadId } from "node:worker_threads";
import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(path.join(dir, "started-"))} + process.pid + "-" + threadId, "");
parentPort.on("message", (n) => setTimeout(() => parentPort.postMessage(n * 2), n < 3 ? 30 : 0));
`,
);
const started = (): number => readdirSync(dir).filter((file) => file.startsWith("started-")).length;

describe("runInWorkers", () => {
  it("returns results in task order whatever finishes first", async () => {
    const seen: number[] = [];
    const results = await runInWorkers<number, number>(script, [1, 2, 3, 4, 5], 2, (_, index) => seen.push(index));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("starts the workers before the tasks exist, when they come as a promise", async () => {
    const before = started();
    let give!: (tasks: number[]) => void;
    const results = runInWorkers<number, number>(script, new Promise<number[]>((resolve) => (give = resolve)), 1);
    await expect.poll(started, { timeout: 5000 }).toBe(before + 1);
    give([7]);
    expect(await results).toEqual([14]);
  });

  it("an empty task list (a cancelled printer) and a failed one end the workers", async () => {
    expect(await runInWorkers<number, number>(script, Promise.resolve([]), 2)).toEqual([]);
    await expect(runInWorkers<number, number>(script, Promise.reject(new Error("no tasks")), 2)).rejects.toThrow("no tasks");
  });
});
