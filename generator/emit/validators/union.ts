/**
 * Union companions: a guard trying the cheap members first, and the runtime's `union`, which discriminates on a
 * literal field when the members allow it and otherwise reports the closest member's issues.
 */
import type { UnionModel } from "../../model/types.js";
import { anyOf, call, functionDeclaration, list, returns } from "../lib/code.js";
import { identifierOf } from "../lib/ts.js";
import { VALUE, isExpr, memberList, rt, uniqueName, type CompanionStatements, type ValidatorContext } from "./lib.js";

export function unionValidator(model: UnionModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  const own = uniqueName(ctx, name, ["is"]);
  const types = model.members.map((member) => member.type);
  // Primitive and literal checks cost a typeof: try them before objects.
  const cheap = (kind: string): number => (kind === "primitive" || kind === "literal" ? 0 : 1);
  const tests = [...types].sort((a, b) => cheap(a.kind) - cheap(b.kind)).map((type) => isExpr(type, VALUE, ctx));
  const test = tests.length === 0 ? "false" : tests.includes("true") ? "true" : anyOf(tests);
  // The members in the order of the docs, as zod's z.union tries them: the first that accepts a value copies it.
  const thunk = list("() => [", memberList(types, ctx), "]");
  return {
    companion: call(`/* @__PURE__ */ ${rt(ctx, "union")}`, [JSON.stringify(model.name), `is${own}`, thunk]),
    companionType: `${rt(ctx, "Schema")}<${name}>`,
    declarations: [functionDeclaration(`is${own}`, [`${VALUE}: unknown`], `${VALUE} is ${name}`, [returns(test)])],
  };
}
