/**
 * The output folder: whose it is, writing it atomically, checking it, and cleaning up after a killed run.
 *
 * docschema owns an output folder it created (it holds the marker file the emitter writes, ../emit/plain-files.ts)
 * and nothing else: a folder that is not empty and not docschema's is refused, never replaced. Every write, full or
 * incremental, builds the whole new folder beside the old one (`.<name>.docschema-new-<pid>`; files that did not
 * change are hard links to the old ones, so this costs little) and swaps it in with two renames. A run killed at
 * any point leaves the previous output or the new one, whole; the next run removes what it left beside the folder,
 * and puts the previous folder back if the kill fell between the two renames.
 */
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { OUTPUT_MARKER } from "../emit/plain-files.js";
import { BANNER, type OutputFile } from "../emit/output.js";
import { GRAPH_FORMAT } from "../model/json.js";
import { failpoint } from "./failpoint.js";
import { IoError, ioError } from "./errors.js";

/** The output folder cannot be used as asked (the user must choose another or fix it): exit 2. */
export class OutputError extends IoError {}

/** Refuses an output folder docschema does not own: the input folder, a folder around it, a file, a folder of someone else's. */
export async function claimOutput(out: string, input: string): Promise<void> {
  if (isWithin(out, input)) throw new OutputError(`output folder "${out}" is the input folder "${input}" or inside it; choose another --out`);
  if (isWithin(input, out)) throw new OutputError(`output folder "${out}" contains the input folder "${input}"; choose another --out`);
  const found = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw ioError(error, "reading the output folder");
  });
  if (!found) return;
  if (!found.isDirectory()) throw new OutputError(`output "${out}" is a file, not a folder; choose another --out`);
  const entries = await readdir(out).catch((error: NodeJS.ErrnoException) => {
    throw ioError(error, "reading the output folder");
  });
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || (await isEarlierOutput(out))) return;
  throw new OutputError(`output folder "${out}" is not empty and was not written by docschema; choose an empty or new folder for --out (docschema replaces its whole output folder)`);
}

/**
 * An output written before docschema marked its folders: every file one docschema writes (TypeScript behind the
 * generated-file banner, or the model graph snapshot). Such a folder is taken over, and marked by the next write.
 */
async function isEarlierOutput(out: string): Promise<boolean> {
  const files = await glob("**/*", { cwd: out, onlyFiles: true, dot: true });
  if (files.length === 0 || !files.includes("index.ts")) return false;
  for (const file of files) {
    const head = (await readFile(path.join(out, file), "utf8").catch(() => "")).slice(0, 200);
    const ours = file.endsWith(".ts") ? head.startsWith(BANNER) : file.endsWith("schema.json") && head.includes(`"format": "${GRAPH_FORMAT}"`);
    if (!ours) return false;
  }
  return true;
}

/** Whether `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** A sibling folder of a run in progress: the new output being built, or the previous one moved aside. */
function besideOf(out: string, role: "new" | "old", pid = process.pid): string {
  const resolved = path.resolve(out);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.docschema-${role}-${pid}`);
}

/**
 * Cleans up after runs that were killed (call under the output lock): unfinished new folders are removed; the
 * previous folder moved aside is put back when the output is missing (a kill between the two renames of a swap),
 * removed otherwise. Returns what it did, for the log.
 */
export async function recoverInterrupted(out: string): Promise<string[]> {
  const resolved = path.resolve(out);
  const parent = path.dirname(resolved);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(resolved))}\\.docschema-(new|old)-\\d+$`);
  const left = (await readdir(parent).catch(() => [] as string[])).filter((name) => pattern.test(name)).sort();
  const done: string[] = [];
  let present = await stat(resolved).then(
    () => true,
    () => false,
  );
  for (const name of left) {
    const folder = path.join(parent, name);
    if (!present && name.includes("-old-")) {
      await rename(folder, resolved);
      present = true;
      done.push(`restored the previous output from ${name} (a run was killed while swapping it)`);
    } else {
      await rm(folder, { recursive: true, force: true });
      done.push(`removed ${name}, left by a run that was killed`);
    }
  }
  return done;
}

/** Writes the whole output: the new folder is built beside the old one and swapped in. */
export async function writeOutput(out: string, files: readonly OutputFile[]): Promise<void> {
  await stageAndSwap(out, files, []);
}

/**
 * Writes an output of which only `changed` differs from what `out` holds: the new folder is built beside the old
 * one from `changed` and hard links to the `kept` files of the old folder, then swapped in. Files of the old folder
 * in neither list are gone with it.
 */
export async function writeChanges(out: string, changed: readonly OutputFile[], kept: readonly string[]): Promise<void> {
  await stageAndSwap(out, changed, kept);
}

async function stageAndSwap(out: string, files: readonly OutputFile[], kept: readonly string[]): Promise<void> {
  const target = path.resolve(out);
  const staging = besideOf(out, "new");
  await rm(staging, { recursive: true, force: true });
  try {
    const folders = new Set([...files.map((file) => file.path), ...kept].map((file) => path.dirname(path.join(staging, file))));
    await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
    await mapLimit(kept, 64, (file) => linkOrCopy(path.join(target, file), path.join(staging, file)));
    await mapLimit(files, 64, (file) => writeFile(path.join(staging, file.path), file.content));
    failpoint("staged");
    await swapIn(target, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw ioError(error, "writing the output");
  }
}

/** Replaces `target` by `staging` with two renames; the previous folder is put back if the second one fails. */
async function swapIn(target: string, staging: string): Promise<void> {
  const previous = besideOf(target, "old");
  const moved = await rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  failpoint("swapping");
  try {
    await rename(staging, target);
  } catch (error) {
    if (moved) await rename(previous, target);
    throw error;
  }
  failpoint("swapped");
  if (moved) await rm(previous, { recursive: true, force: true });
}

/** A hard link shares the unchanged file (same bytes, same mtime, no copy); where links are refused, a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "EXDEV" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
    await copyFile(from, to);
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
    const current = await readFile(path.join(out, file.path), "utf8").catch((error: unknown) => {
      throw ioError(error, "reading the output");
    });
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
