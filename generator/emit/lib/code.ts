/**
 * Generated code that fits the line width, laid out as a formatter would: a piece prints on one line when it fits
 * and otherwise breaks at its separators (one argument, list item, operand or union member a line). Statements render
 * themselves at the column they are given, so nested code breaks against its real column.
 */

/** The line width of the output; a line exceeds it only where no break is possible (a long name or string). */
export const WIDTH = 120;

/**
 * Text that never breaks (when it holds line breaks, its lines after the first are indented with the code), or a
 * group that may.
 */
export type Code = string | Group;

interface Group {
  /**
   * `list`: `open a, b close`, broken one item a line, indented, each ending in a comma. `operands`: `a || b`, broken
   * after each operator, at the same column. `wrap`: `(a)`, broken as `(\n  a\n)`. `conditional`: `a ? b : c`,
   * broken before `?` and `:`, one level in.
   */
  readonly style: "list" | "operands" | "wrap" | "conditional";
  readonly open: string;
  readonly items: readonly Code[];
  readonly separator: string;
  readonly close: string;
}

/** `callee(a, b)`, or one argument a line; a sole list argument breaks inside: `f([\n  a,\n])`. */
export function call(callee: string, args: readonly Code[]): Code {
  const [only] = args;
  if (args.length === 1 && typeof only !== "string" && only!.style === "list") return { ...only!, open: `${callee}(${only!.open}`, close: `${only!.close})` };
  return list(`${callee}(`, args, ")");
}

/** `[a, b]`, `{ a, b }`: the items, separated by commas. */
export function list(open: string, items: readonly Code[], close: string): Code {
  return { style: "list", open, items, separator: ",", close };
}

/** `a || b || c`, or one operand a line. */
export function anyOf(operands: readonly Code[]): Code {
  return operands.length === 1 ? operands[0]! : { style: "operands", open: "", items: operands, separator: "||", close: "" };
}

/** `a && b && c`, or one operand a line. */
export function allOf(operands: readonly Code[]): Code {
  return operands.length === 1 ? operands[0]! : { style: "operands", open: "", items: operands, separator: "&&", close: "" };
}

/** `test ? then : otherwise`, or one part a line. */
export function conditional(test: Code, then: Code, otherwise: Code): Code {
  return { style: "conditional", open: "", items: [test, then, otherwise], separator: "", close: "" };
}

/** `(code)`, broken as `(\n  code\n)`. */
export function parenthesised(code: Code, suffix = ""): Code {
  return { style: "wrap", open: "(", items: [code], separator: "", close: `)${suffix}` };
}

/** `prefix` before the code: `key: ` before a schema, `() => ` before a list. */
export function prefixed(prefix: string, code: Code): Code {
  return typeof code === "string" ? prefix + code : { ...code, open: prefix + code.open };
}

/** `suffix` after the code: `.nullable()` after a call. */
export function suffixed(code: Code, suffix: string): Code {
  if (typeof code === "string") return code + suffix;
  return code.style === "operands" ? parenthesised(code, suffix) : { ...code, close: code.close + suffix };
}

/** The code on one line. */
export function flat(code: Code): string {
  if (typeof code === "string") return code;
  const items = code.items.map(flat);
  switch (code.style) {
    case "list": {
      const spaced = code.open.endsWith("{") && items.length > 0;
      return spaced ? `${code.open} ${items.join(", ")} ${code.close}` : `${code.open}${items.join(", ")}${code.close}`;
    }
    case "operands":
      return items.join(` ${code.separator} `);
    case "wrap":
      return `${code.open}${items.join("")}${code.close}`;
    case "conditional":
      return `${code.open}${items[0]} ? ${items[1]} : ${items[2]}${code.close}`;
  }
}

/**
 * The code laid out at column `indent`, after `prefix` on its first line and before `suffix` on its last. The first
 * line comes without its indentation (the caller writes it), the following ones with theirs.
 */
export function layout(code: Code, indent: number, prefix = "", suffix = ""): string {
  if (typeof code === "string") return prefix + code.replace(/\n/g, `\n${" ".repeat(indent)}`) + suffix;
  const line = prefix + flat(code) + suffix;
  if (code.items.length === 0 || (indent + line.length <= WIDTH && !line.includes("\n"))) return line;
  const last = code.items.length - 1;
  switch (code.style) {
    case "list": {
      const pad = " ".repeat(indent + 2);
      const items = code.items.map((item) => pad + layout(item, indent + 2, "", ","));
      return `${prefix}${code.open}\n${items.join("\n")}\n${" ".repeat(indent)}${code.close}${suffix}`;
    }
    case "operands": {
      const pad = " ".repeat(indent);
      const operands = code.items.map((item, i) => layout(item, indent, "", i < last ? ` ${code.separator}` : suffix));
      return prefix + operands.map((operand, i) => (i === 0 ? operand : pad + operand)).join("\n");
    }
    case "wrap": {
      const pad = " ".repeat(indent + 2);
      return `${prefix}${code.open}\n${pad}${layout(code.items[0]!, indent + 2)}\n${" ".repeat(indent)}${code.close}${suffix}`;
    }
    case "conditional": {
      const [test, then, otherwise] = code.items as [Code, Code, Code];
      const pad = " ".repeat(indent + 2);
      const branches = `\n${pad}${layout(then, indent + 4, "? ")}\n${pad}${layout(otherwise, indent + 4, ": ", code.close + suffix)}`;
      return `${prefix}${code.open}${layout(test, indent)}${branches}`;
    }
  }
}

/** A statement, rendered at the column it is given (its first line included). */
export type Statement = (indent: number) => string;

/** Text that is a whole statement as it is (`let x: unknown;`, `return true;`). */
export function line(text: string): Statement {
  return (indent) => " ".repeat(indent) + text;
}

/**
 * `prefix code;`, broken as the code allows: `return a || b;`, `issues.push(…);`. An assignment whose value does not
 * break, or whose first line would still be too long, continues on the next line: `o["k"] =\n  value;`.
 */
export function statement(code: Code, prefix = ""): Statement {
  return (indent) => {
    const text = layout(code, indent, prefix, ";");
    const first = text.split("\n", 1)[0]!;
    if (indent + first.length <= WIDTH || !prefix.endsWith("= ")) return " ".repeat(indent) + text;
    return `${" ".repeat(indent)}${prefix.trimEnd()}\n${" ".repeat(indent + 2)}${layout(code, indent + 2, "", ";")}`;
  };
}

/** `return code;`, operands broken inside parentheses when they do not fit. */
export function returns(code: Code): Statement {
  return (indent) => {
    const line = `return ${flat(code)};`;
    if (indent + line.length <= WIDTH || typeof code === "string" || code.style !== "operands") return " ".repeat(indent) + layout(code, indent, "return ", ";");
    return " ".repeat(indent) + layout(parenthesised(code), indent, "return ", ";");
  };
}

/**
 * `if (test) then` on one line when it fits, with a block otherwise, and with the test broken at its operators when
 * even `if (test) {` is too long. `else if` branches follow; when one of them needs a block, every branch gets one.
 */
export function ifThen(branches: readonly { test: Code; then: Statement }[]): Statement {
  return (indent) => {
    const pad = " ".repeat(indent);
    const lines = branches.map(({ test, then }, i) => `${i === 0 ? "if" : "else if"} (${flat(test)}) ${then(0)}`);
    if (lines.every((text) => !text.includes("\n") && indent + text.length <= WIDTH)) return lines.map((text) => pad + text).join("\n");
    const blocks = branches.map(({ test, then }, i) => {
      const keyword = i === 0 ? "if " : "} else if ";
      return `${pad}${layout(parenthesised(test), indent, keyword, " {")}\n${then(indent + 2)}`;
    });
    return `${blocks.join("\n")}\n${pad}}`;
  };
}

/** Several statements where one is expected (an `if` then lays them out as a block). */
export function sequence(statements: readonly Statement[]): Statement {
  return (indent) => statements.map((inner) => inner(indent)).join("\n");
}

/** `head {`, the body one level in, `}`: loops. */
export function block(head: string, body: readonly Statement[]): Statement {
  return (indent) => {
    const pad = " ".repeat(indent);
    return `${pad}${head} {\n${body.map((inner) => inner(indent + 2)).join("\n")}\n${pad}}`;
  };
}

/** A function declaration of the file, its parameters one a line when the signature is too long. */
export function functionDeclaration(name: string, parameters: readonly string[], returnType: string, body: readonly Statement[]): string {
  const signature = layout(list(`function ${name}(`, parameters, ")"), 0, "", `: ${returnType} {`);
  return `${signature}\n${body.map((inner) => inner(2)).join("\n")}\n}`;
}

/**
 * `export const name: type = value;`, broken after `=` or inside the value when the line is too long. Without
 * `export` for a model its file exports under another name (see ../model-file.ts).
 */
export function exportConst(name: string, type: string | undefined, value: Code, exported = true): string {
  const head = `${exported ? "export " : ""}const ${name}${type ? `: ${type}` : ""} =`;
  const hugged = layout(value, 0, `${head} `, ";");
  const firstLine = hugged.split("\n", 1)[0]!;
  if (firstLine.length <= WIDTH) return hugged;
  return `${head}\n  ${layout(value, 2, "", ";")}`;
}

/** A string literal in double quotes, or in single quotes when that avoids escaping double quotes (`'"a" | "b"'`). */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  if (!text.includes('"') || text.includes("'")) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"')}'`;
}

/**
 * A type as written after `head` (`export type X = `, `  name?: `): as it is when the line fits, otherwise one member
 * of its union a line (`\n| A\n| B`; the printer indents them under the declaration).
 */
export function fitType(head: string, text: string): string {
  if (head.length + text.length + 1 <= WIDTH) return text;
  const members = topLevelMembers(text);
  return members.length > 1 ? members.map((member) => `\n| ${member}`).join("") : text;
}

/** `A | (B | C)[] | "x | y"` → `A`, `(B | C)[]`, `"x | y"`: the members of the outermost union. */
function topLevelMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') i = closingQuote(text, i);
    else if (char === "(" || char === "[" || char === "{" || char === "<") depth++;
    else if (char === ")" || char === "]" || char === "}" || (char === ">" && text[i - 1] !== "=")) depth--;
    else if (depth === 0 && text.startsWith(" | ", i)) {
      members.push(text.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(text.slice(start));
  return members;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
