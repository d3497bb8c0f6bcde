import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { exampleCases, mutationsOf } from "../../../test/support/examples.js";
import { loadGraph } from "../../pipeline/load.js";
import { jsonSchemaOf, jsonSchemaRef } from "./index.js";
import { DEFAULT_OPTIONS } from "../options.js";
import { field, graphOf, object, prim } from "../../../test/helpers/graph.js";

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("jsonSchemaOf", () => {
  it("describes the embedded docs so that ajv accepts their examples and rejects their mutations", async () => {
    const { graph } = await loadGraph(path.resolve(import.meta.dirname, "../../../docs/models"));
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema(jsonSchemaOf(graph, { ...DEFAULT_OPTIONS, dates: "iso" }), "graph");
    const models = new Map(graph.models.map((model) => [model.id, model]));
    const wrong: string[] = [];
    const { cases } = exampleCases(graph);
    expect(cases.length).toBeGreaterThan(20);
    for (const example of cases) {
      const validate = ajv.getSchema(`graph${jsonSchemaRef(example.model.id)}`)!;
      // JSON has no Date: the values go through JSON, as a payload would.
      if (!validate(json(example.value))) wrong.push(`${example.label}: ${ajv.errorsText(validate.errors)}`);
      for (const mutation of mutationsOf(example, models)) if (validate(json(mutation.value))) wrong.push(`${example.label} ${mutation.kind} passed`);
    }
    expect(wrong).toEqual([]);
  });

  it("closes objects under unknown keys reject", async () => {
    const { graph } = await loadGraph(path.resolve(import.meta.dirname, "../../../docs/models"));
    const defs = jsonSchemaOf(graph, { ...DEFAULT_OPTIONS, unknownKeys: "reject" }).$defs as Record<string, Record<string, unknown>>;
    expect(defs["components.Choices"]).toMatchObject({ type: "object", required: ["finishReason", "index", "message", "logprobs"], additionalProperties: false });
    expect(defs["components.FinishReason"]).toMatchObject({ enum: ["stop", "length", "tool_calls", "content_filter", "function_call"] });
    expect(defs["operations.PostV2RouterChatCompletionsResponseBody"]).toMatchObject({ anyOf: [{ $ref: "#/$defs/operations.ResponseBody1" }, { $ref: "#/$defs/operations.ResponseBody2" }] });
  });

  it("types the open-object catch-all as the SDK's optional additionalProperties property", () => {
    const graph = graphOf([object("components.Open", [field("id", prim("string"))], { additionalProperties: prim("number") })]);
    for (const unknownKeys of ["passthrough", "reject"] as const) {
      const ajv = new Ajv2020({ strict: false });
      const validate = ajv.compile({ ...jsonSchemaOf(graph, { ...DEFAULT_OPTIONS, unknownKeys }), $ref: jsonSchemaRef("components.Open") });
      expect(validate({ id: "x", additionalProperties: { score: 1 } })).toBe(true);
      expect(validate({ id: "x", additionalProperties: { score: "high" } })).toBe(false);
      expect(validate({ id: "x", score: "high" })).toBe(unknownKeys === "passthrough");
    }
  });
});
