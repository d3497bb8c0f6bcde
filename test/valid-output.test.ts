/**
 * Legitimate docs always give valid TypeScript: small doc sets, each with one thing that used to break the output
 * (doc text closing a comment, titles that are reserved words or names the output uses, unions containing each
 * other, lower-case titles, enum member names from a `Name | Value` table). Every set is parsed, built and
 * emitted with every validator kind, and all of it is type-checked (strict + exactOptionalPropertyTypes) and
 * compiled in one tsc run; then the companions are used.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildModelGraph } from "../generator/build/index.js";
import type { ValidatorKind } from "../generator/emit/options.js";
import type { Diagnostic, ModelGraph } from "../generator/model/types.js";
import { parseDoc } from "../generator/parse/doc.js";
import { NO, YES, table, tsEnum, tsLink, tsObject, unionDoc } from "./helpers/docs.js";
import { buildOutputs, type BuiltOutputs } from "./support/output.js";

const KINDS: ValidatorKind[] = ["compiled", "zod", "none"];

function graphOf(files: Record<string, string>): { graph: ModelGraph; diagnostics: Diagnostic[] } {
  return buildModelGraph(Object.entries(files).map(([file, text]) => parseDoc({ file, text })), []);
}

const SETS = {
  comments: {
    "components/upload.md": tsObject(
      "Upload",
      [
        ["`mime`", "*string*", YES, "One of image/*, audio/*<br/>or */* for anything", "image/*<br/>/v1/*"],
        ["~~`legacy`~~", "*string*", NO, ":warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/>Use /v1/* instead", "/*"],
        ["`route`", '*"/v1/*"*', YES, '"quoted `tick` ${x} // not a comment', "N/A"],
        ["`separator`", '*"\\\\"*', YES, "a backslash", "\\"],
        ["`kind`", tsLink("components", "Separator"), YES, "N/A", "N/A"],
      ],
      { description: "Uploads of image/* files.\nRoutes under /v1/* are proxied; */ is not the end." },
    ),
    "components/separator.md": tsEnum("Separator", ['"\\\\"', '"a\\"b"', '"*/"', '"/*"']),
  },
  names: {
    "components/class.md": tsObject("class", [
      ["`default`", tsLink("components", "default"), YES, "N/A"],
      ["`z`", "*components.z*", YES, "N/A"],
      ["`thing`", tsLink("components", "Thing"), NO, "N/A"],
      ["`self`", `${tsLink("components", "class")}[]`, NO, "N/A"],
    ]),
    "components/default.md": tsEnum("default", ['"a"', '"b"']),
    "components/z.md": unionDoc("z", ["string", "components.class"]),
    "components/thing.md": tsObject("Thing", [
      // The companion of Thing is `isThing` and has a function `isThing`: the model isThing is imported under another name.
      ["`check`", tsLink("components", "isThing"), YES, "N/A"],
      ["`at`", tsLink("components", "Date"), NO, "N/A"],
    ]),
    "components/isthing.md": tsObject("isThing", [["`n`", "*number*", YES, "N/A"]]),
    "components/date.md": tsObject("Date", [["`at`", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", YES, "N/A"]]),
    // Imports components.Thing (as `components_Thing`) and a model of its own namespace titled components_Thing.
    "operations/op.md": tsObject("Op", [
      ["`a`", tsLink("components", "Thing"), YES, "N/A"],
      ["`b`", tsLink("operations", "components_Thing"), YES, "N/A"],
      ["`c`", tsLink("operations", "enum"), YES, "N/A"],
      ["`d`", tsLink("components", "default"), YES, "N/A"],
    ]),
    "operations/components_thing.md": tsObject("components_Thing", [["`s`", "*string*", YES, "N/A"]]),
    "operations/enum.md": tsEnum("enum", ['"x"']),
  },
  cycles: {
    // A contains B and B contains A: both mean string | number | Thing.
    "components/a.md": unionDoc("A", ["string", "components.B"]),
    "components/b.md": unionDoc("B", ["components.A", "number", "components.Thing"]),
    "components/thing.md": tsObject("Thing", [["`a`", "*components.A*", NO, "N/A"]]),
    // Recursion through a map stays recursion.
    "components/value.md": unionDoc("Value", ["string", "{ [k: string]: components.Value }"]),
  },
  lowercase: {
    "components/thing.md": tsObject("thing", [["`n`", "*number*", YES, "N/A"]]),
    "components/user.md": tsObject("User", [
      ["`linked`", "[components.thing](../../models/components/thing.md)", YES, "N/A"],
      ["`bare`", "[thing](../../models/components/thing.md)", NO, "N/A"],
      ["`italic`", "*components.thing*[]", NO, "N/A"],
    ]),
  },
  enumNames: {
    "components/status.md": [
      "# Status",
      "",
      "## Values",
      "",
      table(["Name", "Value", "Description"], [["`Active`", "active", "N/A"], ["`ON_HOLD`", "on hold", "N/A"], ["`is`", "is", "N/A"], ["`parse`", "parse", "N/A"], ["`Active`", "Active", "named twice"], ["`toolCalls`", "tool_calls", "N/A"]]),
    ].join("\n"),
    "components/code.md": tsEnum("Code", ['"a"', '"A"', '"a2"', '"A2"']),
  },
} satisfies Record<string, Record<string, string>>;
type SetName = keyof typeof SETS;

/** Uses the names as a consumer would. */
const TYPE_LEVEL: Partial<Record<SetName, string>> = {
  names: `
import { components, operations } from "./index.js";
import { class as Klass, default$ as Default } from "./components/index.js";
const d: Default = "a";
const k: components.class = { default: d, z: "text", self: [] };
const same: Klass = k;
const op: operations.Op = { a: { check: { n: 1 } }, b: { s: "" }, c: "x", d: "b" };
export { same, op };
`,
  cycles: `
import { components } from "./index.js";
const values: components.A[] = ["a", 1, { a: "b" }];
const b: components.B = values[0]!;
const nested: components.Value = { a: { b: "c" } };
export { b, nested };
`,
};

let built: BuiltOutputs;
const graphs = {} as Record<SetName, { graph: ModelGraph; diagnostics: Diagnostic[] }>;
const source = (set: SetName, kind: ValidatorKind, file: string) => readFileSync(path.join(built.dir, "src", `${set}-${kind}`, file), "utf8");
type Companion = { is?(value: unknown): boolean; validate?(value: unknown): { ok: boolean }; safeParse?(value: unknown): { success: boolean }; [member: string]: unknown };
const companion = (set: SetName, kind: ValidatorKind, namespace: string, name: string) => built.module(`${set}-${kind}`)[namespace]![name] as Companion;
const accepts = (c: Companion, value: unknown): boolean => (c.safeParse ? c.safeParse(value).success : c.is!(value));

beforeAll(() => {
  for (const set of Object.keys(SETS) as SetName[]) graphs[set] = graphOf(SETS[set]);
  built = buildOutputs(
    "valid-output",
    (Object.keys(SETS) as SetName[]).flatMap((set) =>
      KINDS.map((validators) => ({ name: `${set}-${validators}`, graph: graphs[set].graph, options: { validators }, extraFiles: { "usage.ts": TYPE_LEVEL[set] ?? "export {};\n" } })),
    ),
  );
}, 120_000);

describe.each(Object.keys(SETS) as SetName[])("%s", (set) => {
  it("parses without errors and type-checks with every validator kind", () => {
    expect(graphs[set].diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const kind of KINDS) expect(built.errors(`${set}-${kind}`), kind).toBe("");
  });
});

describe("doc text in comments and strings", () => {
  it("`/*`, `*/` and quotes stay inside the JSDoc they belong to", () => {
    const text = source("comments", "none", "components/upload.ts");
    expect(text).toContain("/**\n * Uploads of image/* files.\n * Routes under /v1/* are proxied; *\\/ is not the end.\n */\nexport interface Upload {");
    expect(text).toContain("  /**\n   * One of image/*, audio/*\n   * or *\\/* for anything\n   * @example image/*\n   * /v1/*\n   */\n  mime: string;");
    expect(text).toContain("  /**\n   * Use /v1/* instead\n   * @example /*\n   * @deprecated\n   */\n  legacy?: string;");
    expect(text).toContain('  route: "/v1/*";');
  });

  it("values ending in a backslash keep their value", () => {
    for (const kind of ["compiled", "zod"] as const) {
      const upload = companion("comments", kind, "components", "Upload");
      const valid = { mime: "image/png", route: "/v1/*", separator: "\\", kind: "\\" };
      expect(accepts(upload, valid), kind).toBe(true);
      expect(accepts(upload, { ...valid, kind: "*/" }), kind).toBe(true);
      expect(accepts(upload, { ...valid, separator: "/" }), kind).toBe(false);
    }
  });
});

describe("titles that are reserved words or names the output uses", () => {
  it("are declared under a safe identifier and exported by their title (`default` as default$), imported under an alias", () => {
    const text = source("names", "compiled", "components/class.ts");
    expect(text).toContain("interface class$ {");
    expect(text).toContain("export { class$ as class };");
    expect(text).toMatch(/import \{ default\$ as components_default \} from "\.\/default\.js";/);
    expect(source("names", "zod", "components/z.ts")).toContain("export { z$ as z };");
    expect(source("names", "compiled", "components/thing.ts")).toMatch(/import \{ isThing as components_isThing \} from "\.\/isthing\.js";/);
    // Two candidates for one local name: the model of the own namespace gets its namespace too.
    expect(source("names", "compiled", "operations/op.ts")).toContain('import { Thing as components_Thing } from "../components/thing.js";\nimport { components_Thing as operations_components_Thing } from "./components_thing.js";');
  });

  it("work at run time under their export names", () => {
    for (const kind of ["compiled", "zod"] as const) {
      const klass = companion("names", kind, "components", "class");
      expect(accepts(klass, { default: "a", z: "text", self: [{ default: "b", z: { default: "a", z: "t" } }] }), kind).toBe(true);
      expect(accepts(klass, { default: "c", z: "text" }), kind).toBe(false);
      expect(accepts(companion("names", kind, "components", "default$"), "b"), kind).toBe(true);
      expect(built.module(`names-${kind}`)["components"]!["default"]).toBeUndefined();
      expect(accepts(companion("names", kind, "operations", "Op"), { a: { check: { n: 1 } }, b: { s: "" }, c: "x", d: "a" }), kind).toBe(true);
      expect(accepts(companion("names", kind, "operations", "Op"), { a: { check: { n: "1" } }, b: { s: "" }, c: "x", d: "a" }), kind).toBe(false);
    }
  });
});

describe("unions that contain each other", () => {
  it("mean the union of their other members, and validators answer without recursing forever", () => {
    for (const kind of ["compiled", "zod"] as const) {
      for (const name of ["A", "B"]) {
        const union = companion("cycles", kind, "components", name);
        for (const value of ["a", 1, {}, { a: 2 }]) expect(accepts(union, value), `${kind} ${name} ${JSON.stringify(value)}`).toBe(true);
        for (const value of [true, null, [], { a: true }]) expect(accepts(union, value), `${kind} ${name} ${JSON.stringify(value)}`).toBe(false);
      }
      expect(accepts(companion("cycles", kind, "components", "Value"), { a: { b: "c" } })).toBe(true);
      expect(accepts(companion("cycles", kind, "components", "Value"), { a: { b: 1 } })).toBe(false);
    }
    expect(source("cycles", "none", "components/a.ts")).toContain("export type A = string | number | Thing;");
    expect(source("cycles", "none", "components/value.ts")).toContain("export type Value = string | { [key: string]: Value };");
  });
});

describe("lower-case titles", () => {
  it("are referenced by link, bare link text and qualified name", () => {
    expect(source("lowercase", "none", "components/user.ts")).toContain("linked: thing;\n  bare?: thing;\n  italic?: thing[];");
  });
});

describe("enum member names", () => {
  it("come from the Name column, capitalised, each once; values that name alike are numbered without clashes", () => {
    expect(source("enumNames", "none", "components/status.ts")).toContain(
      'Active: "active",\n  ON_HOLD: "on hold",\n  Is: "is",\n  Parse: "parse",\n  Active2: "Active",\n  ToolCalls: "tool_calls",',
    );
    expect(source("enumNames", "none", "components/code.ts")).toContain('A: "a",\n  A2: "A",\n  A22: "a2",\n  A23: "A2",');
    for (const kind of ["compiled", "zod"] as const) {
      const status = companion("enumNames", kind, "components", "Status");
      expect([status["ON_HOLD"], status["Active2"], status["Is"]], kind).toEqual(["on hold", "Active", "is"]);
      expect(accepts(status, "is"), kind).toBe(true);
    }
  });
});
