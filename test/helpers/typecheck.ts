/** Type-checks generated TypeScript with the project's TypeScript 7 (`tsc --noEmit`, strict + exactOptionalPropertyTypes). */
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const tsc = path.join(root, "node_modules/.bin/tsc");

export const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2023", "DOM"],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["**/*.ts"],
};

export interface TypecheckResult {
  ok: boolean;
  /** tsc's diagnostics, empty when ok. */
  output: string;
}

/** Type-checks a folder that already holds `.ts` files (a tsconfig.json is written beside them). */
export async function typecheckFolder(folder: string): Promise<TypecheckResult> {
  await writeFile(path.join(folder, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG, null, 2));
  try {
    await run(tsc, ["--noEmit", "-p", folder], { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: "" };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

/** Writes files (path → text) to a temp folder, type-checks them and removes the folder. */
export async function typecheckFiles(files: readonly { path: string; content: string }[]): Promise<TypecheckResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "docschema-tsc-"));
  try {
    for (const file of files) {
      if (!file.path.endsWith(".ts")) continue;
      await mkdir(path.dirname(path.join(folder, file.path)), { recursive: true });
      await writeFile(path.join(folder, file.path), file.content);
    }
    return await typecheckFolder(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
