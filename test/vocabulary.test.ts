/**
 * Every spelling docs/FORMAT.md §3.2 and §3.3 list for other generator versions, in both flavours, in the layouts of older generator versions (TS under
 * `docs/sdk/models/shared`, Python under `docs/models/shared` with an old generator's `undefined/models/` links), end
 * to end: generate (and --merge) without errors, output that type-checks and validates each type as documented,
 * diff, and unknown spellings as errors that say what docschema knows, or (--unknown-types unknown) warnings.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonSchemaOf, jsonSchemaRef } from "../generator/emit/json-schema/index.js";
import { DEFAULT_OPTIONS } from "../generator/emit/options.js";
import type { ModelGraph } from "../generator/model/types.js";
import { loadGraph } from "../generator/pipeline/load.js";
import { runMain } from "./helpers/cli.js";
import { NO, YES, pyEnum, tsEnum, tsObject, twinObjects, writeTree } from "./helpers/docs.js";
import { buildVariants } from "./support/output.js";

const MDN = "https://developer.mozilla.org/en-US/docs";
const PY_DATETIME = "https://docs.python.org/3/library/datetime.html";
const simple = twinObjects("SimpleObject", [
  ["date", "[RFCDate](../../../types/rfcdate.md)", "date_", `[datetime](${PY_DATETIME}#datetime-objects)`, true, "A date."],
  ["dateTime", `[Date](${MDN}/Web/JavaScript/Reference/Global_Objects/Date)`, "date_time", `[date](${PY_DATETIME}#date-objects)`, true],
  ["bigint", "*BigInt*", "bigint", "*Optional[int]*", false],
  ["decimal", "*Decimal*", "decimal", "*Optional[Decimal]*", false],
  ["content", "*Uint8Array*", "content", "*Optional[Union[bytes, IO[bytes], io.BufferedReader]]*", false],
  ["stream", "*ReadableStream<Uint8Array>*", "stream", "*Optional[bytes]*", false],
  // Old Python docs link `undefined/models/…` and write names without their namespace (`EnumT`).
  ["enum", "[shared.Enum](../../../sdk/models/shared/enum.md)", "enum", "[Optional[EnumT]](undefined/models/shared/enumt.md)", false],
  ["headers", "Record<string, *string*[]>", "headers", "Dict[str, List[*str*]]", false],
  ["rawResponse", `[Response](${MDN}/Web/API/Response)`, "raw_response", "[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)", false],
]);
const TS_OLD = {
  "ts/docs/sdk/models/shared/simpleobject.md": simple.ts,
  "ts/docs/sdk/models/shared/enum.md": tsEnum("Enum", ['"one"', '"two"']),
  // The page the RFCDate links point at, beside the models: documentation of an SDK type, not a model.
  "ts/docs/types/rfcdate.md": "# RFCDate\n\n`types.RFCDate` is a wrapper around Date for a date string formatted as \"2006-01-02\".\n",
};
const PY_OLD = {
  "py/docs/models/shared/simpleobject.md": simple.py,
  "py/docs/models/shared/enumt.md": pyEnum("EnumT", ['"one"', '"two"']),
};

let root: string;
beforeAll(async () => {
  root = await writeTree({ ...TS_OLD, ...PY_OLD }, "docschema-vocabulary-");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("older layouts and the rest of the vocabulary", () => {
  it("generate reads both flavours without a diagnostic, and merges them without one", async () => {
    const runs = { ts: ["ts/docs/sdk/models"], py: ["py/docs/models"], merged: ["ts/docs/sdk/models", "--merge", "py/docs/models"] };
    for (const [name, args] of Object.entries(runs)) {
      const run = await runMain(["generate", ...args, "-o", `out-${name}`], root);
      expect(run.stderr).toMatch(/^✔ 2 models \(1 objects, 1 enums, 0 unions\) → \d+ files in out-\w+ \(\d+\.\d+s\)\n$/);
      expect(run.code).toBe(0);
    }
    const types = await readFile(path.join(root, "out-ts/shared/simpleobject.ts"), "utf8");
    for (const line of ["date: string;", "dateTime: Date;", "bigint?: bigint;", "decimal?: number | string;", "content?: Blob | ReadableStream<Uint8Array> | Uint8Array;", "rawResponse?: unknown;", "headers?: Record<string, string[]>;"]) {
      expect(types).toContain(`  ${line}`);
    }
    const merged = JSON.parse(await readFile(path.join(root, "out-merged/schema.json"), "utf8")) as ModelGraph;
    expect(merged.models.map((model) => [model.id, model.twin?.name])).toEqual([
      ["shared.Enum", "shared.EnumT"],
      ["shared.SimpleObject", "shared.SimpleObject"],
    ]);
  });

  it("each type is checked as documented, by compiled and zod validators and by JSON Schema", async () => {
    const { graph } = await loadGraph(path.join(root, "ts/docs/sdk/models"));
    const base = { date: "2024-02-29", dateTime: new Date("2024-01-01T00:00:00Z") };
    const cases: [Record<string, unknown>, boolean][] = [
      [base, true],
      [{ ...base, date: "2023-02-29" }, false],
      [{ ...base, date: "2024-02-29T00:00:00Z" }, false],
      [{ ...base, bigint: 9223372036854775808n }, true],
      [{ ...base, bigint: 1 }, false],
      [{ ...base, decimal: "3.14159265358979344719667586" }, true],
      [{ ...base, decimal: 3.14 }, true],
      [{ ...base, decimal: "pi" }, false],
      [{ ...base, content: new Uint8Array([1]) }, true],
      [{ ...base, content: "bytes" }, false],
    ];
    // Both outputs type-checked and compiled by one tsc run.
    const built = buildVariants("vocabulary", graph, { compiled: { validators: "compiled" }, zod: { validators: "zod" } });
    for (const validators of ["compiled", "zod"] as const) {
      const { SimpleObject } = built[validators].module.shared as Record<string, { is?(v: unknown): boolean; safeParse?(v: unknown): { success: boolean } }>;
      const verdicts = cases.map(([value]) => (SimpleObject!.is ? SimpleObject!.is(value) : SimpleObject!.safeParse!(value).success));
      expect(verdicts, validators).toEqual(cases.map(([, valid]) => valid));
    }
    // JSON Schema describes the JSON payload: dates and numbers as JSON carries them.
    const validate = new Ajv2020({ strict: false }).compile({ ...jsonSchemaOf(graph, DEFAULT_OPTIONS), $ref: jsonSchemaRef("shared.SimpleObject") });
    const json = { date: "2024-02-29", dateTime: "2024-01-01T00:00:00Z" };
    expect([validate({ ...json, bigint: "9223372036854775808" }), validate({ ...json, bigint: "1.5" }), validate({ ...json, decimal: "3.14" }), validate({ ...json, decimal: "pi" })]).toEqual([true, false, true, false]);
  });

  it("diff reads RFCDate links (they point outside the models folder) like any other type", async () => {
    const run = await runMain(["diff", "ts/docs/sdk/models", "ts/docs/sdk/models"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("--unknown-types", () => {
  let docs: string;
  beforeAll(async () => {
    docs = await writeTree(
      {
        "components/thing.md": tsObject("Thing", [
          ["`id`", "*string*", YES, "N/A"],
          ["`shape`", "*Shape3D*", NO, "N/A"],
          ["`blob`", "*frobnicated*", NO, "N/A"],
        ]),
      },
      "docschema-unknown-types-",
    );
  });
  afterAll(() => rm(docs, { recursive: true, force: true }));

  it("an unknown spelling is an error naming what was found and what docschema knows; nothing is written", async () => {
    const run = await runMain(["generate", docs, "-o", path.join(docs, "..", `${path.basename(docs)}-out`)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/components\/thing\.md:\d+:\d+ error: unknown type expression "\*frobnicated\*": unknown type "frobnicated" \(known: string, str, number, .*RFCDate.*\) \[unknown-type\]/);
    expect(run.stderr).toMatch(/components\/thing\.md:\d+:\d+ error: reference to components\.Shape3D does not match any model/);
  });

  it("unknown: the fields are typed unknown, with warnings, and the run succeeds", async () => {
    const out = `${docs}-unknown`;
    try {
      const run = await runMain(["generate", docs, "-o", out, "--unknown-types", "unknown"]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/warning: unknown type expression "\*frobnicated\*".*; typed unknown \(--unknown-types unknown\) \[unknown-type\]/);
      expect(run.stderr).toMatch(/warning: reference to components\.Shape3D does not match any model.*\[unresolved-ref\]/);
      const types = await readFile(path.join(out, "components/thing.ts"), "utf8");
      expect(types).toContain("  shape?: unknown;\n  blob?: unknown;");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
