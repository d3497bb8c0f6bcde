/**
 * An output folder kept up to date by a watch session, as atomically as a normal run (./output.ts): each update
 * builds the whole new folder beside the old one and swaps it in with renames. Building it from 18,000 hard links
 * takes longer than an edit may, so the session keeps the folder it swapped out as the next one's start (the
 * "spare", `.<name>.docschema-new-<pid>`, which the next run removes if this one is killed): the spare differs from
 * the output only in the files the last update changed, and an update brings just those, and its own, up to date.
 * Files of the spare are hard links shared with the output: they are replaced (unlink, then write), never written
 * through.
 */
import { mkdir, open, readdir, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Stats } from "node:fs";
import { glob } from "tinyglobby";
import { ioError } from "./errors.js";
import { besideOf, linkOrCopy, mapLimit } from "./output.js";

/** A file to write: its text, or its bytes in pieces (a large file made of kept parts is never joined). */
export interface LiveFile {
  path: string;
  content: string | readonly Uint8Array[];
}

export class LiveOutput {
  private readonly target: string;
  private readonly spare: string;
  /** Paths where the spare may differ from the output; `all`: the spare must be built anew. */
  private stale: Set<string> | "all" = "all";
  private building: Promise<void> | undefined;

  private constructor(
    out: string,
    /** Files of the output folder, relative. */
    private readonly files: Set<string>,
  ) {
    this.target = path.resolve(out);
    this.spare = besideOf(out, "new");
  }

  static async open(out: string): Promise<LiveOutput> {
    return new LiveOutput(out, new Set(await glob("**/*", { cwd: out, onlyFiles: true, dot: true }).catch(() => [])));
  }

  /** The files the output holds now. */
  paths(): ReadonlySet<string> {
    return this.files;
  }

  /** Builds the spare now (in the background of a watch session), so that the first update only swaps. */
  prepare(): Promise<void> {
    this.building ??= this.rebuildSpare().finally(() => (this.building = undefined));
    return this.building;
  }

  /**
   * Replaces the output by one where `changed` files have their new content and `removed` files are gone; returns
   * the stat of each written file (for the emit manifest). On failure the previous output is left whole.
   */
  async update(changed: readonly LiveFile[], removed: readonly string[]): Promise<Map<string, Stats>> {
    if (this.building) await this.building;
    const writing = new Set(changed.map((file) => file.path));
    try {
      if (this.stale === "all") await this.rebuildSpare();
      else await this.catchUp(this.stale, writing);
      await mapLimit(removed, 64, (file) => this.unlinkInSpare(file));
      const stats = new Map<string, Stats>();
      await mapLimit(changed, 64, async (file) => {
        const into = path.join(this.spare, file.path);
        await unlink(into).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          await mkdir(path.dirname(into), { recursive: true });
        });
        stats.set(file.path, await writeLiveFile(into, file.content));
      });
      await this.swap();
      for (const file of removed) this.files.delete(file);
      for (const file of writing) this.files.add(file);
      this.stale = new Set([...writing, ...removed]);
      return stats;
    } catch (error) {
      this.stale = "all";
      throw ioError(error, "writing the output");
    }
  }

  /** Removes the spare: nothing of the session is left beside the output. */
  async dispose(): Promise<void> {
    await this.building?.catch(() => undefined);
    await rm(this.spare, { recursive: true, force: true });
  }

  /** Brings the files where the spare lags behind the output back to the output's (hard links), but those about to be written. */
  private async catchUp(stale: ReadonlySet<string>, writing: ReadonlySet<string>): Promise<void> {
    await mapLimit([...stale], 64, async (file) => {
      if (writing.has(file)) return;
      await this.unlinkInSpare(file);
      if (!this.files.has(file)) return;
      const into = path.join(this.spare, file);
      await mkdir(path.dirname(into), { recursive: true });
      await linkOrCopy(path.join(this.target, file), into);
    });
  }

  private async rebuildSpare(): Promise<void> {
    await rm(this.spare, { recursive: true, force: true });
    const files = [...this.files];
    await Promise.all([...new Set(files.map((file) => path.dirname(path.join(this.spare, file))))].map((folder) => mkdir(folder, { recursive: true })));
    await mkdir(this.spare, { recursive: true });
    await mapLimit(files, 64, (file) => linkOrCopy(path.join(this.target, file), path.join(this.spare, file)));
    this.stale = new Set();
  }

  /** Unlinks a file of the spare, and the folders it leaves empty (a normal run leaves no empty folder). */
  private async unlinkInSpare(file: string): Promise<void> {
    await unlink(path.join(this.spare, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    for (let folder = path.dirname(file); folder !== "."; folder = path.dirname(folder)) {
      const at = path.join(this.spare, folder);
      if ((await readdir(at).catch(() => [""])).length > 0) break;
      await rmdir(at).catch(() => undefined);
    }
  }

  /** Output → aside, spare → output, aside → spare: two renames make the swap, as in a normal run. */
  private async swap(): Promise<void> {
    const aside = besideOf(this.target, "old");
    await rename(this.target, aside);
    try {
      await rename(this.spare, this.target);
    } catch (error) {
      await rename(aside, this.target);
      throw error;
    }
    await rename(aside, this.spare);
  }
}

async function writeLiveFile(file: string, content: LiveFile["content"]): Promise<Stats> {
  if (typeof content === "string") {
    await writeFile(file, content);
    return stat(file);
  }
  const handle = await open(file, "w");
  try {
    await handle.writev(content);
    return await handle.stat();
  } finally {
    await handle.close();
  }
}
