/**
 * Doc sets built from hostile but legitimate names and text, for the fuzz test (test/hostile-docs.test.ts): titles
 * that are reserved words, globals, prototype names or names the emitters use themselves; field names alike;
 * descriptions, examples and enum values holding comment markers, quotes, backticks, `${}`, backslashes and
 * unicode (astral, right-to-left, zero-width, line separators); unions that contain each other. A few doc sets
 * are broken on purpose (a title or field name that is no identifier), and must fail with located diagnostics.
 * Deterministic: the same seed gives the same doc set.
 */
import { table, NO, YES } from "../helpers/docs.js";

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  reserved: "class default delete enum await yield let static implements interface package private protected public arguments eval as".split(" "),
  typeKeywords: "any unknown never string number boolean symbol object bigint undefined void null true".split(" "),
  commonJs: "require exports module __filename __dirname".split(" "),
  prototype: "__proto__ constructor toString valueOf hasOwnProperty prototype then".split(" "),
  globals: "Date Record Set Array Number Object Blob Symbol ReadonlySet Uint8Array ReadableStream AsyncIterable Error Map Promise JSON Math NaN Infinity globalThis String Boolean Function".split(" "),
  // What the emitters call their own code, and names shaped like it.
  emitter: "v x e k s o i path issues z is_1 collect_1 members_1 members_1_cache isA collectA stripA knownA valuesA Schema Issue ValidationError".split(" "),
  plain: ["A", "Thing", "thing", "_Private", "_", "A1", "Index", "index", "con", "components_A", "Value100", `Long${"x".repeat(200)}`],
};
const TITLES = Object.values(WORDS).flat();

/** Text for descriptions and examples: each piece is hostile somewhere the text can go. */
const TEXT = [
  "image/*", "/v1/*", "*/", "/*", "/**", "//", "a */ b", "*/ /*", "`code`", "``", "${x}", "${", '"', "'", "\\", "\\\\", "\\u0041", "\\n",
  "😀", "𝒳", "\u202e", "\u200b", "\u2028", "\u2029", "\ufeff", "مرحبا", "@deprecated", "@example x", "{@link X}", "</script>", "<!--", "-->", "N/A",
  "#", "\\|", "<br/>", "x", "plain words",
];

/** Enum values: strings JSON can carry, and what they would become as names. */
const VALUES = ["", " ", "a", "A", "a|b", "a-b", "a_b", "A B", "1", "1e5", "-1", "__proto__", "constructor", "toString", "is", "values", "parse", "*/", "/*", "${x}", "`", '"', "\\", "😀", "\u2028", "émoji", "Value1"];

export interface DocSet {
  files: Record<string, string>;
  /** Broken on purpose: the run must fail with located diagnostics. */
  broken: boolean;
}

interface Planned {
  kind: "object" | "enum" | "union";
  namespace: string;
  title: string;
}

export function hostileDocSet(seed: number): DocSet {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const text = (parts: number): string => Array.from({ length: 1 + Math.floor(rnd() * parts) }, () => pick(TEXT)).join(chance(0.5) ? " " : "");
  // A table cell: pipes escaped, with a space before so that a backslash in the text cannot escape the escape.
  const cell = (value: string): string => value.replace(/\|/g, " \\|");

  // Namespaces are folders, written in qualified names (`class.Thing`): identifiers, reserved or not.
  const namespaces = ["components", ...["operations", "errors", "class", "default", "a_b", "is", "z"].filter(() => chance(0.25))];
  const models: Planned[] = [];
  const count = 4 + Math.floor(rnd() * 7);
  while (models.length < count) {
    const namespace = pick(namespaces);
    const title = pick(TITLES);
    // One file per lower-cased title and namespace, as generators write them.
    if (models.some((m) => m.namespace === namespace && m.title.toLowerCase() === title.toLowerCase())) continue;
    models.push({ kind: pick(["object", "object", "enum", "union"] as const), namespace, title });
  }
  // Unions that contain each other (often through a third), beside their other members.
  const cycle = chance(0.4) ? models.filter((m) => m.kind === "union").slice(0, 3) : [];
  const broken = chance(0.05);
  if (broken) models[0]!.title = pick(["Café", "1A", "a-b", "A B"]);

  const link = (target: Planned): string => `[${target.namespace}.${target.title}](../../models/${target.namespace}/${target.title.toLowerCase()}.md)`;
  // Unions are never linked (docs/FORMAT.md §3.2): an italic qualified name.
  const refCell = (target: Planned): string => (target.kind === "union" ? `*${target.namespace}.${target.title}*` : link(target));
  const fieldType = (): string => {
    const target = pick(models);
    return pick([
      "*string*", "*number*", "*boolean*", "*any*", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
      // A literal: JSON in a table cell, its pipes escaped as tables do.
      `*${JSON.stringify(pick(VALUES).replace(/\*/g, "")).replace(/\|/g, "\\|")}*`, refCell(target), `${refCell(target)}[]`, `Record<string, ${refCell(target)}>`,
      "Record<string, *any*>", "[File](https://developer.mozilla.org/en-US/docs/Web/API/File)",
    ]);
  };
  const memberType = (self: Planned): string => {
    const target = pick(models.filter((m) => m !== self));
    const name = `${target.namespace}.${target.title}`;
    return pick(["string", "number", "boolean", name, name, `${name}[]`, `{ [k: string]: ${name} }`, `"${pick(["a", "b*/c", "/*", "${x}"])}"`]);
  };

  const files: Record<string, string> = {};
  for (const model of models) {
    const path = `${model.namespace}/${model.title.toLowerCase()}.md`;
    const title = chance(0.1) ? `~~${model.title}~~` : model.title;
    const description = Array.from({ length: Math.floor(rnd() * 3) }, () => `Text ${text(4)}`).join("\n");
    files[path] = [`# ${title}`, ...(description ? ["", description] : []), "", bodyOf(model)].join("\n");
  }
  return { files, broken };

  function bodyOf(model: Planned): string {
    switch (model.kind) {
      case "object": {
        const names = new Set<string>();
        const rows: string[][] = [];
        const withExample = chance(0.5);
        for (let n = Math.floor(rnd() * 6); n > 0; n--) {
          let name = pick([...TITLES, "$ref", "a$b"]);
          if (broken && chance(0.3)) name = pick(["a-b", "ä", "1a"]);
          if (names.has(name)) continue;
          names.add(name);
          const field = chance(0.1) ? `~~\`${name}\`~~` : `\`${name}\``;
          const description = chance(0.2) ? "N/A" : cell(`${text(5)}<br/>${text(3)}`);
          const row = [field, fieldType(), chance(0.5) ? YES : NO, description];
          if (withExample) row.push(cell(text(3)));
          rows.push(row);
        }
        const header = withExample ? ["Field", "Type", "Required", "Description", "Example"] : ["Field", "Type", "Required", "Description"];
        return ["## Fields", "", table(header, rows)].join("\n");
      }
      case "enum": {
        const values = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(VALUES)))];
        if (chance(0.3)) {
          // An older generator's table: SDK member names (hostile ones too), raw unquoted values.
          const rows = values.filter((value) => !/[|`\\]/.test(value) && value.trim() !== "").map((value) => [`\`${pick([...TITLES, "TOOL_CALLS", "toolCalls", "a b"])}\``, value]);
          if (rows.length === 0) rows.push(["`One`", "one"]);
          return ["## Values", "", table(["Name", "Value"], rows)].join("\n");
        }
        const literals = chance(0.2) ? ["1", "-2", "3.5"] : values.map((value) => JSON.stringify(value));
        if (chance(0.2)) literals.push("Unrecognized<string>");
        return ["## Values", "", "```typescript", literals.join(" | "), "```"].join("\n");
      }
      case "union": {
        const members = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => memberType(model)))];
        const next = cycle[(cycle.indexOf(model) + 1) % cycle.length];
        if (cycle.length > 1 && cycle.includes(model)) members.push(`${chance(0.2) ? "Nullable[" : ""}${next!.namespace}.${next!.title}`.replace(/^(Nullable\[.*)$/, "$1]"));
        return ["## Supported Types", "", ...members.flatMap((member) => [`### \`${member}\``, "", "```typescript", `const value = ${JSON.stringify(text(2))};`, "```", ""])].join("\n");
      }
    }
  }
}
