import { describe, expect, it } from "vitest";
import { extractExample } from "./examples.js";

describe("extractExample", () => {
  it("reads the literal value of a doc's example, without running it", () => {
    const code = `import { Choices } from "@orq-ai/node/models/components";

let value: Choices = {
  finishReason: "stop",
  index: -1.5e2,
  "quoted-key": [true, false, null],
  nested: { createdAt: new Date("2024-05-01T10:00:00Z"), empty: [] },
};`;
    expect(extractExample(code)).toEqual({
      kind: "value",
      value: { finishReason: "stop", index: -150, "quoted-key": [true, false, null], nested: { createdAt: new Date("2024-05-01T10:00:00Z"), empty: [] } },
    });
  });

  it("reads union member examples (const, type on the next line) and primitives", () => {
    expect(extractExample("const value:\n  operations.X = `text`;")).toEqual({ kind: "value", value: "text" });
    expect(extractExample("const value: number = 1284.03;")).toEqual({ kind: "value", value: 1284.03 });
  });

  it("keeps a __proto__ key as data", () => {
    const extracted = extractExample('let value = { "__proto__": { polluted: true } };');
    expect(extracted.kind).toBe("value");
    if (extracted.kind !== "value") return;
    expect(Object.keys(extracted.value as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("says when there is no example", () => {
    expect(extractExample('import { X } from "@orq-ai/node/models/operations";\n\n// No examples available for this model')).toEqual({ kind: "none" });
  });

  it("refuses code that is not a literal, with its line", () => {
    expect(extractExample("let value = {\n  a: 1,\n  b: compute(),\n};")).toEqual({ kind: "unsupported", reason: "CallExpression is not a literal", line: 3 });
    expect(extractExample("let value = { ...other };")).toMatchObject({ kind: "unsupported", reason: "SpreadAssignment in an object literal" });
    expect(extractExample("let value = new Date();")).toMatchObject({ kind: "unsupported" });
  });
});
