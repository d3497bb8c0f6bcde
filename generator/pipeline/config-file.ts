/**
 * Finding and reading the configuration file: `docschema.config.{ts,mts,cts,mjs,js,cjs,json}` or the `"docschema"`
 * key of package.json, in the working directory or the nearest folder above it that has one, up to the repository
 * root (a folder with `.git`). JavaScript configs are imported natively; TypeScript ones through jiti, which strips
 * types on every Node version docschema supports (Node's own type stripping is not in Node 20).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkConfig, ConfigError, type LoadedConfig } from "./config.js";

export const CONFIG_FILES = ["ts", "mts", "cts", "mjs", "js", "cjs", "json"].map((ext) => `docschema.config.${ext}`);

/** The configuration file that applies in `cwd`, or undefined. Two files in one folder are an error. */
export function findConfigFile(cwd = process.cwd()): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_FILES.map((name) => path.join(dir, name)).filter((file) => existsSync(file));
    if (found.length > 1) throw new ConfigError(`${shown(found[0]!)}: more than one configuration file here (${found.map((file) => path.basename(file)).join(", ")}); keep one`);
    if (found.length === 1) return found[0];
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && docschemaKey(manifest) !== undefined) return manifest;
    if (existsSync(path.join(dir, ".git")) || path.dirname(dir) === dir) return undefined;
  }
}

/** Reads and checks the configuration at `file` (or found from `cwd`); undefined when there is none. */
export async function loadConfig(options: { file?: string | undefined; cwd?: string | undefined } = {}): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file === undefined ? findConfigFile(cwd) : path.resolve(cwd, options.file);
  if (file === undefined) return undefined;
  if (!existsSync(file)) throw new ConfigError(`${shown(file)}: no such configuration file`);
  const value = await readConfigValue(file);
  const at = path.basename(file) === "package.json" ? "docschema" : "";
  return { config: checkConfig(value, shown(file), at), file: shown(file), dir: path.dirname(file) };
}

async function readConfigValue(file: string): Promise<unknown> {
  const name = path.basename(file);
  if (name === "package.json") return docschemaKey(file);
  if (name.endsWith(".json")) return readJson(file);
  try {
    if (/\.[mc]?ts$/.test(name)) {
      const { createJiti } = await import("jiti");
      return await createJiti(import.meta.url, { moduleCache: false, fsCache: false }).import(file, { default: true });
    }
    const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw new ConfigError(`${shown(file)}: could not be loaded: ${(error as Error).message.split("\n")[0]}`);
  }
}

function docschemaKey(manifest: string): unknown {
  const value = readJson(manifest) as Record<string, unknown> | null;
  return typeof value === "object" && value !== null ? value["docschema"] : undefined;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`${shown(file)}: not valid JSON (${(error as Error).message})`);
  }
}

/** A file named from the working directory when it is below it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
