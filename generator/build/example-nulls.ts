/**
 * Nullability from the docs' own examples. TS Type cells never say whether a field may be null, nor do Python ones
 * for lists, maps and dates; but a doc whose Example Usage sets a field to `null` (`let value: X = { bytes: null };`)
 * does. Only the model's own top-level keys are read: a model is made from its own doc alone (which is what its
 * fingerprint, and incremental emission, rely on).
 */
import type { Diagnostic, ObjectModel } from "../model/types.js";

/** The model with each field its example sets to null marked nullable where the Type column left it open. */
export function withExampleNulls(model: ObjectModel, diagnostics: Diagnostic[]): ObjectModel {
  if (!model.example?.includes("null")) return model;
  const keys = new Set(nullKeysOfExample(model.example));
  if (keys.size === 0) return model;
  const fields = model.fields.map((field) => {
    if (!keys.has(field.name)) return field;
    if (field.nullable === false) {
      const message = `the example sets "${field.name}" to null, but its type says it is not nullable; kept not nullable`;
      diagnostics.push({ severity: "warning", code: "example-null", message, ...field.source });
      return field;
    }
    return field.nullable === undefined ? { ...field, nullable: true, nullableFrom: "example" as const } : field;
  });
  return { ...model, fields };
}

/**
 * The keys the object literal after the example's first `=` sets to `null`. Strings, nested objects, arrays and calls
 * are skipped whole; anything unexpected ends the scan (an example is evidence, never an error).
 */
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NULL = /null(?![\w$])/y;

export function nullKeysOfExample(code: string): string[] {
  let i = code.indexOf("{", code.indexOf("="));
  if (code.indexOf("=") < 0 || i < 0) return [];
  i++;
  const keys: string[] = [];
  const space = (): void => {
    while (i < code.length && /[\s,]/.test(code[i]!)) i++;
  };
  /** The match of `pattern` at `i`, which it passes; "" when there is none. */
  const sticky = (pattern: RegExp): string => {
    pattern.lastIndex = i;
    const match = pattern.exec(code)?.[0] ?? "";
    i += match.length;
    return match;
  };
  const string = (): string => {
    const quote = code[i]!;
    const start = ++i;
    while (i < code.length && code[i] !== quote) i += code[i] === "\\" ? 2 : 1;
    return code.slice(start, i++);
  };
  for (;;) {
    space();
    if (i >= code.length || code[i] === "}") return keys;
    const key = /["'`]/.test(code[i]!) ? string() : sticky(IDENTIFIER);
    space();
    if (key === "" || code[i] !== ":") return keys;
    i++;
    space();
    if (sticky(NULL)) keys.push(key);
    // Skip the value: up to the comma or closing brace of this level.
    for (let depth = 0; i < code.length; i++) {
      const c = code[i]!;
      if (/["'`]/.test(c)) {
        string();
        i--;
      } else if ("{[(".includes(c)) depth++;
      else if ("}])".includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) break;
    }
  }
}
