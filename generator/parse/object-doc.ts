/** Object docs: the `## Fields` table (docs/FORMAT.md §3). */
import type { Table } from "mdast";
import type { Field, TypeExpr } from "../model/types.js";
import type { DocContext } from "./context.js";
import { cellText, rowMismatch, splitRow, type Section } from "./markdown.js";

const REQUIRED: Record<string, boolean> = {
  ":heavy_check_mark:": true,
  ":heavy_minus_sign:": false,
  "✔️": true,
  "➖": false,
};
const DEPRECATION_PREFIX =
  /^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:\s*This will be removed in a future release, please migrate away from it as soon as possible\.(<br\s*\/?>)*/i;
/** The open-object catch-all row: a map named like this is `additionalProperties`, not a property (docs/FORMAT.md §3.5). */
const CATCH_ALL_NAMES = new Set(["additionalProperties", "__pydantic_extra__"]);

export interface ObjectBody {
  fields: Field[];
  additionalProperties?: TypeExpr;
}

export function parseFieldsSection(ctx: DocContext, section: Section, python: boolean): ObjectBody | undefined {
  const [table, extra] = section.blocks.filter((block): block is Table => block.type === "table");
  if (!table) {
    ctx.error("missing-table", "## Fields has no table", section.heading.position!.start);
    return undefined;
  }
  if (extra) {
    ctx.error("extra-block", "## Fields has more than one table; which one holds the fields is ambiguous", extra.position!.start);
    return undefined;
  }
  const headerLine = table.position!.start.line;
  const header = splitRow(ctx.lineText(headerLine)).map((cell) => cell.text.toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const [fieldCol, typeCol, requiredCol] = [column("field"), column("type"), column("required")];
  if (fieldCol < 0 || typeCol < 0 || requiredCol < 0) {
    ctx.error(
      "bad-table-header",
      `## Fields table header must have Field, Type and Required columns, found: ${header.join(" | ")}`,
      table.position!.start,
    );
    return undefined;
  }
  const descriptionCol = column("description");
  const exampleCol = column("example");

  const body: ObjectBody = { fields: [] };
  const seen = new Set<string>();
  // Rows come from the source lines of the table node: remark-gfm silently pads short rows and drops extra cells.
  for (let line = headerLine + 2; line <= table.position!.end.line; line++) {
    const cells = splitRow(ctx.lineText(line));
    const mismatch = rowMismatch(ctx.lineText(headerLine), ctx.lineText(line), cells.length, header.length);
    if (mismatch) {
      ctx.error("bad-row", mismatch, { line, column: 1 });
      continue;
    }
    const cell = (index: number) => (index >= 0 ? cells[index]! : undefined);
    const fieldCell = cell(fieldCol)!;
    const nameMatch = /^(~~)?`([^`]+)`\1$/.exec(fieldCell.text);
    if (!nameMatch || !/^[A-Za-z_$][\w$]*$/.test(nameMatch[2]!)) {
      ctx.error("bad-field-name", `field name must be a code span such as \`name\`, found "${fieldCell.text}"`, { line, column: fieldCell.column });
      continue;
    }
    const name = nameMatch[2]!;
    if (seen.has(name)) {
      ctx.error("duplicate-field", `field "${name}" is listed twice`, { line, column: fieldCell.column });
      continue;
    }
    seen.add(name);

    const requiredCell = cell(requiredCol)!;
    const required = REQUIRED[requiredCell.text];
    if (required === undefined) {
      ctx.error("bad-required", `Required must be :heavy_check_mark: or :heavy_minus_sign:, found "${requiredCell.text}"`, {
        line,
        column: requiredCell.column,
      });
      continue;
    }
    const typeCell = cell(typeCol)!;
    const parsed = ctx.parseType(typeCell.text, line, typeCell.column);
    if (!parsed) continue;
    if (parsed.optional && required) {
      ctx.warn("optional-mismatch", `field "${name}" is Required but its type says Optional`, { line, column: typeCell.column });
    }

    const field: Field = { name, type: parsed.type, required, source: ctx.at(line, fieldCell.column) };
    const nullable = nullability(parsed.type, parsed.nullable, python);
    if (nullable !== undefined) field.nullable = nullable;
    if (nameMatch[1]) field.deprecated = true;
    let description = cellText(cell(descriptionCol)?.text ?? "");
    if (DEPRECATION_PREFIX.test(description)) {
      field.deprecated = true;
      description = description.replace(DEPRECATION_PREFIX, "").trim();
    }
    if (description && description !== "N/A") field.description = description;
    const example = cellText(cell(exampleCol)?.text ?? "");
    if (example) field.example = example;
    body.fields.push(field);
  }

  const last = body.fields[body.fields.length - 1];
  if (last && CATCH_ALL_NAMES.has(last.name) && !last.required && last.type.kind === "map") {
    body.fields.pop();
    body.additionalProperties = last.type.values;
    // The SDKs hold the undocumented keys in a property named additionalProperties: a field cannot have that name too.
    const clash = body.fields.find((field) => field.name === "additionalProperties");
    if (clash) {
      ctx.error("duplicate-field", 'field "additionalProperties" clashes with the catch-all row, which the SDKs name so', clash.source);
      return undefined;
    }
  }
  return body;
}

/**
 * What the docs say about null: Python docs wrap nullable scalars and links in `Nullable[…]` and never wrap lists,
 * maps and dates, so only the former tell "not nullable" (docs/FORMAT.md §3.3). TypeScript docs never tell.
 */
function nullability(type: TypeExpr, wrapped: boolean, python: boolean): boolean | undefined {
  if (wrapped) return true;
  if (!python) return undefined;
  const silent = type.kind === "array" || type.kind === "map" || (type.kind === "primitive" && type.name === "datetime");
  return silent ? undefined : false;
}
