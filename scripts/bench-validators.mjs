#!/usr/bin/env node
/**
 * Validation throughput: the compiled validators vs the generated zod 4 schemas vs ajv (on the JSON Schema of the
 * same graph), on the same valid values (the docs' own examples from orq-node-4.13.19) and invalid values (one
 * mutation of each). Prints operations per CPU-second of the process (median of several runs) and ratios.
 *
 *   node scripts/bench-validators.mjs [--sample N] [--runs N] [--ms N]
 *
 * Values are JSON (dates as ISO-8601 strings), so every output is generated with `--dates iso`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({ strict: false, options: { sample: { type: "string", default: "600" }, runs: { type: "string", default: "5" }, ms: { type: "string", default: "300" } } });
const SAMPLE = Number(args.sample);
const RUNS = Number(args.runs);
const MS = Number(args.ms);

if (!existsSync(path.join(root, "dist/emit/index.js"))) execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
const { loadGraph } = await import("../dist/pipeline/load.js");
const { emitOutput } = await import("../dist/emit/index.js");
const { DEFAULT_OPTIONS } = await import("../dist/emit/options.js");
const { jsonSchemaOf, jsonSchemaRef } = await import("../dist/emit/json-schema/index.js");
const { extractExample } = await import("../dist/emit/json-schema/examples.js");
const require = createRequire(import.meta.url);
const Ajv = require("ajv/dist/2020").default;

// --- the values: a deterministic sample of the corpus examples, and the models they need -------------------------
const docs = corpusDocs("orq-node-4.13.19");
const { graph } = await loadGraph(docs);
const byId = new Map(graph.models.map((model) => [model.id, model]));
const withExamples = graph.models.filter((model) => model.kind !== "enum" && model.example);
const step = Math.max(1, Math.floor(withExamples.length / SAMPLE));
const sampled = withExamples.filter((_, i) => i % step === 0).slice(0, SAMPLE);
const subgraph = { ...graph, models: closure(sampled.map((model) => model.id)) };

const cases = [];
for (const model of sampled) {
  const extracted = extractExample(model.example);
  if (extracted.kind !== "value") continue;
  const valid = JSON.parse(JSON.stringify(extracted.value));
  const invalid = mutate(model, valid);
  if (invalid !== undefined) cases.push({ model, valid, invalid });
}

// --- the three validators ----------------------------------------------------------------------------------------
const options = { ...DEFAULT_OPTIONS, dates: "iso" };
const compiled = build("compiled", { ...options, validators: "compiled" });
const zod = build("zod", { ...options, validators: "zod" });
// ajv stops at the first error by default; \`allErrors\` reports all of them, as validate() does.
const ajv = compileAjv({});
const ajvAll = compileAjv({ allErrors: true });

const companion = (module, id) => module[byId.get(id).namespace][byId.get(id).name];
const targets = cases.map(({ model, valid, invalid }) => ({
  valid,
  invalid,
  compiled: companion(compiled, model.id),
  zod: companion(zod, model.id),
  ajv: ajv.getSchema(`graph${jsonSchemaRef(model.id)}`),
  ajvAll: ajvAll.getSchema(`graph${jsonSchemaRef(model.id)}`),
}));

// Sanity: every validator must agree on every value, or the figures compare different work.
for (const target of targets) {
  const verdicts = [target.compiled.validate(target.valid).ok, target.zod.safeParse(target.valid).success, target.ajv(target.valid)];
  const rejections = [!target.compiled.validate(target.invalid).ok, !target.zod.safeParse(target.invalid).success, !target.ajv(target.invalid)];
  target.agrees = verdicts.every(Boolean) && rejections.every(Boolean);
}
const agreed = targets.filter((target) => target.agrees);

const validators = {
  "compiled is()": (t, v) => t.compiled.is(v),
  "compiled validate()": (t, v) => t.compiled.validate(v),
  "zod 4 safeParse()": (t, v) => t.zod.safeParse(v),
  "ajv validate()": (t, v) => t.ajv(v),
  "ajv validate() allErrors": (t, v) => t.ajvAll(v),
};

console.log(`validators: ${agreed.length} corpus examples (of ${cases.length} sampled; ${subgraph.models.length} models), median of ${RUNS} runs of ${MS} ms`);
// Round-robin: every run measures each validator in turn, so a busy machine slows them alike; one warm-up round first.
const samples = { valid: {}, invalid: {} };
for (let round = 0; round <= RUNS; round++) {
  for (const kind of ["valid", "invalid"]) {
    for (const [name, run] of Object.entries(validators)) {
      const opsPerSecond = throughput(run, kind);
      if (round > 0) (samples[kind][name] ??= []).push(opsPerSecond);
    }
  }
}
const results = { valid: {}, invalid: {} };
for (const kind of ["valid", "invalid"]) for (const name of Object.keys(validators)) results[kind][name] = median(samples[kind][name]);
const rows = Object.keys(validators).map((name) => ({
  validator: name,
  "valid ops/s": format(results.valid[name]),
  "invalid ops/s": format(results.invalid[name]),
}));
console.table(rows);
for (const kind of ["valid", "invalid"]) {
  const r = results[kind];
  const base = r["compiled validate()"];
  console.log(
    `${kind}: compiled validate() = ${ratio(base / r["zod 4 safeParse()"])} zod 4, ${ratio(base / r["ajv validate()"])} ajv; ` +
      `${ratio(base / r["ajv validate() allErrors"])} ajv allErrors; ` +
      `compiled is() = ${ratio(r["compiled is()"] / r["zod 4 safeParse()"])} zod 4, ${ratio(r["compiled is()"] / r["ajv validate()"])} ajv`,
  );
}

function compileAjv(ajvOptions) {
  const instance = new Ajv({ strict: false, ...ajvOptions });
  instance.addFormat("date-time", /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/);
  instance.addSchema(jsonSchemaOf(subgraph, options), "graph");
  return instance;
}

// --- helpers -------------------------------------------------------------------------------------------------------
/** Operations per second of this process's CPU time: other processes on a shared machine do not count. */
function throughput(run, kind) {
  let ops = 0;
  let sink = 0;
  const started = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < MS) {
    for (const target of agreed) if (run(target, target[kind])) sink++;
    ops += agreed.length;
    const used = process.cpuUsage(started);
    elapsed = (used.user + used.system) / 1000;
  }
  if (sink < 0) console.log(sink);
  return (ops / elapsed) * 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function format(opsPerSecond) {
  return opsPerSecond >= 1e6 ? `${(opsPerSecond / 1e6).toFixed(2)}M` : `${(opsPerSecond / 1e3).toFixed(0)}k`;
}

function ratio(x) {
  return `${x.toFixed(1)}x`;
}

/** The sampled models and every model they reference, transitively, sorted as the graph is. */
function closure(ids) {
  const seen = new Set();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop();
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    stack.push(...refs(byId.get(id)));
  }
  return graph.models.filter((model) => seen.has(model.id));
}

function refs(model) {
  const types = model.kind === "object" ? [...model.fields.map((f) => f.type), ...(model.additionalProperties ? [model.additionalProperties] : [])] : model.kind === "union" ? model.members.map((m) => m.type) : [];
  const out = [];
  const walk = (type) => {
    if (type.kind === "ref") out.push(type.id);
    else if (type.kind === "array") walk(type.items);
    else if (type.kind === "map") walk(type.values);
    else if (type.kind === "nullable" || type.kind === "stream") walk(type.type);
    else if (type.kind === "union") type.members.forEach(walk);
  };
  types.forEach(walk);
  return out;
}

/** An invalid twin of a valid object: its first required field given a value of another type. */
function mutate(model, value) {
  if (model.kind !== "object" || !value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const field = model.fields.find((f) => f.required && value[f.name] !== undefined);
  if (!field) return undefined;
  return { ...value, [field.name]: typeof value[field.name] === "string" ? 12345 : "wrong" };
}

/** Output of the generator for the sample, compiled to CommonJS with TypeScript 7, then loaded. */
function build(name, emitOptions) {
  const dir = path.join(root, ".cache/bench-validators", name);
  rmSync(dir, { recursive: true, force: true });
  for (const file of emitOutput(subgraph, emitOptions).files) write(path.join(dir, "src", file.path), file.content);
  write(path.join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
  write(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], types: [], strict: true, exactOptionalPropertyTypes: true, skipLibCheck: true, rootDir: "src", outDir: "js" },
      include: ["src/**/*.ts"],
    }),
  );
  // Emit only: the tests type-check this output; checking 100s of zod schemas here would take minutes.
  execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", dir, "--noCheck"], { stdio: "inherit" });
  return require(path.join(dir, "js/index.js"));
}

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The corpus's docs/models folder, unpacked once into .cache/corpora (as test/corpus/corpora.ts does). */
function corpusDocs(corpus) {
  const target = path.join(root, ".cache/corpora", corpus);
  if (!existsSync(path.join(target, "docs"))) {
    const tarball = path.join(process.env.DOCSCHEMA_CORPORA ?? path.resolve(root, "../shared/corpora"), `${corpus}.tar.gz`);
    if (!existsSync(tarball)) throw new Error(`corpus ${tarball} is missing`);
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", target]);
  }
  return path.join(target, "docs/models");
}
