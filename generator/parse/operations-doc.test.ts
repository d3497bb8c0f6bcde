import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOperationsDoc } from "./operations-doc.js";

describe("parseOperationsDoc", () => {
  it("reads the operations of the embedded chat README with their request and response models", () => {
    const text = readFileSync(new URL("../../docs/sdks/chat/README.md", import.meta.url), "utf8");
    const operations = parseOperationsDoc("../sdks/chat/README.md", text);
    expect(operations.map((op) => [op.id, op.group, op.name, op.method, op.path, op.request, op.response])).toEqual([
      ["post_/v2/router/chat/completions", "Chat", "create", "post", "/v2/router/chat/completions", ["operations.PostV2RouterChatCompletionsRequestBody"], ["operations.PostV2RouterChatCompletionsResponseBody", "errors.APIError"]],
      ["post_/v2/router/completions", "Chat", "createCompletion", "post", "/v2/router/completions", ["operations.PostV2RouterCompletionsRequestBody"], ["operations.PostV2RouterCompletionsResponseBody", "errors.APIError"]],
    ]);
    expect(operations[0]!.source).toEqual({ file: "../sdks/chat/README.md", line: 10, column: 1 });
    expect(operations.map((op) => op.errors)).toEqual([["errors.APIError"], ["errors.APIError"]]);
  });

  it("takes names from placeholder links and error tables, skips plumbing rows, marks deprecated operations", () => {
    const text = [
      "# Agents",
      "",
      "## ~~streamRun~~",
      "",
      "### Parameters",
      "",
      "| Parameter | Type | Required | Description |",
      "| --- | --- | --- | --- |",
      "| `agentKey` | *string* | :heavy_check_mark: | key |",
      "| `requestBody` | [operations.StreamRunAgentRequestBody](../../models/operations/streamrunagentrequestbody.md) | :heavy_check_mark: | body |",
      "| `options.retries` | [RetryConfig](../../lib/utils/retryconfig.md) | :heavy_minus_sign: | plumbing |",
      "",
      "### Response",
      "",
      "**Promise\\<[EventStream<operations.StreamRunAgentResponseBody>](../../models/.md)\\>**",
      "",
      "### Errors",
      "",
      "| Error Type | Status Code | Content Type |",
      "| --- | --- | --- |",
      "| errors.StreamRunAgentAgentsResponseBody | 404 | application/json |",
    ].join("\n");
    const [op] = parseOperationsDoc("../sdks/agents/README.md", text);
    expect(op).toEqual({
      id: "Agents.streamRun",
      group: "Agents",
      name: "streamRun",
      deprecated: true,
      request: ["operations.StreamRunAgentRequestBody"],
      response: ["operations.StreamRunAgentResponseBody", "errors.StreamRunAgentAgentsResponseBody"],
      errors: ["errors.StreamRunAgentAgentsResponseBody"],
      source: { file: "../sdks/agents/README.md", line: 3, column: 1 },
    });
  });
});
