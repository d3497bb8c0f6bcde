/** Laying out generated code: one line when it fits, broken at its separators as a formatter would otherwise. */
import { describe, expect, it } from "vitest";
import { allOf, anyOf, call, exportConst, fitType, functionDeclaration, ifThen, layout, line, list, prefixed, stringLiteral, suffixed, WIDTH } from "./code.js";

const long = (name: string): string => name.repeat(Math.ceil(60 / name.length));

describe("layout", () => {
  it("keeps what fits on one line", () => {
    expect(layout(call("f", ["a", list("[", ["b", "c"], "]")]), 0)).toBe("f(a, [b, c])");
    expect(layout(list("{", ["a: 1"], "}"), 0)).toBe("{ a: 1 }");
    expect(layout(list("{", [], "}"), 0)).toBe("{}");
  });

  it("breaks a call one argument a line, indented, with trailing commas, and a sole list inside the parentheses", () => {
    expect(layout(call("f", [long("a"), long("b")]), 0)).toBe(`f(\n  ${long("a")},\n  ${long("b")},\n)`);
    expect(layout(call("z.union", [list("[", [long("a"), long("b")], "]")]), 0)).toBe(`z.union([\n  ${long("a")},\n  ${long("b")},\n])`);
    // Nested: the outer group breaks first, the inner only when it still does not fit at its column.
    const nested = layout(call("f", [call("g", [long("a")]), long("b")]), 2);
    expect(nested).toBe(`f(\n    g(${long("a")}),\n    ${long("b")},\n  )`);
  });

  it("breaks operands after each operator, at the same column, and lines never exceed the width where a break exists", () => {
    const operands = [long("a"), long("b"), long("c")];
    expect(layout(anyOf(operands), 4)).toBe(`${operands[0]} ||\n    ${operands[1]} ||\n    ${operands[2]}`);
    expect(layout(allOf(["x", "y"]), 0)).toBe("x && y");
    for (const text of [layout(anyOf(operands), 4), layout(call("f", operands), 8)]) {
      expect(text.split("\n").every((row) => row.length + 8 <= WIDTH)).toBe(true);
    }
  });

  it("indents the lines of multi-line text with the code, and adds prefixes and suffixes to groups", () => {
    expect(layout(call("f", ["a", "b {\n  c\n}"]), 2)).toBe("f(\n    a,\n    b {\n      c\n    },\n  )");
    expect(layout(suffixed(prefixed("key: ", call("g", ["x"])), ".opt()"), 0)).toBe("key: g(x).opt()");
  });
});

describe("statements", () => {
  it("if: one line when it fits, a block otherwise, the test broken when even its head does not fit", () => {
    expect(ifThen([{ test: "a", then: line("return;") }])(2)).toBe("  if (a) return;");
    const body = line(`f(${long("x")});`);
    expect(ifThen([{ test: long("t"), then: body }])(2)).toBe(`  if (${long("t")}) {\n    f(${long("x")});\n  }`);
    const test = anyOf([long("a"), long("b")]);
    expect(ifThen([{ test, then: line("return false;") }])(0)).toBe(`if (\n  ${long("a")} ||\n  ${long("b")}\n) {\n  return false;\n}`);
  });

  it("else if: every branch a block when one needs it", () => {
    const chain = ifThen([
      { test: "a", then: line("x();") },
      { test: "b", then: line(`y(${long("y")}${long("y")});`) },
    ]);
    expect(chain(0)).toBe(`if (a) {\n  x();\n} else if (b) {\n  y(${long("y")}${long("y")});\n}`);
    expect(ifThen([{ test: "a", then: line("x();") }, { test: "b", then: line("y();") }])(0)).toBe("if (a) x();\nelse if (b) y();");
  });

  it("functions and exported constants break their head only when they must", () => {
    expect(functionDeclaration("f", ["x: unknown"], "boolean", [line("return true;")])).toBe("function f(x: unknown): boolean {\n  return true;\n}");
    expect(exportConst("X", "T", call("g", ["1"]))).toBe("export const X: T = g(1);");
    const name = long("N");
    // Hugging the call would leave a first line over the width: the value goes to the next line.
    expect(exportConst(name, `S<${name}>`, call("make", [`"${name}"`]))).toBe(`export const ${name}: S<${name}> =\n  make("${name}");`);
  });
});

describe("types and strings", () => {
  it("a union type too long for its line gets one member a line", () => {
    expect(fitType("export type X = ", '"a" | "b"')).toBe('"a" | "b"');
    const members = [long("A"), `(${long("B")} | C)[]`, `"${long("x")} | y"`];
    expect(fitType("export type X = ", members.join(" | "))).toBe(members.map((member) => `\n| ${member}`).join(""));
  });

  it("string literals avoid escaping double quotes", () => {
    expect(stringLiteral('"a" | "b"')).toBe(`'"a" | "b"'`);
    expect(stringLiteral("plain")).toBe('"plain"');
    expect(stringLiteral(`it's "x"`)).toBe(JSON.stringify(`it's "x"`));
    expect(eval(stringLiteral('back\\slash "q"\n'))).toBe('back\\slash "q"\n');
  });
});
