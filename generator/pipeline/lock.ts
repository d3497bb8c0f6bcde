/**
 * One run at a time per output folder: a lock file beside the folder, created exclusively and holding the owner's
 * pid and host. A second run waits for the first, then refuses after a while. A lock left by a run that was killed
 * is taken over at once when its owner is known to be gone (same host, no such process), so a crash never blocks
 * the next run; mtime-based stale detection (as network-file-system locks do) would make every run after a crash
 * wait. A lock held on another host cannot be checked: it is honoured until the wait runs out.
 */
import { hostname } from "node:os";
import { link, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { InputError, ioError } from "./errors.js";

export class LockBusyError extends InputError {}

export interface Lock {
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
}

/** The lock file of a folder: `.<name>.docschema.lock` beside it. */
export function lockFileOf(folder: string): string {
  const resolved = path.resolve(folder);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.docschema.lock`);
}

export interface LockOptions {
  /** How long to wait for another run before refusing. */
  waitMs?: number | undefined;
  /** Called once when another run holds the lock and this one starts waiting. */
  onWait?: ((owner: string) => void) | undefined;
}

/** Creates the folder's parent if needed (the lock file lives there). */
export async function acquireLock(folder: string, { waitMs = 120_000, onWait }: LockOptions = {}): Promise<Lock> {
  const file = lockFileOf(folder);
  await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw ioError(error, "creating the output's parent folder");
  });
  const me: Owner = { pid: process.pid, host: hostname() };
  const deadline = Date.now() + waitMs;
  let told = false;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    if (await tryCreate(file, me)) return { release: () => unlink(file).catch(() => undefined) };
    const owner = await readOwner(file);
    if (owner && isGone(owner) && (await takeOver(file, owner))) continue;
    if (Date.now() >= deadline) {
      const who = owner ? `pid ${owner.pid} on ${owner.host}` : "another process";
      throw new LockBusyError(`${folder} is being written by another docschema run (${who}); if none is running, delete ${file}`);
    }
    if (!told) onWait?.(owner ? `pid ${owner.pid}` : "another process");
    told = true;
    await sleep(delay);
  }
}

async function tryCreate(file: string, owner: Owner): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw ioError(error, "locking the output folder");
  }
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? { pid: owner.pid, host: owner.host } : undefined;
  } catch {
    return undefined; // being written, or just removed: look again
  }
}

function isGone(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Removes a dead owner's lock: renamed aside first, so that of two runs taking over at once only one removes it,
 * and put back (with `link`, which never overwrites) should it turn out to be a live run's fresh lock.
 */
async function takeOver(file: string, dead: Owner): Promise<boolean> {
  const aside = `${file}.${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return true; // someone else moved it: try again from the start
  }
  const found = await readOwner(aside);
  if (found && (found.pid !== dead.pid || found.host !== dead.host)) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return true;
}
