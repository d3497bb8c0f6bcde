/**
 * `docschema diff` end to end: the built CLI on docs folders, snapshots and git revisions, and its exit codes. The bin
 * runs as a child process for the modules a process loads and for its exit codes 1 and 2; the other runs call the
 * same built `main` in this process (runMain).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enumDoc, link, objectDoc, operationsDoc } from "./helpers/graph-fixtures.js";
import { runCli, runMain } from "./helpers/cli.js";

const v1 = {
  "models/components/order.md": objectDoc("Order", [["size", link("components.Size"), true]]),
  "models/components/receipt.md": objectDoc("Receipt", [["order", link("components.Order"), true]]),
  "models/components/size.md": enumDoc("Size", ["s", "m"]),
  "sdks/orders/README.md": operationsDoc("Orders", [{ name: "CreateOrder", request: "components.Order", response: "components.Receipt" }]),
};
const v2 = {
  ...v1,
  "models/components/order.md": objectDoc("Order", [["size", link("components.Size"), true], ["note", "*string*", false]]),
  "models/components/size.md": enumDoc("Size", ["s", "m", "l"]),
};

let scratch: string;
const write = (folder: string, files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return folder;
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
/** A docs diff's models with source paths relative to the models folders, as a snapshot diff names them. */
const unprefixed = (models: { changes: { source: { file: string } }[] }[]) =>
  models.map((m) => ({ ...m, changes: m.changes.map((c) => ({ ...c, source: { ...c.source, file: c.source.file.replace(/^v\d\/docs\/models\//, "") } })) }));

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "docschema-diff-cli-"));
  write(path.join(scratch, "v1/docs"), v1);
  write(path.join(scratch, "v2/docs"), v2);
  mkdirSync(path.join(scratch, "empty"));
  for (const v of ["v1", "v2"]) writeFileSync(path.join(scratch, `${v}.json`), (await runMain(["graph", `${v}/docs/models`], scratch)).stdout);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("docschema diff", () => {
  it("compares two docs folders (operation docs beside the models) and prints text grouped by severity", async () => {
    const result = await runMain(["diff", "v1/docs", "v2/docs"], scratch);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("directions from the operation docs (1 operation)");
    expect(result.stdout).toMatch(/BREAKING \(1 model\)\n {2}components\.Size enum · both\n {4}✖ value "l" added \[enum-value-added, response\]/);
    expect(result.stdout).toContain("INFO (1 model)\n  components.Order object · both\n    • field note added (optional, string) [optional-field-added, both]");
    expect(result.stdout).toContain("SDK METHODS (1)\n  ✖ orders.CreateOrder() CreateOrder\n");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("1 breaking, 0 warnings, 1 info in 2 changed model(s), 1 SDK method(s)");
  });

  it("sets the exit code with --fail-on", async () => {
    // The bin's own exit code, then main's for the others.
    expect((await runCli(["diff", "v1/docs", "v2/docs", "--fail-on", "breaking"], scratch)).code).toBe(1);
    expect((await runMain(["diff", "v1/docs", "v2/docs", "--fail-on", "warning"], scratch)).code).toBe(1);
    expect((await runMain(["diff", "v1/docs", "v1/docs", "--fail-on", "warning"], scratch)).code).toBe(0);
  });

  it("compares snapshots written by `graph` the same way as the docs they came from", async () => {
    const fromSnapshots = JSON.parse((await runMain(["diff", "v1.json", "v2.json", "--format", "json"], scratch)).stdout);
    const fromDocs = JSON.parse((await runMain(["diff", "v1/docs/models", "v2/docs/models", "--format", "json"], scratch)).stdout);
    expect(fromSnapshots.summary).toEqual({
      breaking: 1,
      warning: 0,
      info: 1,
      models: { added: 0, removed: 0, renamed: 0, changed: 2 },
      operations: { added: 0, removed: 0, changed: 1 },
      changes: { "enum-value-added": 1, "field-added": 1 },
      ignored: { excluded: 0, baseline: 0, unmatchedBaseline: [] },
    });
    expect(fromSnapshots.models).toEqual(unprefixed(fromDocs.models));
    expect(fromSnapshots.operations).toEqual(fromDocs.operations);
  });

  it("reads an old docs side with docs added, removed and changed (reusing the new side's parses) as its snapshot", async () => {
    const v3 = { ...v2, "models/components/extra.md": objectDoc("Extra", [["id", "*string*", true]]) } as Record<string, string>;
    delete v3["models/components/receipt.md"];
    write(path.join(scratch, "v3/docs"), v3);
    writeFileSync(path.join(scratch, "v3.json"), (await runMain(["graph", "v3/docs/models"], scratch)).stdout);
    const fromSnapshots = JSON.parse((await runMain(["diff", "v3.json", "v1.json", "--format", "json"], scratch)).stdout);
    const fromDocs = JSON.parse((await runMain(["diff", "v3/docs", "v1/docs", "--format", "json"], scratch)).stdout);
    expect(fromSnapshots.summary.models).toEqual({ added: 1, removed: 1, renamed: 0, changed: 2 });
    expect(unprefixed(fromDocs.models)).toEqual(fromSnapshots.models);
    expect([fromDocs.old.operations, fromDocs.new.operations]).toEqual([fromSnapshots.old.operations, fromSnapshots.new.operations]);
  });

  it("loads neither the markdown parser nor ts-morph to compare two snapshots", async () => {
    const hook = `export async function resolve(s, c, next) { const r = await next(s, c); if (/ts-morph|remark|micromark/.test(r.url)) process._rawDebug("LOADED " + r.url); return r; }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const nodeArgs = ["--import", `data:text/javascript,${encodeURIComponent(register)}`];
    const snapshots = await runCli(["diff", "v1.json", "v2.json"], scratch, nodeArgs);
    expect(snapshots.code).toBe(0);
    expect(snapshots.stderr).not.toContain("LOADED");
    // The hook does see them when docs are parsed.
    expect((await runCli(["diff", "v1/docs", "v2/docs"], scratch, nodeArgs)).stderr).toContain("LOADED");
  });

  it("names doc files from the working directory in github annotations", async () => {
    const result = await runMain(["diff", "v1/docs", "v2/docs", "--format", "github"], scratch);
    expect(result.stdout).toContain("::error file=v2/docs/models/components/size.md,line=12,col=1,title=breaking%3A enum-value-added::");
    expect(result.stdout).toContain("::notice file=v2/docs/models/components/order.md,line=");
    // A method's change points at its README heading, beside the models folder.
    write(path.join(scratch, "v4/docs"), { ...v1, "sdks/orders/README.md": operationsDoc("Orders", [{ name: "placeOrder", id: "CreateOrder", request: "components.Order", response: "components.Receipt" }]) });
    const renamed = await runMain(["diff", "v1/docs", "v4/docs", "--format", "github"], scratch);
    expect(renamed.stdout).toContain("::error file=v4/docs/sdks/orders/README.md,line=5,col=1,title=breaking%3A operation-renamed::orders.placeOrder() (CreateOrder): renamed: orders.CreateOrder() → orders.placeOrder()\n");
  });

  it("reads the old side from git without touching the work tree", async () => {
    const repo = path.join(scratch, "repo");
    write(repo, Object.fromEntries(Object.entries(v1).map(([f, t]) => [`docs/${f}`, t])));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1");
    writeFileSync(path.join(repo, "generated.json"), "");
    write(repo, Object.fromEntries(Object.entries(v2).map(([f, t]) => [`docs/${f}`, t])));
    const status = git(repo, "status", "--porcelain");
    // A temporary folder of its own: /tmp is shared with whatever else runs on the machine.
    const temp = mkdtempSync(path.join(scratch, "tmp-"));
    const outerTemp = process.env["TMPDIR"];
    process.env["TMPDIR"] = temp;
    const result = await runMain(["diff", "--git", "main", "--format", "json"], repo).finally(() => {
      if (outerTemp === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = outerTemp;
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect([report.old.label, report.new.label, report.directions]).toEqual(["main:docs/models", "docs/models", "operations"]);
    expect(report.summary.breaking).toBe(1);
    expect(report.models[0].changes[0].source.file).toBe("docs/models/components/size.md");
    expect(git(repo, "status", "--porcelain")).toBe(status);
    expect(readdirSync(temp)).toEqual([]);

    // A snapshot committed in git, and a path given from a sub-folder of the repository.
    writeFileSync(path.join(repo, "schema.json"), (await runMain(["graph", "docs/models"], repo)).stdout);
    git(repo, "add", "schema.json");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot");
    const sub = await runMain(["diff", "--git", "HEAD:../../schema.json", "--format", "json", "../../schema.json"], path.join(repo, "docs/models"));
    expect(JSON.parse(sub.stdout).summary.models.changed).toBe(0);
    expect((await runMain(["diff", "--git", "HEAD~1:docs", "docs", "--fail-on", "breaking"], repo)).code).toBe(1);
  });

  it("takes a policy (severities per rule and direction), a baseline of known changes and excluded rules", async () => {
    writeFileSync(path.join(scratch, "policy.json"), JSON.stringify({ rules: { "enum-value-added": { response: "warning" } } }));
    const relaxed = await runMain(["diff", "v1/docs", "v2/docs", "--policy", "policy.json", "--fail-on", "breaking", "--format", "json"], scratch);
    expect(relaxed.code).toBe(0);
    const report = JSON.parse(relaxed.stdout);
    expect([report.summary.breaking, report.summary.warning, report.semver]).toEqual([0, 1, "minor"]);
    const value = report.models.find((m: { id: string }) => m.id === "components.Size").changes[0];
    writeFileSync(path.join(scratch, "baseline.json"), JSON.stringify({ format: "docschema-baseline", version: 1, ignore: [{ fingerprint: value.fingerprint, reason: "clients accept unknown sizes" }] }));
    const known = await runMain(["diff", "v1/docs", "v2/docs", "--baseline", "baseline.json", "--exclude", "optional-field-added", "--fail-on", "warning"], scratch);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain("left out: 1 change(s) of excluded rules; 1 change(s) in the baseline\n");
    expect(known.stdout).toContain("no schema changes");
  });

  it("writes release notes per SDK method with --format changelog", async () => {
    const result = await runMain(["diff", "v1/docs", "v2/docs", "--format", "changelog"], scratch);
    expect(result.stdout).toContain("## SDK methods\n\n* `orders.CreateOrder()` (`CreateOrder`):\n  * `request.note` **Added**\n");
    expect(result.stdout).toContain("  * `response.order.size` **Changed** (Breaking ⚠️)\n");
  });

  it("exits 2 on usage and input errors", async () => {
    const cases: [string[], RegExp, string?][] = [
      [["diff", "v1/docs"], /diff needs <old> and <new>/],
      [["diff", "v1/docs", "v2/docs", "v3/docs"], /too many arguments/],
      [["diff", "v1/docs", "missing"], /"missing" does not exist/],
      [["diff", "v1/docs", "empty"], /no model docs \(\*\.md\) in "empty"/],
      [["diff", "v1/docs", "v2/docs", "--format", "xml"], /Allowed choices are text, markdown, json, github, changelog/],
      [["diff", "v1/docs", "v2/docs", "--fail-on", "info"], /Allowed choices are breaking, warning/],
      [["diff", "v1/docs/models/components/size.md", "v2/docs"], /not valid JSON/],
      [["diff", "--git", "no-such-rev"], /no-such-rev:docs\/models is neither a folder nor a file in that revision/, "repo"],
      [["diff", "--git", "main"], /git rev-parse: fatal: not a git repository/, ".."],
      [["diff", "v1/docs", "v2/docs", "--policy", "missing.json"], /policy missing\.json: cannot be read: no such file or folder \(ENOENT\)/],
      [["diff", "v1/docs", "v2/docs", "--policy", "bad-policy.json"], /policy bad-policy\.json: rules\.enum-value-added\.response: "ignore" is not a severity/],
      [["diff", "v1/docs", "v2/docs", "--baseline", "bad-policy.json"], /baseline bad-policy\.json: not a baseline/],
      [["diff", "v1/docs", "v2/docs", "--exclude", "description-changed,nope"], /--exclude\[1\]: "nope" is not a rule/],
    ];
    writeFileSync(path.join(scratch, "bad-policy.json"), JSON.stringify({ rules: { "enum-value-added": { response: "ignore" } } }));
    for (const [i, [args, message, cwd]] of cases.entries()) {
      // The first by the bin in a process of its own: the process's exit code.
      const result = await (i === 0 ? runCli : runMain)(args, path.join(scratch, cwd ?? "."));
      expect([args.join(" "), result.code]).toEqual([args.join(" "), 2]);
      expect(result.stderr).toMatch(message);
    }
  });

  it("exits 2 when a side's docs have errors, naming file:line:column", async () => {
    write(path.join(scratch, "bad/docs"), { ...v1, "models/components/size.md": "# Size\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *strng* | :heavy_check_mark: | x |\n" });
    const result = await runMain(["diff", "v1/docs", "bad/docs"], scratch);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad/docs/models/components/size.md:7:10 error:");
    expect(result.stderr).toContain("bad/docs: 1 error(s) in the docs; fix them to diff");
    expect(readFileSync(path.join(scratch, "v1/docs/models/components/size.md"), "utf8")).toBe(v1["models/components/size.md"]);
  });
});
