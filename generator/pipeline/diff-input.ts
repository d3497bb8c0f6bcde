/**
 * One side of `docschema diff`: a docs folder, a `schema.json` snapshot, or either of them read from a git
 * revision (`main`, `main:docs/models`, `v1.2:generated/schema.json`) with `git archive` / `git show`, which
 * leave the work tree alone. Every side ends as a model graph. Two docs folders share most docs byte for byte:
 * the new side is parsed in full, the old side only where its docs differ (the rest reuse the new side's parses).
 */
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseGraph } from "../model/json.js";
import { InputError } from "./errors.js";
import type { FolderParses } from "./load.js";
import type { Diagnostic, ModelGraph } from "../model/types.js";

const run = promisify(execFile);


export interface Side {
  graph: ModelGraph;
  /** How the side was named, for the report. */
  label: string;
  /** Prepended to the graph's source paths to name doc files from the working directory (or repository root). */
  prefix: string;
  /** Diagnostics of the docs, for sides parsed from markdown. */
  diagnostics: Diagnostic[];
}

/** A side before its docs are parsed: a snapshot is read at once, a models folder waits for `readSides`. */
export type OpenedSide = Side | DocsSide;

interface DocsSide extends Omit<Side, "graph" | "diagnostics"> {
  models: string;
  /** Removes the scratch folder a git revision was extracted to. */
  dispose?: () => Promise<void>;
}

export const DEFAULT_DOCS = "docs/models";

/** Both sides as model graphs; an opened side is disposed of whatever happens. */
export async function readSides(before: Promise<OpenedSide>, after: Promise<OpenedSide>): Promise<[Side, Side]> {
  const opened = await Promise.allSettled([before, after]);
  try {
    // When both fail, the old side's error is the one reported.
    const [old, current] = opened.map((side) => {
      if (side.status === "rejected") throw side.reason;
      return side.value;
    }) as [OpenedSide, OpenedSide];
    return await parseSides(old, current);
  } finally {
    await Promise.all(opened.map((side) => (side.status === "fulfilled" && "models" in side.value ? side.value.dispose?.() : undefined)));
  }
}

/** A path: a folder of model docs (or a `docs/` folder holding `models/`), or a snapshot file. */
export async function openSide(input: string): Promise<OpenedSide> {
  if (!existsSync(input)) throw new InputError(`"${input}" does not exist`);
  if (statSync(input).isFile()) return { graph: parseSnapshot(await readFile(input, "utf8"), input), label: input, prefix: "", diagnostics: [] };
  const models = modelsFolder(input);
  return { models, label: input, prefix: slashed(path.relative(process.cwd(), path.resolve(models))) };
}

/** `<rev>[:<path>]` of the repository around the working directory; the path defaults to docs/models. */
export async function openGitSide(spec: string): Promise<OpenedSide> {
  const colon = spec.indexOf(":");
  const rev = colon < 0 ? spec : spec.slice(0, colon);
  const root = (await git(["rev-parse", "--show-toplevel"], process.cwd())).trim();
  // The path is read from the working directory, like every other path on the command line.
  const wanted = path.relative(root, path.resolve(colon < 0 ? DEFAULT_DOCS : spec.slice(colon + 1) || "."));
  const inRepo = wanted.split(path.sep).join("/");
  const label = `${rev}:${inRepo}`;
  const objectType = async (p: string) => (await git(["cat-file", "-t", `${rev}:${p}`], root).catch(() => "")).trim();

  const type = await objectType(inRepo);
  if (type === "blob") return { graph: parseSnapshot(await git(["show", `${rev}:${inRepo}`], root), label), label, prefix: "", diagnostics: [] };
  if (type !== "tree") throw new InputError(`git: ${label} is neither a folder nor a file in that revision (unknown revision or path?)`);

  // Operation docs sit beside the models folder (docs/sdks next to docs/models): bring them along.
  const parts = [inRepo || "."];
  const sibling = path.posix.join(inRepo, "..", "sdks");
  if (inRepo && !sibling.startsWith("..") && (await objectType(`${inRepo}/models`)) !== "tree" && (await objectType(sibling)) === "tree") {
    parts.push(sibling);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "docschema-diff-"));
  const dispose = () => rm(scratch, { recursive: true, force: true });
  try {
    const archive = path.join(scratch, "side.tar");
    await git(["archive", "--format=tar", "-o", archive, rev, "--", ...parts], root);
    await run("tar", ["-xf", archive, "-C", scratch]);
    const models = modelsFolder(path.join(scratch, inRepo));
    return { models, label, prefix: slashed(path.relative(scratch, models)), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Parses the docs sides, the new one first: the old side is then read with the new side's parses as its seed, so
 * only its docs whose bytes differ are parsed. Each side still goes through the whole parse → graph path.
 */
async function parseSides(before: OpenedSide, after: OpenedSide): Promise<[Side, Side]> {
  if (!("models" in before) && !("models" in after)) return [before, after];
  // Imported on demand: a snapshot diff never loads the markdown parser.
  const { loadGraph } = await import("./load.js");
  let seed: FolderParses | undefined;
  const parse = async (side: OpenedSide): Promise<Side> => {
    if (!("models" in side)) return side;
    const { graph, diagnostics, parses } = await loadGraph(side.models, { seed });
    seed = parses;
    return { graph, diagnostics, label: side.label, prefix: side.prefix };
  };
  const parsedAfter = await parse(after);
  return [await parse(before), parsedAfter];
}

function modelsFolder(folder: string): string {
  const nested = path.join(folder, "models");
  return existsSync(nested) && statSync(nested).isDirectory() ? nested : folder;
}

function parseSnapshot(json: string, origin: string): ModelGraph {
  try {
    return parseGraph(json, origin);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 1 << 30, encoding: "utf8" });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new InputError(`git ${args[0]}: ${(stderr || (error as Error).message).split("\n")[0]}`);
  }
}

function slashed(relative: string): string {
  const posix = relative.split(path.sep).join("/");
  return posix ? `${posix}/` : "";
}
