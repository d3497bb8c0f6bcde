import { describe, expect, it } from "vitest";
import { enumDoc, graphOf, link, objectDoc, operationsDoc, unionDoc } from "../../test/helpers/graph-fixtures.js";
import { indexGraph } from "./graph-index.js";
import { impactOf, rootsOf, stillReached } from "./impact.js";

/** ResponseBody (union) → Body1 → choices: Choice[] → message: Message → toolCalls: Call[] → function: Fn. */
const docs = {
  "operations/responsebody.md": unionDoc("ResponseBody", ["operations.Body1", "operations.Body2"]),
  "operations/body1.md": objectDoc("Body1", [["choices", `${link("operations.Choice")}[]`, true]]),
  "operations/body2.md": objectDoc("Body2", [["id", "*string*", true]]),
  "operations/choice.md": objectDoc("Choice", [["message", link("operations.Message"), true]]),
  "operations/message.md": objectDoc("Message", [["toolCalls", `${link("operations.Call")}[]`, false], ["meta", `Record<string, ${link("operations.Fn")}>`, false]]),
  "operations/call.md": objectDoc("Call", [["function", link("operations.Fn"), true]]),
  "operations/fn.md": objectDoc("Fn", [["name", "*string*", true], ["kind", link("operations.Kind"), true]]),
  "operations/kind.md": enumDoc("Kind", ["a"]),
  "operations/request.md": objectDoc("Request", [["tool", link("operations.Fn"), true]]),
};

describe("impact", () => {
  it("lists every root reaching a model, with the shortest field path and the operations (union members add no step)", () => {
    const sdks = { "chat/README.md": operationsDoc("Chat", [{ name: "Create", request: "operations.Request", response: "operations.ResponseBody" }]) };
    const index = indexGraph(graphOf(docs, sdks));
    expect(impactOf(index, rootsOf(index), "operations.Fn")).toEqual([
      { root: "operations.Request", path: "Request → tool", fields: "tool", request: ["Create"], response: [] },
      { root: "operations.ResponseBody", path: "ResponseBody → choices[].message.meta{}", fields: "choices[].message.meta{}", request: [], response: ["Create"] },
    ]);
    expect(impactOf(index, rootsOf(index), "operations.Kind")[1]).toEqual({
      root: "operations.ResponseBody",
      path: "ResponseBody → choices[].message.meta{}.kind",
      fields: "choices[].message.meta{}.kind",
      request: [],
      response: ["Create"],
    });
  });

  it("with operation docs, models nothing references are roots too, so models no operation reaches still show where they sit", () => {
    const index = indexGraph(graphOf(docs, { "chat/README.md": operationsDoc("Chat", [{ name: "Create", request: "operations.Request" }]) }));
    expect(impactOf(index, rootsOf(index), "operations.Fn")).toEqual([
      { root: "operations.Request", path: "Request → tool", fields: "tool", request: ["Create"], response: [] },
      { root: "operations.ResponseBody", path: "ResponseBody → choices[].message.meta{}", fields: "choices[].message.meta{}", request: [], response: [] },
    ]);
  });

  it("a root itself has a path of its own name", () => {
    const index = indexGraph(graphOf(docs, { "chat/README.md": operationsDoc("Chat", [{ name: "Create", response: "operations.ResponseBody" }]) }));
    expect(impactOf(index, rootsOf(index), "operations.ResponseBody")).toEqual([{ root: "operations.ResponseBody", path: "ResponseBody", fields: "", request: [], response: ["Create"] }]);
  });

  it("without operation docs, roots are the models nothing references", () => {
    const index = indexGraph(graphOf(docs));
    expect(impactOf(index, rootsOf(index), "operations.Call")).toEqual([
      { root: "operations.ResponseBody", path: "ResponseBody → choices[].message.toolCalls[]", fields: "choices[].message.toolCalls[]", request: [], response: [] },
    ]);
    expect(impactOf(index, rootsOf(index), "operations.Body2")).toEqual([{ root: "operations.ResponseBody", path: "ResponseBody", fields: "", request: [], response: [] }]);
  });
});

describe("stillReached", () => {
  it("keeps a model's new reach to the operations that reached its old model the same way", () => {
    const reach = (root: string, request: string[], response: string[]) => ({ root, path: root, fields: "", request, response });
    const before = [reach("A", ["Create"], []), reach("B", [], ["Get"])];
    const after = [reach("A", ["Create", "Update"], []), reach("C", [], ["List"]), reach("Orphan", [], [])];
    // Update and List only now reach it: they see it new. A root no operation uses stays.
    expect(stillReached(after, before)).toEqual([reach("A", ["Create"], []), reach("Orphan", [], [])]);
  });
});
