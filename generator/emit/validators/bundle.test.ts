/** Companions are pure: a bundle that uses one of them leaves the others out, compiled and zod alike. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rolldown } from "rolldown";
import { describe, expect, it } from "vitest";
import { enumModel, field, graphOf, object, prim, ref, union } from "../../../test/helpers/graph.js";
import { emitOutput } from "../index.js";
import { DEFAULT_OPTIONS, type ValidatorKind } from "../options.js";

const graph = graphOf([
  object("components.Cat", [field("type", { kind: "literal", value: "cat" }), field("name", prim("string"))]),
  object("components.Dog", [field("type", { kind: "literal", value: "dog" }), field("tags", { kind: "array", items: prim("string") })]),
  union("components.Animal", [ref("components.Cat"), ref("components.Dog")]),
  enumModel("components.Colour", ["black", "white", "red", "green", "blue", "grey", "brown", "orange", "cream"]),
  object("components.Kennel", [field("dogs", { kind: "map", values: ref("components.Dog") }), field("colour", ref("components.Colour"))]),
]);

/** The code of a bundle of the output whose entry validates a value with `components.Cat`. */
async function bundleOfCat(validators: ValidatorKind): Promise<string> {
  // Inside the project, so that `zod` resolves.
  const dir = path.resolve(import.meta.dirname, `../../../.cache/test-output/bundle-${validators}`);
  rmSync(dir, { recursive: true, force: true });
  for (const file of emitOutput(graph, { ...DEFAULT_OPTIONS, validators }).files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  const check = validators === "zod" ? "safeParse" : "is";
  writeFileSync(path.join(dir, "entry.ts"), `import { components } from "./index.js";\nconsole.log(components.Cat.${check}({}));\n`);
  const bundle = await rolldown({ input: path.join(dir, "entry.ts"), resolve: { extensionAlias: { ".js": [".ts", ".js"] } }, logLevel: "silent" });
  const { output } = await bundle.generate({ format: "esm" });
  await bundle.close();
  return output[0]!.code;
}

describe("a bundle that uses one companion", () => {
  it("leaves the other companions out (compiled)", async () => {
    const code = await bundleOfCat("compiled");
    expect(code).toContain('"Cat"');
    for (const other of ["Dog", "Animal", "Kennel", "Colour", "black"]) expect(code, other).not.toContain(other);
  });

  it("leaves the other schemas out (zod)", async () => {
    // zod schemas carry no names: their literals, enum values and keys tell them apart.
    const code = await bundleOfCat("zod");
    expect(code).toContain('"cat"');
    for (const other of ['"dog"', "tags:", "dogs:", '"black"']) expect(code, other).not.toContain(other);
  });
});
