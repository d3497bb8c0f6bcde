/**
 * Enum models become a string-literal union plus a frozen object of their values (`FinishReason.Stop`).
 * Open enums add `(string & {})`: any string type-checks and editors still offer the known values.
 */
import { StructureKind, type StatementStructures, type WriterFunction } from "ts-morph";
import type { EnumModel } from "../../model/types.js";
import { fitType, list, type Code } from "../lib/code.js";
import { enumMemberName, identifierOf, jsDocs } from "../lib/ts.js";
import type { EmitOptions } from "../options.js";

export function enumType(model: EnumModel, options: EmitOptions): (StatementStructures | WriterFunction)[] {
  const literals = model.values.map((value) => JSON.stringify(value));
  if (model.open) literals.push(model.values.some((v) => typeof v === "number") ? "(number & {})" : "(string & {})");
  return [
    // A validator companion carries the values itself.
    ...(options.validators === "none" ? [valuesObject(model)] : []),
    {
      kind: StructureKind.TypeAlias,
      name: identifierOf(model),
      isExported: true,
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
    writer.write(`export const ${identifierOf(model)} = Object.freeze(`).inlineBlock(() => {
      for (const [key, value] of enumValueEntries(model.values)) writer.writeLine(`${key}: ${JSON.stringify(value)},`);
    });
    writer.write(" as const);");
  };
}

/** `[["ToolCalls", "tool_calls"], …]`; member names that would repeat get a number. */
export function enumValueEntries(values: (string | number)[]): [string, string | number][] {
  const used = new Map<string, number>();
  return values.map((value) => {
    const base = enumMemberName(value);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return [n === 1 ? base : `${base}${n}`, value];
  });
}

/** `{ Stop: "stop", … } as const` for a companion: on one line when it fits, one member a line otherwise. */
export function membersObject(members: string[]): Code {
  return list("{", members, "} as const");
}
