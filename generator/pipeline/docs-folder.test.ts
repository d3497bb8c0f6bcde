import { statSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pyEnum, tsEnum, writeTree } from "../../test/helpers/docs.js";
import { listDocs, readDocs } from "./docs-folder.js";

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
const tree = async (files: Record<string, string | Uint8Array>): Promise<string> => {
  const dir = await writeTree(files);
  temps.push(dir);
  return dir;
};

describe("reading a folder of docs", () => {
  it("lists namespaced docs at any depth, sorted in code-unit order, ignoring other files", async () => {
    const dir = await tree({ "operations/b.md": "", "components/Z.md": "", "components/a.md": "", "components/notes.txt": "" });
    const listing = await listDocs(dir);
    expect(listing).toMatchObject({ files: ["components/Z.md", "components/a.md", "operations/b.md"], skipped: [] });
    expect(listing.stats.map((stat) => stat.size)).toEqual([...listing.files].map((file) => statSync(path.join(dir, file)).size));
  });

  it("in a flat (Python) folder, sub-folders are SDK docs: skipped with a warning", async () => {
    const dir = await tree({ "role.md": pyEnum("Role", ['"user"']), "utils/retryconfig.md": "# RetryConfig\n" });
    const { docs, diagnostics } = await readDocs(dir);
    expect(docs.map((d) => d.file)).toEqual(["role.md"]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "skipped-file", file: "utils/retryconfig.md", line: 1, column: 1 })]);
  });

  it("decodes strictly: invalid UTF-8 is a located error, other docs still parse; progress is reported", async () => {
    const dir = await tree({ "components/a.md": Buffer.from([0x23, 0x20, 0x41, 0x0a, 0xff]), "components/b.md": tsEnum("B", ['"b"']) });
    const progress: string[] = [];
    const { docs } = await readDocs(dir, { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(docs[0]!.diagnostics).toEqual([expect.objectContaining({ code: "invalid-utf8", line: 2, column: 1 })]);
    expect(docs[1]!.model?.id).toBe("components.B");
    // First the docs the cache answered (none here), then each parsed doc.
    expect(progress).toEqual(["0/2", "1/2", "2/2"]);
  });
});
