/** Compiled validators: the companion value of each model, and the declarations it needs in the model's file. */
import type { Model } from "../../model/types.js";
import { exportConst } from "../lib/code.js";
import { exportedAsDeclared, identifierOf } from "../lib/ts.js";
import { enumValidator } from "./enum.js";
import type { CompanionStatements, ValidatorContext } from "./lib.js";
import { objectValidator } from "./object.js";
import { unionValidator } from "./union.js";

/** `export const X = …;`, then its functions and the file's helpers: everything after the type `X`. */
export function validatorStatements(model: Model, ctx: ValidatorContext): string[] {
  const own = companionOf(model, ctx);
  const helpers = [...ctx.helpers.values()].flatMap((helper) => helper.declarations);
  const companion = exportConst(identifierOf(model), own.companionType, own.companion, exportedAsDeclared(model));
  return [companion, ...own.declarations, ...helpers];
}

function companionOf(model: Model, ctx: ValidatorContext): CompanionStatements {
  switch (model.kind) {
    case "object":
      return objectValidator(model, ctx);
    case "enum":
      return enumValidator(model, ctx);
    case "union":
      return unionValidator(model, ctx);
  }
}
