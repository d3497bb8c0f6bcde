/**
 * Enum models become a string-literal union plus a frozen object of their values (`FinishReason.Stop`).
 * Open enums add `(string & {})`: any string type-checks and editors still offer the known values.
 */
import { StructureKind, type StatementStructures, type WriterFunction } from "ts-morph";
import type { EnumModel } from "../../model/types.js";
import { fitType, list, type Code } from "../lib/code.js";
import { enumMemberName, exportedAsDeclared, identifierOf, jsDocs, literal } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export function enumType(model: EnumModel, options: EmitOptions): (StatementStructures | WriterFunction)[] {
  const literals = model.values.map(literal);
  if (model.open) literals.push(...openBases(model).map((base) => `(${base} & {})`));
  return [
    // A validator companion carries the values itself.
    ...(options.validators === "none" ? [valuesObject(model)] : []),
    {
      kind: StructureKind.TypeAlias,
      name: identifierOf(model),
      isExported: exportedAsDeclared(model),
      docs: jsDocs({ description: model.description, deprecated: model.deprecated }),
      type: fitType(`export type ${identifierOf(model)} = `, literals.join(" | ")),
    },
  ];
}

/**
 * `export const X = Object.freeze({ ToolCalls: "tool_calls", … } as const);` written as one statement: a variable
 * structure would give the object literal a hanging indent.
 */
function valuesObject(model: EnumModel): WriterFunction {
  return (writer) => {
    writer.writeLine(`/** Known values of {@link ${identifierOf(model)}}. */`);
    writer.write(`${exportedAsDeclared(model) ? "export " : ""}const ${identifierOf(model)} = Object.freeze(`).inlineBlock(() => {
      for (const [key, value] of enumValueEntries(model)) writer.writeLine(`${key}: ${literal(value)},`);
    });
    writer.write(" as const);");
  };
}

/** `[["ToolCalls", "tool_calls"], …]`; a member name already taken gets the first number that makes it unique. */
export function enumValueEntries(model: EnumModel): [string, string | number][] {
  const used = new Set<string>();
  return model.values.map((value, index) => {
    const base = enumMemberName(value, model.names?.[index]);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return [name, value];
  });
}

/** What an open enum accepts besides its values: any string if it has string values, any number if number ones. */
export function openBases(model: EnumModel): ("string" | "number")[] {
  const bases: ("string" | "number")[] = [];
  if (model.values.some((value) => typeof value === "string")) bases.push("string");
  if (model.values.some((value) => typeof value === "number")) bases.push("number");
  return bases.length > 0 ? bases : ["string"];
}

/** `{ Stop: "stop", … } as const` for a companion: on one line when it fits, one member a line otherwise. */
export function membersObject(members: string[]): Code {
  return list("{", members, "} as const");
}
