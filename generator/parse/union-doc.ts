/** Union docs: `## Supported Types`, one `### \`type\`` heading per member (docs/FORMAT.md §2). */
import type { Code, InlineCode } from "mdast";
import type { UnionMember } from "../model/types.js";
import type { DocContext } from "./context.js";
import type { Section } from "./markdown.js";

export function parseSupportedTypesSection(ctx: DocContext, section: Section): UnionMember[] | undefined {
  const members: UnionMember[] = [];
  const seen = new Set<string>();
  let last: UnionMember | undefined;
  for (const block of section.blocks) {
    if (block.type === "code") {
      // The member's example; its type comes from the heading only (prettier wraps the code).
      if (last && last.example === undefined) last.example = (block as Code).value;
      continue;
    }
    if (block.type !== "heading" || block.depth !== 3) continue;
    last = undefined;
    const code = block.children.length === 1 && block.children[0]!.type === "inlineCode" ? (block.children[0] as InlineCode) : undefined;
    if (!code) {
      ctx.error("bad-member", "a union member heading must be one code span such as ### `components.X`", block.position!.start);
      continue;
    }
    const start = code.position!.start;
    // The heading text sits one column after the opening backtick.
    const parsed = ctx.parseType(code.value, start.line, start.column + 1);
    if (!parsed) continue;
    const key = JSON.stringify(parsed.type, (k, v: unknown) => (k === "link" ? undefined : v));
    if (seen.has(key)) continue;
    seen.add(key);
    const type = parsed.nullable ? { kind: "nullable" as const, type: parsed.type } : parsed.type;
    last = { type, source: ctx.at(start.line, start.column) };
    members.push(last);
  }
  if (members.length === 0) {
    ctx.error("empty-union", "## Supported Types lists no member types", section.heading.position!.start);
    return undefined;
  }
  return members;
}
