import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, operationsDoc } from "../../../test/helpers/graph-fixtures.js";
import { diffGraphs } from "../index.js";
import type { Change, DiffReport } from "../types.js";
import { formatReport } from "./index.js";

const sdks = { "orders/README.md": operationsDoc("Orders", [{ name: "CreateOrder", request: "components.Order", response: "components.Receipt" }]) };
const before = {
  "components/order.md": objectDoc("Order", [["size", link("components.Size"), true], ["note", "*string*", false]]),
  "components/receipt.md": objectDoc("Receipt", [["order", link("components.Order"), true]]),
  "components/size.md": enumDoc("Size", ["s", "m"]),
};
const after = {
  "components/order.md": objectDoc("Order", [["size", link("components.Size"), true], ["~~note~~", "*string*", false, "A note, 100% optional."]]),
  "components/receipt.md": objectDoc("Receipt", [["order", link("components.Order"), true]]),
  "components/size.md": enumDoc("Size", ["s", "m", "l"]),
};
const report = diffGraphs(graphOf(before, sdks), graphOf(after, sdks), { labels: { old: "main:docs/models", new: "docs/models" } });
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

describe("formats", () => {
  it("text: the SDK methods, then models grouped by severity, with rule, direction and each impact path rated by its own direction", () => {
    expect(plain(formatReport(report, "text"))).toBe(
      [
        "docschema diff main:docs/models (3 models, 1 operations) → docs/models (3 models, 1 operations)",
        "directions from the operation docs (1 operation)",
        "not seen: TS docs do not show nullability (a field that became nullable) or integer vs number (an integer that became a float); diff graphs merged with the Python docs to see them",
        "suggested version bump: major (breaking changes)",
        "",
        "SDK METHODS (1)",
        "  ✖ orders.CreateOrder() CreateOrder",
        "      ✖ response.order.size (components.Size)",
        "      ▲ request (components.Order)",
        "      ▲ response.order (components.Order)",
        "      … and 1 more",
        "",
        "BREAKING (1 model)",
        "  components.Size enum · both",
        '    ✖ value "l" added [enum-value-added, response]',
        "    ↳ • Order → size (request: orders.CreateOrder())",
        "    ↳ ✖ Receipt → order.size (response: orders.CreateOrder())",
        "",
        "WARNING (1 model)",
        "  components.Order object · both",
        "    ▲ field note deprecated [deprecated, both]",
        "    • field note description changed [description-changed, both]",
        "    ↳ ▲ Order (request: orders.CreateOrder())",
        "    ↳ ▲ Receipt → order (response: orders.CreateOrder())",
        "",
        "1 breaking, 1 warning, 1 info in 2 changed model(s), 1 SDK method(s)",
        "",
      ].join("\n"),
    );
  });

  it("text: says when a direction is assumed", () => {
    const bare = diffGraphs(graphOf(before), graphOf(after));
    expect(plain(formatReport(bare, "text"))).toContain("  components.Size enum · both, assumed: no operation docs\n");
    const others = { "other/README.md": operationsDoc("Other", [{ name: "Other", response: "components.Receipt" }]) };
    const unreached = { ...after, "components/lone.md": objectDoc("Lone", [["id", "*string*", true]]) };
    const text = plain(formatReport(diffGraphs(graphOf(before, others), graphOf(unreached, others)), "text"));
    expect(text).toContain("  components.Lone object · both, assumed: no operation reaches it\n");
    expect(text).toContain("  components.Size enum · response\n");
  });

  it("markdown: headline, summary tables, then one folded block per model", () => {
    const markdown = formatReport(report, "markdown");
    expect(markdown.split("\n").slice(0, 5)).toEqual([
      "## docschema diff: 1 breaking, 1 warning, 1 info in 2 changed model(s), 1 SDK method(s)",
      "",
      "`main:docs/models` (3 models) → `docs/models` (3 models); directions from the operation docs (1 operation); **suggested version bump: major (breaking changes)**.",
      "",
      "> not seen: TS docs do not show nullability (a field that became nullable) or integer vs number (an integer that became a float); diff graphs merged with the Python docs to see them.",
    ]);
    expect(markdown).toContain(
      ["| | method | operationID | what changed |", "| --- | --- | --- | --- |", "| 🔴 | `orders.CreateOrder()` | `CreateOrder` | `response.order.size`; `request`; `response.order`; +1 more |"].join("\n"),
    );
    expect(markdown).toContain("| 🔴 breaking | 1 |\n| 🟠 warning | 1 |\n| ⚪ info | 1 |");
    expect(markdown).toContain("| deprecated | 1 |\n| description-changed | 1 |\n| enum-value-added | 1 |");
    expect(markdown).toContain(
      [
        "### 🔴 breaking (1 model)",
        "",
        "<details>",
        "<summary><code>components.Size</code> (enum, both): 1 breaking</summary>",
        "",
        '- 🔴 value `"l"` added — `enum-value-added` (response)',
        "",
        "Reached from:",
        "- ⚪ `Order → size` (request: `orders.CreateOrder()`)",
        "- 🔴 `Receipt → order.size` (response: `orders.CreateOrder()`)",
        "",
        "</details>",
      ].join("\n"),
    );
    expect(markdown.match(/<details>/g)).toHaveLength(2);
  });

  it("markdown: stays under GitHub's comment limit and says what it left out", () => {
    const model = report.models[0]!;
    const op = report.operations[0]!;
    const many: DiffReport = {
      ...report,
      operations: Array.from({ length: 2000 }, (_, i) => ({ ...op, id: `Op${i}`, call: `group.method${i}()` })),
      models: Array.from({ length: 2000 }, (_, i) => ({ ...model, id: `components.Model${i}` })),
    };
    const markdown = formatReport(many, "markdown");
    expect(markdown.length).toBeLessThan(65_536);
    const rows = markdown.split("\n").filter((line) => line.includes("| `group.method")).length;
    expect(rows).toBeGreaterThan(50);
    expect(markdown).toContain(`_${2000 - rows} more method(s) left out to fit a comment; run \`docschema diff --format changelog\` for all._`);
    // The same change in 2,000 models is summed up in one row.
    expect(markdown).toContain('| value `"l"` added | 🔴 breaking | 2000 |');
    const shown = markdown.match(/<details>/g)!.length;
    expect(markdown).toContain(`_${2000 - shown} more model(s) left out to fit a comment; run \`docschema diff --format json\` for all._`);
  });

  it("markdown: escapes pipes of union types in table cells", () => {
    const model = report.models[0]!;
    const change = { ...model.changes[0]!, kind: "type-changed" as const, subject: "size", before: "string", after: "string | null", compat: "widening" as const };
    const twice: DiffReport = { ...report, models: [0, 1].map((i) => ({ ...model, id: `components.M${i}`, changes: [change] })) };
    expect(formatReport(twice, "markdown")).toContain("| field `size` type: `string` → `string \\| null` (widening) | 🔴 breaking | 2 |");
  });

  it("json: the report itself, stable", () => {
    const json = formatReport(report, "json");
    expect(JSON.parse(json)).toEqual(report);
    expect(json).toBe(formatReport(diffGraphs(graphOf(before, sdks), graphOf(after, sdks), { labels: { old: "main:docs/models", new: "docs/models" } }), "json"));
    expect(Object.keys(JSON.parse(json) as object)).toEqual(["format", "version", "old", "new", "directions", "semver", "unseen", "summary", "operations", "models"]);
  });

  it("github: one escaped annotation per change at its doc line (an enum value at its own line), then a summary", () => {
    const lines = formatReport(report, "github").trimEnd().split("\n");
    expect(lines).toEqual([
      '::error file=components/size.md,line=12,col=1,title=breaking%3A enum-value-added::components.Size: value "l" added (response); reached from Order → size (request: orders.CreateOrder()) (+1 more)',
      "::warning file=components/order.md,line=10,col=3,title=warning%3A deprecated::components.Order: field note deprecated (both); reached from Order (request: orders.CreateOrder()) (+1 more)",
      "::notice file=components/order.md,line=10,col=3,title=info%3A description-changed::components.Order: field note description changed (both); reached from Order (request: orders.CreateOrder()) (+1 more)",
      "docschema diff: 1 breaking, 1 warning, 1 info in 2 changed model(s), 1 SDK method(s); suggested version bump: major (breaking changes)",
    ]);
    const escaped = formatReport({ ...report, models: [{ ...report.models[0]!, id: "a%b\nc" }] }, "github");
    expect(escaped).toContain("::a%25b%0Ac: value");
  });

  it("github: at most 10 annotations of each severity per step, one per model first; the rest in a folded group", () => {
    const model = report.models[0]!;
    const change = model.changes[0]!;
    // 12 models with two breaking changes each: 24 breaking changes.
    const many: DiffReport = {
      ...report,
      operations: [],
      models: Array.from({ length: 12 }, (_, i) => ({ ...model, id: `components.M${String(i).padStart(2, "0")}`, changes: [change, { ...change, subject: '"xl"' }] })),
    };
    const lines = formatReport(many, "github").trimEnd().split("\n");
    const errors = lines.filter((line) => line.startsWith("::error "));
    expect(errors).toHaveLength(10);
    // The first value of ten models, not both values of five.
    expect(errors.map((line) => /::(components\.M\d+):/.exec(line)![1])).toEqual(Array.from({ length: 10 }, (_, i) => `components.M${String(i).padStart(2, "0")}`));
    const group = lines.indexOf("::group::docschema diff: 14 more change(s), not annotated (GitHub shows 10 annotations of each severity per step)");
    expect(group).toBe(10);
    expect(lines[group + 1]).toBe('breaking components/size.md:12: components.M00: value "xl" added (response); reached from Order → size (request: orders.CreateOrder()) (+1 more)');
    expect(lines.slice(group + 15)).toEqual(["::endgroup::", expect.stringMatching(/^docschema diff: /)]);
  });

  it("changelog: release notes per SDK method, each place added, removed or changed, breaking where it breaks that method", () => {
    expect(formatReport(report, "changelog")).toBe(
      [
        "# Changelog: main:docs/models → docs/models",
        "",
        "Suggested version bump: major (breaking changes).",
        "",
        "> Not seen: TS docs do not show nullability (a field that became nullable) or integer vs number (an integer that became a float); diff graphs merged with the Python docs to see them.",
        "",
        "## SDK methods",
        "",
        "* `orders.CreateOrder()` (`CreateOrder`):",
        "  * `request.note` **Deprecated**",
        "  * `request.note` **Changed**",
        "  * `request.size` **Changed**",
        "  * `response.order.note` **Deprecated**",
        "  * `response.order.note` **Changed**",
        "  * `response.order.size` **Changed** (Breaking ⚠️)",
        "",
      ].join("\n"),
    );
  });

  it("changelog: methods renamed, added and removed, error models, and models no method reaches", () => {
    const change = (kind: Change["kind"], extra: Partial<Change>): Change => ({ ...report.models[0]!.changes[0]!, kind, subject: undefined, ...extra }) as Change;
    const methods: DiffReport = {
      ...report,
      operations: [
        { id: "List", call: "sets.list()", status: "changed", severity: "breaking", changes: [change("operation-renamed", { before: "sets.getAll()", after: "sets.list()", severity: "breaking" }), change("error-added", { after: "errors.NotFound", severity: "info" })], impact: [] },
        { id: "Make", call: "sets.make()", status: "added", severity: "info", changes: [change("operation-added", { after: "sets.make()", severity: "info" })], impact: [] },
      ],
      models: [{ ...report.models[0]!, impact: [] }],
    };
    expect(formatReport(methods, "changelog").split("## SDK methods\n\n")[1]).toBe(
      [
        "* `sets.list()` (`List`):",
        "  * **Renamed** from `sets.getAll()` (Breaking ⚠️)",
        "  * `errors.NotFound` **Added**",
        "* `sets.make()` (`Make`): **Added**",
        "",
        "## Models no SDK method reaches",
        "",
        '* `components.Size`: value `"l"` added (Breaking ⚠️)',
        "",
      ].join("\n"),
    );
  });

  it("text and markdown say what a policy left out, and which baseline entries match nothing", () => {
    const ignored: DiffReport = { ...report, summary: { ...report.summary, ignored: { excluded: 2, baseline: 1, unmatchedBaseline: ["abc"] } } };
    const line = "left out: 2 change(s) of excluded rules; 1 change(s) in the baseline; 1 baseline entry matches no change (abc)";
    expect(plain(formatReport(ignored, "text"))).toContain(`\n${line}\n`);
    expect(formatReport(ignored, "markdown")).toContain(`\n> ${line}.\n`);
  });
});
