/**
 * Enum companions: the values object (`FinishReason.Stop`) merged with the schema, plus `values`. Open enums
 * accept any value of their base type; closed ones compare inline, or look up a set when they are long.
 */
import type { EnumModel } from "../../model/types.js";
import { identifierOf, literal } from "../lib/ts.js";
import { enumValueEntries, membersObject } from "../types/enum.js";
import { VALUE, fn, rt, type CompanionStatements, type ValidatorContext } from "./lib.js";

/** Up to this many values a chain of `===` beats a Set lookup. */
const INLINE_VALUES = 8;

export function enumValidator(model: EnumModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  const base = model.values.some((value) => typeof value === "number") ? "number" : "string";
  const literals = model.values.map(literal);
  const statements: string[] = [];
  let test: string;
  if (model.open) test = `typeof ${VALUE} === "${base}"`;
  else if (literals.length <= INLINE_VALUES) test = literals.map((literal) => `${VALUE} === ${literal}`).join(" || ");
  else {
    statements.push(`const values${name}: ReadonlySet<unknown> = new Set([${literals.join(", ")}]);`);
    test = `values${name}.has(${VALUE})`;
  }
  const expected = model.open ? base : model.values.map((value) => JSON.stringify(value)).join(" | ");
  const members = enumValueEntries(model).map(([key, value]) => `${key}: ${literal(value)}`);
  return {
    companion: `${rt(ctx, "enumeration")}(${JSON.stringify(model.name)}, ${membersObject(members)} as const, is${name}, ${JSON.stringify(expected)})`,
    functions: [fn(`is${name}`, [[VALUE, "unknown"]], `${VALUE} is ${name}`, [`return ${test};`])],
    statements,
  };
}
