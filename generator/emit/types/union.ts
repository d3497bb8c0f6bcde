/** Union models become union type aliases: `PostV2RouterChatCompletionsResponseBody = ResponseBody1 | ResponseBody2`. */
import { StructureKind, type TypeAliasDeclarationStructure } from "ts-morph";
import type { UnionModel } from "../../model/types.js";
import { fitType } from "../lib/code.js";
import { exportedAsDeclared, identifierOf, jsDocs, typeText, type RefNamer } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export function unionType(model: UnionModel, refName: RefNamer, options: EmitOptions): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: identifierOf(model),
    isExported: exportedAsDeclared(model),
    docs: jsDocs({ description: model.description, deprecated: model.deprecated }),
    type: fitType(`export type ${identifierOf(model)} = `, typeText({ kind: "union", members: model.members.map((member) => member.type) }, refName, options.dates)),
  };
}
