/** Loading a docs folder seeded with another version's parses (what `docschema diff` does) changes nothing but speed. */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enumDoc, link, objectDoc, operationsDoc } from "../../test/helpers/graph-fixtures.js";
import { writeTree } from "../../test/helpers/docs.js";
import { serializeGraph } from "../model/json.js";
import { loadGraph } from "./load.js";

const newDocs = {
  "models/components/order.md": objectDoc("Order", [["size", link("components.Size"), true], ["note", "*string*", false]]),
  "models/components/receipt.md": objectDoc("Receipt", [["order", link("components.Order"), true]]),
  "models/components/size.md": enumDoc("Size", ["s", "m"]),
  "models/components/added.md": objectDoc("Added", [["id", "*string*", true]]),
  "sdks/orders/README.md": operationsDoc("Orders", [{ name: "CreateOrder", request: "components.Order", response: "components.Receipt" }]),
  "sdks/sizes/README.md": operationsDoc("Sizes", [{ name: "ListSizes", response: "components.Size" }]),
};
const oldDocs = {
  ...newDocs,
  "models/components/added.md": undefined,
  "models/components/order.md": objectDoc("Order", [["size", link("components.Size"), true]]),
  // Same size and name as the new side's doc, other bytes: only the content hash tells them apart.
  "models/components/size.md": enumDoc("Size", ["s", "x"]),
  // Only on the old side, with a broken link: its diagnostic must survive the seeding.
  "models/components/removed.md": objectDoc("Removed", [["gone", link("components.Gone"), true]]),
  "sdks/orders/README.md": operationsDoc("Orders", [{ name: "CreateOrder", request: "components.Order" }]),
};

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
const modelsOf = async (files: Record<string, string | undefined>): Promise<string> => {
  const dir = await writeTree(Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined)));
  temps.push(dir);
  return path.join(dir, "models");
};

describe("loading a docs folder with a seed", () => {
  it("gives exactly the graph and diagnostics of loading the folder alone, parsing only the docs that differ", async () => {
    const [oldModels, newModels] = await Promise.all([modelsOf(oldDocs), modelsOf(newDocs)]);
    const alone = await loadGraph(oldModels);
    const current = await loadGraph(newModels);
    const seeded = await loadGraph(oldModels, { seed: current.parses });

    expect(serializeGraph(seeded.graph)).toBe(serializeGraph(alone.graph));
    expect(seeded.diagnostics).toEqual(alone.diagnostics);
    expect(seeded.diagnostics).toEqual([expect.objectContaining({ code: "broken-link", file: "components/removed.md" })]);
    expect(seeded.docCount).toBe(4);
    // order.md, size.md (changed) and removed.md (old side only); receipt.md came from the seed.
    expect(seeded.parsedCount).toBe(3);
    // The same-size edit was parsed, not taken from the seed.
    expect(seeded.graph.models.find((m) => m.id === "components.Size")).toMatchObject({ values: ["s", "x"] });
    // Operation docs too: the unchanged README came from the seed, the changed one was parsed.
    const operations = (parses: typeof current.parses, group: string) => parses.operations.get(`../sdks/${group}/README.md`);
    expect(operations(seeded.parses, "sizes")).toBe(operations(current.parses, "sizes"));
    expect(operations(seeded.parses, "orders")).toEqual(operations(alone.parses, "orders"));
    expect(seeded.graph.operations?.map((op) => [op.id, op.response])).toEqual([["CreateOrder", []], ["ListSizes", ["components.Size"]]]);
  });

  it("takes a seeded parse only for the same relative path and bytes", async () => {
    const [oldModels, newModels] = await Promise.all([modelsOf(oldDocs), modelsOf(newDocs)]);
    const { parses } = await loadGraph(newModels);
    // Parses offered under every other file name must never stand in for those docs.
    const misfiled = <T>(byFile: ReadonlyMap<string, T>, file: string) => new Map([...byFile.keys()].map((key) => [key, byFile.get(file)!]));
    const seed = { docs: misfiled(parses.docs, "components/size.md"), operations: misfiled(parses.operations, "../sdks/sizes/README.md") };
    const seeded = await loadGraph(oldModels, { seed });
    expect(serializeGraph(seeded.graph)).toBe(serializeGraph((await loadGraph(oldModels)).graph));
    expect(seeded.parsedCount).toBe(4);
    expect(seeded.parses.operations.get("../sdks/orders/README.md")).not.toBe(seed.operations.get("../sdks/orders/README.md"));
  });
});
