/** Edits of model docs that the benchmark and the equivalence tests make: realistic changes in the seed format. */

/** Adds one field row at the end of a doc's `## Fields` table; `n` makes each edit distinct from the last. */
export function withAddedField(text, n, python = false) {
  const lines = text.split("\n");
  const fields = lines.findIndex((line) => line.startsWith("## Fields"));
  const header = lines.findIndex((line, i) => i > fields && line.startsWith("|"));
  if (fields < 0 || header < 0) throw new Error("the doc has no ## Fields table");
  let last = header;
  while (lines[last + 1]?.startsWith("|")) last++;
  const columns = lines[header].split("|").length - 2;
  const cells = python
    ? ["`bench_field_" + n + "`", "*Optional[str]*", ":heavy_minus_sign:"]
    : ["`benchField" + n + "`", "*string*", ":heavy_minus_sign:"];
  while (cells.length < columns) cells.push("Added by an edit.");
  lines.splice(last + 1, 0, `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

/**
 * Object models of a model graph (schema.json), the most referenced first: editing those changes the most
 * dependants. Returns each model's doc file and its number of referrers.
 */
export function mostReferencedObjects(graph) {
  const referrers = new Map();
  const visit = (type, from) => {
    if (!type || typeof type !== "object") return;
    if (type.kind === "ref") {
      if (!referrers.has(type.id)) referrers.set(type.id, new Set());
      referrers.get(type.id).add(from);
    }
    for (const child of [type.items, type.values, type.type, ...(type.members ?? [])]) visit(child, from);
  };
  for (const model of graph.models) {
    for (const field of model.fields ?? []) visit(field.type, model.id);
    for (const member of model.members ?? []) visit(member.type, model.id);
  }
  return graph.models
    .filter((model) => model.kind === "object")
    .map((model) => ({ file: model.source.file, referrers: referrers.get(model.id)?.size ?? 0 }))
    .sort((a, b) => b.referrers - a.referrers || (a.file < b.file ? -1 : 1));
}
