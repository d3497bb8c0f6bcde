/**
 * Writing and checking the output folder. Writes are atomic at the folder level: the new output is built in a
 * sibling temp folder and swapped in with renames, so a failed or interrupted run leaves the previous output whole.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { OutputFile } from "../emit/index.js";

export async function writeOutput(out: string, files: readonly OutputFile[]): Promise<void> {
  const target = path.resolve(out);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  const previous = `${target}.old-${stamp}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const folders = new Set(files.map((file) => path.dirname(path.join(staging, file.path))));
    await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
    await mapLimit(files, 64, (file) => writeFile(path.join(staging, file.path), file.content));
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes only what changed into an existing output folder: changed files are first written in full to a sibling
 * staging folder, then renamed into place, then removed files are deleted. A run that fails before the renames
 * (doc errors, a full disk while staging) leaves the previous output untouched; every file is always whole.
 */
export async function writeChanges(out: string, changed: readonly OutputFile[], removed: readonly string[]): Promise<void> {
  const target = path.resolve(out);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    const folders = new Set(changed.map((file) => path.dirname(file.path)));
    await Promise.all([...folders].map((folder) => mkdir(path.join(staging, folder), { recursive: true })));
    await mapLimit(changed, 64, (file) => writeFile(path.join(staging, file.path), file.content));
    await Promise.all([...folders].map((folder) => mkdir(path.join(target, folder), { recursive: true })));
    await mapLimit(changed, 64, (file) => rename(path.join(staging, file.path), path.join(target, file.path)));
    await mapLimit(removed, 64, (file) => rm(path.join(target, file), { force: true }));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export interface OutputDrift {
  stale: string[];
  missing: string[];
  extra: string[];
}

/** Compares the expected files with what is on disk, listing every difference. */
export async function checkOutput(out: string, files: readonly OutputFile[]): Promise<OutputDrift> {
  const onDisk = new Set(await glob("**/*", { cwd: out, onlyFiles: true, dot: true }).catch(() => []));
  const drift: OutputDrift = { stale: [], missing: [], extra: [] };
  await mapLimit(files, 64, async (file) => {
    if (!onDisk.delete(file.path)) {
      drift.missing.push(file.path);
      return;
    }
    const current = await readFile(path.join(out, file.path), "utf8");
    if (current !== file.content) drift.stale.push(file.path);
  });
  drift.extra = [...onDisk];
  for (const list of Object.values(drift)) list.sort();
  return drift;
}

export async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
