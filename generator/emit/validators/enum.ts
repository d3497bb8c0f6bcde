/**
 * Enum companions: the values object (`FinishReason.Stop`) merged with the schema, plus `values`. Open enums
 * accept any value of their base types; closed ones compare inline, or look up a set when they are long.
 */
import type { EnumModel } from "../../model/types.js";
import { anyOf, call, functionDeclaration, list, returns, statement, stringLiteral, type Code } from "../lib/code.js";
import { identifierOf, literal } from "../lib/ts.js";
import { enumValueEntries, membersObject, openBases } from "../types/enum.js";
import { VALUE, rt, uniqueName, type CompanionStatements, type ValidatorContext } from "./lib.js";

/** Up to this many values a chain of `===` beats a Set lookup. */
const INLINE_VALUES = 8;

export function enumValidator(model: EnumModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  const own = uniqueName(ctx, name, ["is"]);
  const literals = model.values.map(literal);
  const declarations: string[] = [];
  let test: Code;
  if (model.open) test = anyOf(openBases(model).map((base) => (base === "string" ? `typeof ${VALUE} === "string"` : `Number.isFinite(${VALUE})`)));
  else if (literals.length <= INLINE_VALUES) test = anyOf(literals.map((value) => `${VALUE} === ${value}`));
  else {
    const values = uniqueName(ctx, `${own[0]!.toLowerCase()}${own.slice(1)}Values`);
    test = `${values}.has(${VALUE})`;
    declarations.push(statement(call("/* @__PURE__ */ new Set", [list("[", literals, "]")]), `const ${values}: ReadonlySet<unknown> = `)(0));
  }
  const expected = model.open ? openBases(model).join(" | ") : model.values.map((value) => JSON.stringify(value)).join(" | ");
  const members = enumValueEntries(model).map(([key, value]) => `${key}: ${literal(value)}`);
  const args: Code[] = [JSON.stringify(model.name), membersObject(members), `is${own}`, stringLiteral(expected)];
  declarations.unshift(functionDeclaration(`is${own}`, [`${VALUE}: unknown`], `${VALUE} is ${name}`, [returns(test)]));
  return { companion: call(`/* @__PURE__ */ ${rt(ctx, "enumeration")}`, args), declarations };
}
