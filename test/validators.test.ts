/**
 * End to end on the embedded docs: the generated companions accept every example of the docs, reject every
 * mutation of them at the right path, type-check under TypeScript 7 and infer through Standard Schema.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../generator/pipeline/load.js";
import type { ModelGraph } from "../generator/model/types.js";
import { exampleCases, mutationsOf, type MutationKind } from "./support/examples.js";
import { BUILD_TIMEOUT, buildOutput, type BuiltOutput } from "./support/output.js";

interface Companion {
  is(value: unknown): boolean;
  validate(value: unknown): { ok: true; value: unknown } | { ok: false; issues: { pointer: string; path: (string | number)[]; message: string }[] };
  assert(value: unknown): unknown;
  "~standard": { version: number; vendor: string; validate(value: unknown): { value?: unknown; issues?: { message: string; path?: unknown[] }[] } };
}

/** Uses the output as a consumer would: Standard Schema inference, the guard narrowing, enum values. */
const TYPE_LEVEL = `
import { components, operations, type StandardSchemaV1 } from "./index.js";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const inferred: Equal<StandardSchemaV1.InferOutput<typeof components.Choices>, components.Choices> = true;
const union: Equal<StandardSchemaV1.InferOutput<typeof operations.PostV2RouterChatCompletionsResponseBody>, operations.ResponseBody1 | operations.ResponseBody2> = true;
const value: unknown = {};
if (components.Choices.is(value)) {
  const index: number = value.index;
  void index;
}
const stop: "stop" = components.FinishReason.Stop;
const values: readonly components.FinishReason[] = components.FinishReason.values;
const asserted: components.CompletionUsage = components.CompletionUsage.assert({ completionTokens: 1, promptTokens: 2, totalTokens: 3 });
export { inferred, union, stop, values, asserted };
`;

let graph: ModelGraph;
let output: BuiltOutput;
const companion = (id: string): Companion => {
  const dot = id.lastIndexOf(".");
  const [namespace, name] = [id.slice(0, dot), id.slice(dot + 1)];
  return output.module[namespace]![name] as Companion;
};

beforeAll(async () => {
  graph = (await loadGraph(path.resolve(import.meta.dirname, "../docs/models"))).graph;
  output = buildOutput("embedded", graph, {}, { "type-level.ts": TYPE_LEVEL });
}, BUILD_TIMEOUT);

describe("validators on the embedded docs", () => {
  it("accept every example of the docs", () => {
    const { cases, unsupported } = exampleCases(graph);
    expect(unsupported).toEqual([]);
    expect(cases.length).toBeGreaterThan(50);
    const failures = cases.flatMap((example) => {
      const result = companion(example.model.id).validate(example.value);
      return result.ok ? [] : [`${example.label}: ${result.issues.map((issue) => issue.message).join("; ")}`];
    });
    expect(failures).toEqual([]);
  });

  it("reject every mutation of the examples at the mutated path", () => {
    const models = new Map(graph.models.map((model) => [model.id, model]));
    const kinds = new Map<MutationKind, number>();
    const wrong: string[] = [];
    for (const example of exampleCases(graph).cases) {
      for (const mutation of mutationsOf(example, models)) {
        kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
        const schema = companion(example.model.id);
        const result = schema.validate(mutation.value);
        const pointers = result.ok ? [] : result.issues.map((issue) => issue.pointer);
        if (schema.is(mutation.value) || !pointers.includes(mutation.pointer)) wrong.push(`${example.label} ${mutation.kind}: expected ${mutation.pointer}, got ${JSON.stringify(pointers)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every kind of mutation was exercised.
    expect([...kinds.keys()].sort()).toEqual(["array-extra-member", "drop-required", "enum-out-of-set", "null-not-allowed", "wrong-primitive"]);
  });

  it("report every issue, each with a path, a pointer, expected, received and a message", () => {
    const result = companion("components.CompletionUsage").validate({ completionTokens: "1", totalTokens: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: ["completionTokens"], pointer: "/completionTokens", expected: "number", received: '"1"', message: '/completionTokens: expected number, received "1"' },
      { path: ["promptTokens"], pointer: "/promptTokens", expected: "number", received: "nothing", message: "/promptTokens: required number is missing" },
      { path: ["totalTokens"], pointer: "/totalTokens", expected: "number", received: "null", message: "/totalTokens: expected number, received null" },
    ]);
  });

  it("report nested paths through arrays and referenced models", () => {
    const [example] = exampleCases(graph).cases.filter((c) => c.label === "components.CreateChatCompletionResponse");
    expect(example).toBeDefined();
    const value = structuredClone(example!.value) as { choices: { finishReason: unknown; logprobs: { content: { bytes: unknown[] }[] } }[] };
    value.choices[0]!.finishReason = "halt";
    value.choices[0]!.logprobs.content[0]!.bytes[0] = "x";
    const result = companion("components.CreateChatCompletionResponse").validate(value);
    expect(result.ok ? [] : result.issues.map((issue) => issue.pointer)).toEqual(["/choices/0/finishReason", "/choices/0/logprobs/content/0/bytes/0"]);
  });

  it("pick the union member the value is closest to, instead of listing every member's failures", () => {
    const union = companion("operations.PostV2RouterChatCompletionsResponseBody");
    const streamed = exampleCases(graph).cases.find((c) => c.label === "operations.PostV2RouterChatCompletionsResponseBody member 2")!;
    const value = structuredClone(streamed.value) as { choices: { delta: { role: unknown } }[] };
    value.choices[0]!.delta.role = 42;
    const result = union.validate(value);
    expect(result.ok ? [] : result.issues.map((issue) => issue.pointer)).toEqual(["/choices/0/delta/role"]);
    expect(union.validate("text")).toMatchObject({ ok: false, issues: [{ pointer: "", expected: "PostV2RouterChatCompletionsResponseBody" }] });
  });

  it("throw a ValidationError listing the issues from assert", () => {
    const usage = companion("components.CompletionUsage");
    expect(() => usage.assert({})).toThrow(/invalid CompletionUsage:\n {2}- \/completionTokens: required number is missing\n/);
    expect(output.module.ValidationError).toBeTypeOf("function");
  });

  it("implement Standard Schema v1", () => {
    const standard = companion("components.FinishReason")["~standard"];
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe("docschema");
    expect(standard.validate("stop")).toEqual({ value: "stop" });
    expect(standard.validate("halt")).toMatchObject({ issues: [{ message: '/: expected "stop" | "length" | "tool_calls" | "content_filter" | "function_call", received "halt"', path: [] }] });
  });
});

describe("--validators zod on the embedded docs", () => {
  interface ZodSchema {
    safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } };
    "~standard": { vendor: string };
  }
  let zod: BuiltOutput;
  const schema = (id: string): ZodSchema => {
    const dot = id.lastIndexOf(".");
    const [namespace, name] = [id.slice(0, dot), id.slice(dot + 1)];
    return zod.module[namespace]![name] as ZodSchema;
  };
  beforeAll(async () => {
    zod = buildOutput("embedded-zod", graph, { validators: "zod" });
  }, BUILD_TIMEOUT);

  it("accept every example and reject every mutation, under the same names", () => {
    const models = new Map(graph.models.map((model) => [model.id, model]));
    const wrong: string[] = [];
    for (const example of exampleCases(graph).cases) {
      const parsed = schema(example.model.id).safeParse(example.value);
      if (!parsed.success) wrong.push(`${example.label}: ${JSON.stringify(parsed.error?.issues)}`);
      for (const mutation of mutationsOf(example, models)) {
        if (schema(example.model.id).safeParse(mutation.value).success) wrong.push(`${example.label} ${mutation.kind} passed`);
      }
    }
    expect(wrong).toEqual([]);
    expect(schema("components.Choices")["~standard"].vendor).toBe("zod");
    expect((zod.module.components as Record<string, unknown>).FinishReason).toHaveProperty("Stop", "stop");
  });
});
