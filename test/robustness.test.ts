/**
 * Mangled real-shaped docs (copies of the embedded docs/models, changed at test time) must end in located
 * diagnostics: an error and exit 1 (previous output untouched), or a warning and exit 0 where the doc is still
 * unambiguous. Never a crash, never a silently wrong model.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../generator/cli/generate.js";
import { resolveTargets } from "../generator/pipeline/config.js";
import { parseBytes } from "../generator/parse/bytes.js";
import type { Model } from "../generator/model/types.js";
import { ROOT, snapshotFolder } from "./helpers/cli.js";

const EMBEDDED = path.join(ROOT, "docs/models");
let docs: Map<string, Buffer>;
let goodOutput: Map<string, Buffer>;
let work: string;

/**
 * `docschema generate` in-process (the CLI minus argument parsing, which test/cli.test.ts covers): one process
 * per case would reload ts-morph every time.
 */
async function runGenerate(input: string, out: string): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    // picocolors colours output when CI is set, even off a TTY: compare the text, not the escapes.
    stderr += stripVTControlCharacters(String(chunk));
    return true;
  });
  try {
    const code = await generate(resolveTargets(undefined, { input, out })[0]!, {});
    return { code, stderr };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  docs = await snapshotFolder(EMBEDDED);
  work = await mkdtemp(path.join(os.tmpdir(), "docschema-robust-"));
  const out = path.join(work, "good");
  const run = await runGenerate(EMBEDDED, out);
  expect(run.code).toBe(0);
  goodOutput = await snapshotFolder(out);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Mangle = (text: string) => string | Buffer;

interface Case {
  name: string;
  /** Changes per file of docs/models. */
  mangle: Record<string, Mangle>;
  /** `file:line:col severity … [code]` that must be printed (file relative to the input folder). */
  expect: { severity: "error" | "warning"; code: string; file: string; line?: number; column?: number }[];
}

const CHOICES = "components/choices.md";
const FINISH = "components/finishreason.md";
const ROLE = "operations/postv2routerchatcompletionsrole.md";
const UNION = "operations/postv2routerchatcompletionsresponsebody.md";
const RESPONSE = "components/createchatcompletionresponse.md";

const cutAfter = (marker: string, extra = 0): Mangle => (text) => {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  return text.slice(0, at + marker.length + extra);
};
const replace = (from: string | RegExp, to: string): Mangle => (text) => {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${String(from)} not found`);
  return next;
};

const CASES: Case[] = [
  {
    name: "file truncated inside a table row",
    mangle: { [CHOICES]: cutAfter("A chat completion message generated") },
    expect: [{ severity: "error", code: "bad-row", file: CHOICES, line: 73 }],
  },
  {
    name: "file truncated inside the header row",
    mangle: { [CHOICES]: cutAfter("| Field ", 20) },
    expect: [{ severity: "error", code: "missing-table", file: CHOICES }],
  },
  {
    name: "file truncated inside the Example Usage block",
    mangle: { [CHOICES]: cutAfter("finishReason:") },
    expect: [{ severity: "error", code: "unknown-kind", file: CHOICES, line: 1, column: 1 }],
  },
  {
    name: "enum truncated after a `|`",
    mangle: { [FINISH]: cutAfter('"stop" | "length" |') },
    expect: [{ severity: "error", code: "bad-enum-value", file: FINISH, line: 16 }],
  },
  {
    name: "enum truncated inside a value",
    mangle: { [FINISH]: cutAfter('"stop" | "len') },
    expect: [{ severity: "error", code: "bad-enum-value", file: FINISH, line: 16 }],
  },
  {
    name: "enum truncated before its closing fence",
    mangle: { [ROLE]: replace(/\n```$/, "") },
    expect: [{ severity: "error", code: "unclosed-fence", file: ROLE }],
  },
  {
    name: "union truncated inside a member heading",
    mangle: { [UNION]: cutAfter("### `operations.ResponseBody2", -3) },
    expect: [{ severity: "error", code: "bad-member", file: UNION, line: 84 }],
  },
  {
    name: "a table cell dropped",
    mangle: { [CHOICES]: replace(/(\| `index`[^\n]*?)\| :heavy_check_mark:\s*/, "$1") },
    expect: [{ severity: "error", code: "bad-row", file: CHOICES, line: 72, column: 1 }],
  },
  {
    name: "a table cell added",
    mangle: { [CHOICES]: replace(/(\| `index`[^\n]*)\|$/m, "$1| extra |") },
    expect: [{ severity: "error", code: "bad-row", file: CHOICES, line: 72, column: 1 }],
  },
  {
    name: "a broken link",
    mangle: { [CHOICES]: replace("../../models/components/logprobs.md", "../../models/components/logprobz.md") },
    expect: [{ severity: "error", code: "broken-link", file: CHOICES, line: 74 }],
  },
  {
    name: "a link pointing outside the input folder",
    mangle: { [CHOICES]: replace("../../models/components/logprobs.md", "../../../../../etc/logprobs.md") },
    expect: [{ severity: "error", code: "link-outside-input", file: CHOICES, line: 74 }],
  },
  {
    name: "a link that climbs out through the models folder",
    mangle: { [CHOICES]: replace("../../models/components/logprobs.md", "../../models/../../logprobs.md") },
    expect: [{ severity: "error", code: "link-outside-input", file: CHOICES, line: 74 }],
  },
  {
    name: "an unknown type expression",
    mangle: { [CHOICES]: replace("*number*", "*numbr*") },
    expect: [{ severity: "error", code: "unknown-type", file: CHOICES, line: 72 }],
  },
  {
    name: "stray HTML inside a type cell",
    mangle: { [CHOICES]: replace("*number*", "*number*<br/>") },
    expect: [{ severity: "error", code: "unknown-type", file: CHOICES, line: 72 }],
  },
  {
    name: "a stray HTML block after the Fields table",
    mangle: { [CHOICES]: (text) => `${text}\n\n<div>leftover</div>\n` },
    expect: [{ severity: "warning", code: "stray-content", file: CHOICES, line: 76, column: 1 }],
  },
  {
    name: "stray HTML before the title",
    mangle: { [FINISH]: (text) => `<!-- generated -->\n${text}` },
    expect: [{ severity: "warning", code: "stray-content", file: FINISH, line: 1, column: 1 }],
  },
  {
    name: "a stray paragraph in ## Values",
    mangle: { [FINISH]: (text) => `${text}\n\nSee also: the docs.\n` },
    expect: [{ severity: "warning", code: "stray-content", file: FINISH, line: 19, column: 1 }],
  },
  {
    name: "stray text between union members",
    mangle: { [UNION]: replace("### `operations.ResponseBody2`", "Some text.\n\n### `operations.ResponseBody2`") },
    expect: [{ severity: "warning", code: "stray-content", file: UNION, line: 84, column: 1 }],
  },
  {
    name: "a second table in ## Fields",
    mangle: { [CHOICES]: (text) => `${text}\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`x\` | *string* | :heavy_check_mark: | N/A |\n` },
    expect: [{ severity: "error", code: "extra-block", file: CHOICES, line: 76, column: 1 }],
  },
  {
    name: "an unknown ## section",
    mangle: { [CHOICES]: (text) => `${text}\n\n## Notes\n\nSomething.\n` },
    expect: [{ severity: "warning", code: "unknown-section", file: CHOICES, line: 76, column: 1 }],
  },
  {
    name: "invalid UTF-8",
    mangle: { [CHOICES]: (text) => Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(20))]) },
    expect: [{ severity: "error", code: "invalid-utf8", file: CHOICES, line: 3, column: 10 }],
  },
  {
    name: "an empty file (and the links to it)",
    mangle: { [FINISH]: () => "" },
    expect: [
      { severity: "error", code: "empty-file", file: FINISH, line: 1, column: 1 },
      { severity: "error", code: "broken-link", file: CHOICES, line: 71 },
    ],
  },
  {
    name: "a doc without a kind",
    mangle: { [FINISH]: replace("## Values", "## Valeus") },
    expect: [{ severity: "error", code: "unknown-kind", file: FINISH, line: 1, column: 1 }],
  },
  {
    name: "two docs with the same title",
    mangle: { "components/finishreason2.md": () => docs.get(FINISH)!.toString() },
    expect: [{ severity: "error", code: "duplicate-model", file: "components/finishreason2.md", line: 1, column: 1 }],
  },
];

async function mangledInput(mangle: Record<string, Mangle>): Promise<string> {
  const input = path.join(await mkdtemp(path.join(work, "case-")), "docs/models");
  // The whole docs folder: the operation docs beside the models (docs/sdks) are part of the output too.
  await cp(path.dirname(EMBEDDED), path.dirname(input), { recursive: true });
  for (const [file, change] of Object.entries(mangle)) {
    const before = docs.get(file)?.toString("utf8") ?? "";
    await writeFile(path.join(input, file), change(before));
  }
  return input;
}

describe("mangled docs end in located diagnostics", () => {
  it.each(CASES)("$name", async ({ mangle, expect: expected }) => {
    const input = await mangledInput(mangle);
    const out = path.join(path.dirname(path.dirname(input)), "generated");
    await cp(path.join(work, "good"), out, { recursive: true });

    const run = await runGenerate(input, out);
    // No crash: only our own messages, no stack trace.
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const prefix = `${path.relative(ROOT, input).split(path.sep).join("/")}/`;
    for (const d of expected) {
      const where = `${prefix}${d.file}:${d.line ?? "\\d+"}:${d.column ?? "\\d+"}`;
      expect(run.stderr).toMatch(new RegExp(`^${where.replace(/[.]/g, "\\.")} ${d.severity}: .+ \\[${d.code}\\]$`, "m"));
    }
    const errors = expected.some((d) => d.severity === "error");
    expect(run.code).toBe(errors ? 1 : 0);
    // Every printed diagnostic is located.
    const diagnosticLines = run.stderr.split("\n").filter((line) => / (error|warning): /.test(line));
    for (const line of diagnosticLines) expect(line).toMatch(/^\S+\.md:\d+:\d+ (error|warning): /);
    if (errors) {
      expect(await snapshotFolder(out)).toEqual(goodOutput);
    } else {
      // Warnings only: the model is still written, and no model went missing.
      expect((await snapshotFolder(out)).size).toBe(goodOutput.size);
    }
  });
});

describe("CRLF line endings", () => {
  it("give the same model graph and the same output bytes as LF", async () => {
    const crlf: Record<string, Mangle> = {};
    for (const file of docs.keys()) crlf[file] = (text) => text.replace(/\n/g, "\r\n");
    const input = await mangledInput(crlf);
    const out = path.join(work, "crlf-out");
    const run = await runGenerate(input, out);
    expect(run.stderr).not.toMatch(/warning|error/);
    expect(run.code).toBe(0);
    expect(await snapshotFolder(out)).toEqual(goodOutput);
  });
});

describe("truncation at any point never crashes and never yields a silently different model", () => {
  /** The same model, or (truncated exactly at a line end) one with fewer rows, values or members: the part that is read is right. */
  function isPrefixOf(cut: Model, whole: Model): boolean {
    const strip = (value: unknown): string => JSON.stringify(value, (k, v: unknown) => (k === "link" || k === "example" || k === "description" ? undefined : v));
    if (cut.kind !== whole.kind || cut.id !== whole.id) return false;
    const list = (m: Model): unknown[] => (m.kind === "object" ? m.fields : m.kind === "enum" ? m.values : m.members);
    const [a, b] = [list(cut), list(whole)];
    return a.length <= b.length && a.every((item, i) => strip(item) === strip(b[i]));
  }

  it.each([CHOICES, FINISH, ROLE, UNION, RESPONSE, "operations/responsebody2.md"])("%s", (file) => {
    const bytes = docs.get(file)!;
    // Parses compared with parses: the graph builder would type this lone doc's unresolved references unknown.
    const whole = parseBytes(file, bytes, "/p/docs/models").model!;
    const cuts = 150;
    const step = Math.max(1, Math.floor(bytes.length / cuts));
    let silent = 0;
    for (let end = 0; end < bytes.length; end += step) {
      const doc = parseBytes(file, bytes.subarray(0, end), "/p/docs/models");
      if (doc.diagnostics.some((d) => d.severity === "error")) {
        for (const d of doc.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        continue;
      }
      expect(doc.model, `cut at ${end}: no model and no error`).toBeDefined();
      expect(isPrefixOf(doc.model!, whole), `cut at ${end} gives a different model`).toBe(true);
      silent++;
    }
    // Most cuts are caught; the rest are cuts at a line end that leave a shorter but correct model.
    expect(silent).toBeLessThan(cuts / 4);
  });
});
