/**
 * The configuration file: found from the working directory upwards (not past the repository root), read in every
 * form (TypeScript through jiti, ESM, JSON, package.json), checked key by key with the file and the key in every
 * error, turned into targets that flags override; and the CLI driven by it (two targets, `--check`, exit 2).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkConfig, resolveDiffConfig, resolveTargets, type LoadedConfig } from "../generator/pipeline/config.js";
import { findConfigFile, loadConfig } from "../generator/pipeline/config-file.js";
import { runMain } from "./helpers/cli.js";
import { EMBEDDED_DOCS, runIn } from "./helpers/sandbox.js";
import { cpSync, existsSync, readFileSync } from "node:fs";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "docschema-config-"));
  mkdirSync(path.join(dir, ".git"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string): string => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  return path.join(dir, file);
};

describe("finding the configuration", () => {
  it("takes the nearest folder's file, from the cwd upwards, and stops at the repository root", () => {
    const file = write("docschema.config.json", "{}");
    mkdirSync(path.join(dir, "a/b"), { recursive: true });
    expect(findConfigFile(path.join(dir, "a/b"))).toBe(file);
    const nearer = write("a/package.json", JSON.stringify({ name: "x", docschema: { out: "gen" } }));
    expect(findConfigFile(path.join(dir, "a/b"))).toBe(nearer);
    // Above the repository root (the folder with .git) nothing is looked for.
    const inner = path.join(dir, "repo");
    mkdirSync(path.join(inner, ".git"), { recursive: true });
    expect(findConfigFile(inner)).toBeUndefined();
  });

  it("refuses two configuration files in one folder", () => {
    write("docschema.config.json", "{}");
    write("docschema.config.mjs", "export default {};");
    expect(() => findConfigFile(dir)).toThrow(/more than one configuration file here \(docschema\.config\.mjs, docschema\.config\.json\)/);
  });
});

describe("reading the configuration", () => {
  it("reads TypeScript (with types and defineConfig from the package), ESM and package.json", async () => {
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(root, path.join(dir, "node_modules/docschema"));
    write("docschema.config.ts", `import { defineConfig, type Config } from "docschema";\nconst out: string = "gen";\nexport default defineConfig({ out, validators: "zod" } satisfies Config);\n`);
    expect((await loadConfig({ cwd: dir }))?.config).toEqual({ out: "gen", validators: "zod" });
    rmSync(path.join(dir, "docschema.config.ts"));
    write("docschema.config.mjs", `export default { targets: [{ out: "a" }, { out: "b", emit: "json-schema" }] };\n`);
    expect((await loadConfig({ cwd: dir }))?.config.targets).toHaveLength(2);
    rmSync(path.join(dir, "docschema.config.mjs"));
    write("package.json", JSON.stringify({ docschema: { nulls: "optional" } }));
    expect((await loadConfig({ cwd: dir }))?.config).toEqual({ nulls: "optional" });
  });

  it("names the file and every offending key", async () => {
    const cases: [string, string, RegExp][] = [
      ["docschema.config.json", `{ "validators": "zodd" }`, /docschema\.config\.json: validators: "zodd" is not one of compiled, zod, none/],
      ["docschema.config.json", `{ "ouput": "x" }`, /docschema\.config\.json: ouput: unknown key \(known: name, input, out/],
      ["docschema.config.json", `{ "targets": [{ "out": "a" }, { "out": "b", "dates": 1 }] }`, /targets\[1\]\.dates: 1 is not one of instance, iso/],
      ["docschema.config.json", `{ "diff": { "failOn": "all" }, "workers": -1 }`, /diff\.failOn: "all" is not one of breaking, warning; workers: must be a whole number/],
      ["docschema.config.json", `{ "out": `, /docschema\.config\.json: not valid JSON/],
      ["docschema.config.mjs", `throw new Error("boom");`, /docschema\.config\.mjs: could not be loaded: boom/],
      ["package.json", JSON.stringify({ docschema: { emit: "python" } }), /package\.json: docschema\.emit: "python" is not one of typescript, json-schema/],
      ["docschema.config.json", `{ "merge": "", "unknownTypes": "any" }`, /merge: must be a non-empty string; unknownTypes: "any" is not one of error, unknown/],
      ["docschema.config.json", `{ "diff": { "rules": { "no-such-rule": "info", "field-removed": { "request": "fatal" } } } }`, /diff\.rules\.no-such-rule: unknown rule.*; diff\.rules\.field-removed\.request: "fatal" is not a severity/],
      ["docschema.config.json", `{ "diff": { "exclude": ["description-changed", "typo"] } }`, /diff\.exclude\[1\]: "typo" is not a rule/],
    ];
    for (const [name, text, message] of cases) {
      const file = write(name, text);
      await expect(loadConfig({ cwd: dir })).rejects.toThrow(message);
      rmSync(file);
    }
  });
});

describe("targets", () => {
  const loaded = (config: object): LoadedConfig => ({ config: checkConfig(config, "docschema.config.json"), file: "docschema.config.json", dir: "/project" });

  it("take the top-level options as defaults, paths relative to the file, and flags on top", () => {
    const config = loaded({ input: "docs", validators: "zod", targets: [{ name: "types", out: "gen/types" }, { out: "gen/schemas", emit: "json-schema" }] });
    const targets = resolveTargets(config, {}, "/project/sub");
    expect(targets.map((t) => [t.name, t.input, t.out, t.validators, t.emit])).toEqual([
      ["types", "../docs", "../gen/types", "zod", "typescript"],
      ["gen/schemas", "../docs", "../gen/schemas", "zod", "json-schema"],
    ]);
    expect(resolveTargets(config, { validators: "none", input: "other" }, "/project").map((t) => [t.validators, t.input])).toEqual([
      ["none", "other"],
      ["none", "other"],
    ]);
    expect(resolveTargets(config, { targets: ["types"], out: "x" }, "/project").map((t) => t.out)).toEqual(["x"]);
  });

  it("refuse -o for several targets, an unknown --target and two targets writing one folder", () => {
    const config = loaded({ targets: [{ name: "a", out: "x" }, { name: "b", out: "y" }] });
    expect(() => resolveTargets(config, { out: "z" })).toThrow(/-o names one output folder, but docschema\.config\.json has 2 targets \(a, b\): pick one with --target/);
    expect(() => resolveTargets(config, { targets: ["c"] })).toThrow(/--target c: no such target in docschema\.config\.json \(targets: a, b\)/);
    expect(() => resolveTargets(loaded({ targets: [{ name: "a", out: "x" }, { name: "b", out: "./x" }] }))).toThrow(/targets a and b write the same folder/);
  });

  it("resolve merge like the other paths, and the diff baseline relative to the file", () => {
    const config = loaded({ merge: "py/docs/models", unknownTypes: "unknown", diff: { baseline: "known.json", exclude: ["description-changed"] } });
    expect(resolveTargets(config, {}, "/project/sub")).toMatchObject([{ merge: "../py/docs/models", unknownTypes: "unknown" }]);
    expect(resolveTargets(config, { merge: "other" }, "/project")).toMatchObject([{ merge: "other" }]);
    expect(resolveDiffConfig(config, "/project/sub")).toEqual({ baseline: "../known.json", exclude: ["description-changed"] });
  });

  it("carry only target options: the run's keys (cache, workers, diff) stay out of them", () => {
    const [target] = resolveTargets(loaded({ out: "x", cacheDir: "cache", workers: 1, diff: { failOn: "breaking" } }), {}, "/project");
    expect(Object.keys(target!).sort()).toEqual(["dates", "emit", "input", "jsonSchema", "name", "nulls", "out", "unknownKeys", "validators"]);
  });

  it("default to docs/models → generated without a file", () => {
    expect(resolveTargets(undefined, {})).toMatchObject([{ input: "docs/models", out: "generated", emit: "typescript", validators: "compiled" }]);
  });
});

describe("the CLI with a configuration file", () => {
  it("writes every target from a subfolder, checks them with --check, and exits 2 naming the file and key", async () => {
    cpSync(path.dirname(EMBEDDED_DOCS), path.join(dir, "docs"), { recursive: true });
    write("docschema.config.json", JSON.stringify({ targets: [{ name: "types", out: "src/types" }, { name: "zod", out: "src/zod", validators: "zod" }] }));
    mkdirSync(path.join(dir, "src/app"), { recursive: true });
    const cwd = path.join(dir, "src/app");
    const run = await runMain(["generate"], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "src/types/components/choices.ts"), "utf8")).toContain("export const Choices: $Schema<Choices>");
    expect(readFileSync(path.join(dir, "src/zod/components/choices.ts"), "utf8")).toContain('from "zod"');
    expect((await runMain(["generate", "--check"], cwd)).code).toBe(0);
    writeFileSync(path.join(dir, "src/zod/components/choices.ts"), "// edited\n");
    const check = await runMain(["generate", "--check"], cwd);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/stale {3}\.\.\/zod\/components\/choices\.ts/);
    expect((await runMain(["generate", "--check", "--target", "types"], cwd)).code).toBe(0);
    expect((await runMain(["generate", "--no-config", "-o", path.join(dir, "plain"), path.join(dir, "docs/models")], cwd)).code).toBe(0);
    expect(existsSync(path.join(dir, "plain/index.ts"))).toBe(true);
    // diff reads its policy from the file: the excluded rule is left out (counted), `--exclude` adds to it.
    const edited = path.join(dir, "docs-next/models/components/choices.md");
    cpSync(path.dirname(EMBEDDED_DOCS), path.join(dir, "docs-next"), { recursive: true });
    writeFileSync(edited, readFileSync(edited, "utf8").replace("The index of the choice in the list of choices.", "Where the choice sits."));
    write("docschema.config.json", JSON.stringify({ diff: { exclude: ["description-changed"], format: "json" } }));
    const summary = async (...args: string[]) => JSON.parse((await runMain(["diff", path.join(dir, "docs"), path.join(dir, "docs-next"), ...args], cwd)).stdout).summary;
    expect(await summary()).toMatchObject({ changes: {}, ignored: { excluded: 1 } });
    expect(await summary("--no-config", "--format", "json")).toMatchObject({ changes: { "description-changed": 1 } });
    write("docschema.config.json", JSON.stringify({ targets: [{ out: "a", unknownKeys: "drop" }] }));
    // By the bin in a process of its own: the process's exit code.
    const bad = await runIn(cwd, ["generate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/docschema\.config\.json: targets\[0\]\.unknownKeys: "drop" is not one of/);
  });
});
