/** Compiled validators: the companion value of each model, and the statements it needs in the model's file. */
import type { StatementStructures, WriterFunction } from "ts-morph";
import type { Model } from "../../model/types.js";
import { exportConst, exportedAsDeclared, identifierOf } from "../lib/ts.js";
import { enumValidator } from "./enum.js";
import type { CompanionStatements, ValidatorContext } from "./lib.js";
import { objectValidator } from "./object.js";
import { unionValidator } from "./union.js";

/** `export const X = …;` then its functions, the file's helpers and caches. Everything after the type `X`. */
export function validatorStatements(model: Model, ctx: ValidatorContext): (string | WriterFunction | StatementStructures)[] {
  const own = companionOf(model, ctx);
  return [
    exportConst(identifierOf(model), own.companionType, own.companion, exportedAsDeclared(model)),
    ...(own.statements ?? []),
    ...ctx.caches,
    ...own.functions,
    ...ctx.helpers.values(),
  ];
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
