/**
 * Union companions: a guard trying the cheap members first, and the runtime's `union`, which discriminates on a
 * literal field when the members allow it and otherwise reports the closest member's issues.
 */
import type { UnionModel } from "../../model/types.js";
import { identifierOf } from "../lib/ts.js";
import { VALUE, fn, isExpr, membersHelper, rt, type CompanionStatements, type ValidatorContext } from "./lib.js";

export function unionValidator(model: UnionModel, ctx: ValidatorContext): CompanionStatements {
  const name = identifierOf(model);
  // Primitive and literal checks cost a typeof: try them before objects.
  const cheap = (kind: string): number => (kind === "primitive" || kind === "literal" ? 0 : 1);
  const members = model.members.map((member) => member.type).sort((a, b) => cheap(a.kind) - cheap(b.kind));
  const test = members.map((member) => isExpr(member, VALUE, ctx)).join(" || ");
  return {
    companion: `${rt(ctx, "union")}<${name}>(${JSON.stringify(model.name)}, is${name}, ${membersHelper(members, ctx)})`,
    companionType: `${rt(ctx, "Schema")}<${name}>`,
    functions: [fn(`is${name}`, [[VALUE, "unknown"]], `${VALUE} is ${name}`, [`return ${test || "false"};`])],
  };
}
