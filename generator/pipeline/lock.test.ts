import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LockBusyError, acquireLock, lockFileOf } from "./lock.js";

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "docschema-lock-"));
  out = path.join(dir, "generated");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("the output lock", () => {
  it("is a file beside the folder holding the owner's pid and host, removed on release", async () => {
    const lock = await acquireLock(out);
    expect(JSON.parse(readFileSync(lockFileOf(out), "utf8"))).toEqual({ pid: process.pid, host: hostname() });
    expect(path.dirname(lockFileOf(out))).toBe(dir);
    await lock.release();
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it("makes a second run wait, then refuses it while the first holds the lock", async () => {
    const first = await acquireLock(out);
    const waits: string[] = [];
    const second = acquireLock(out, { waitMs: 300, onWait: (owner) => waits.push(owner) });
    await expect(second).rejects.toThrow(LockBusyError);
    await expect(acquireLock(out, { waitMs: 0 })).rejects.toThrow(`${out} is being written by another docschema run (pid ${process.pid} on ${hostname()})`);
    expect(waits).toEqual([`pid ${process.pid}`]);
    await first.release();
  });

  it("lets the second run go as soon as the first releases", async () => {
    const first = await acquireLock(out);
    let acquired = false;
    const second = acquireLock(out, { waitMs: 10_000 }).then((lock) => {
      acquired = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(acquired).toBe(false);
    await first.release();
    await (await second).release();
    expect(acquired).toBe(true);
  });

  it("takes over at once a lock whose owner is gone (a killed run), but not one of a live process or another host", async () => {
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const lock = await acquireLock(out, { waitMs: 0 });
    await lock.release();

    writeFileSync(lockFileOf(out), JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(acquireLock(out, { waitMs: 0 })).rejects.toThrow(LockBusyError);
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: deadPid(), host: "another-machine" }));
    await expect(acquireLock(out, { waitMs: 0 })).rejects.toThrow(LockBusyError);
  });
});
