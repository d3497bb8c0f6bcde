/**
 * The validators' runtime (./runtime.ts) and checks (./checks.ts) as code: the modules the generator writes into every
 * output, tested here directly rather than through generated companions.
 */
import { describe, expect, it } from "vitest";
import { hasOwn, isAsyncIterable, isBinary, isDate, isIsoDateTime, isPlainObject, ownProperties, plainObject, setOwn } from "./checks.js";
import {
  ValidationError,
  at,
  collectUnion,
  enumeration,
  issue,
  lazy,
  member,
  missing,
  pointerOf,
  schema,
  stripMap,
  stripUnion,
  union,
  unknownKey,
  type Issue,
  type Member,
  type Path,
} from "./runtime.js";

/** A member whose collector reports the given issue paths (relative to where it is called), and fails `is` if any. */
function reporting(name: string, paths: Path[], literals?: Record<string, string>): Member {
  return {
    name,
    is: () => paths.length === 0,
    collect: (value, path, issues) => {
      for (const below of paths) issues.push(issue([...path, ...below], name, value));
    },
    ...(literals ? { literals } : {}),
  };
}

describe("issues", () => {
  it("carry the path, its JSON Pointer, what was expected and received, and a message saying both", () => {
    expect(issue(["choices", 0, "finishReason"], '"stop" | "length"', "halt")).toEqual({
      path: ["choices", 0, "finishReason"],
      pointer: "/choices/0/finishReason",
      expected: '"stop" | "length"',
      received: '"halt"',
      message: '/choices/0/finishReason: expected "stop" | "length", received "halt"',
    });
    expect(issue([], "Pet", null).message).toBe("/: expected Pet, received null");
    expect(missing(["owner"], "name", "string")).toEqual({
      path: ["owner", "name"],
      pointer: "/owner/name",
      expected: "string",
      received: "nothing",
      message: "/owner/name: required string is missing",
    });
    expect(unknownKey([], "colour")).toEqual({
      path: ["colour"],
      pointer: "/colour",
      expected: "no undocumented key",
      received: '"colour"',
      message: "/colour: undocumented key",
    });
  });

  it("describe what was received in a few words", () => {
    const received = (value: unknown): string => issue([], "x", value).received;
    expect([null, undefined, [], {}, 1.5, Number.NaN, true, 10n, () => 1, Symbol("s")].map(received)).toEqual([
      "null",
      "undefined",
      "array",
      "object",
      "1.5",
      "NaN",
      "true",
      "10",
      "function",
      "symbol",
    ]);
    expect(received(new Date(0))).toBe("Date");
    expect(received(new Date("nonsense"))).toBe("invalid Date");
    expect(received("x".repeat(41))).toBe(`"${"x".repeat(40)}..."`);
    for (const text of ['say "hi"', "back\\slash", "line\nbreak", "lone \ud800"]) expect(received(text)).toBe(JSON.stringify(text));
  });

  it("escape keys in pointers as RFC 6901 says (~ as ~0, / as ~1)", () => {
    expect(pointerOf([])).toBe("");
    expect(pointerOf(["a/b~c", 3, "~1"])).toBe("/a~1b~0c/3/~01");
    expect(pointerOf(["plain", ""])).toBe("/plain/");
  });

  it("extend a path with at() without changing it", () => {
    const path: Path = ["a", 0];
    const below = at(path, "b");
    expect(below).toEqual(["a", 0, "b"]);
    expect(path).toEqual(["a", 0]);
    expect(at([], 7)).toEqual([7]);
  });
});

describe("schema", () => {
  const isPair = (value: unknown): value is [number, number] => Array.isArray(value) && value.length === 2;
  const collectPair = (value: unknown, path: Path, issues: Issue[]): void => {
    if (!Array.isArray(value)) issues.push(issue(path, "pair", value));
  };
  const pair = schema("Pair", isPair, collectPair, { strip: (value) => [...(value as number[])] as [number, number] });

  it("validates with the guard, and returns the strip copy of a valid value", () => {
    const value = [1, 2];
    const result = pair.validate(value);
    expect(result).toEqual({ ok: true, value: [1, 2] });
    expect(result.ok && result.value).not.toBe(value);
    expect(pair.is(value)).toBe(true);
  });

  it("collects the issues of an invalid value, and still fails when the collector finds none", () => {
    expect(pair.validate("x")).toMatchObject({ ok: false, issues: [{ pointer: "", expected: "pair", received: '"x"' }] });
    // An array of three fails the guard, but this collector says nothing about it: the value is still refused.
    expect(pair.validate([1, 2, 3])).toMatchObject({ ok: false, issues: [{ pointer: "", expected: "Pair", received: "array" }] });
  });

  it("throws a ValidationError listing every issue from assert, and implements Standard Schema v1", () => {
    expect(pair.assert([3, 4])).toEqual([3, 4]);
    expect(() => pair.assert(5)).toThrow(ValidationError);
    expect(() => pair.assert(5)).toThrow("invalid Pair:\n  - /: expected pair, received 5");
    const standard = pair["~standard"];
    expect([standard.version, standard.vendor]).toEqual([1, "docschema"]);
    expect(standard.validate([1, 2])).toEqual({ value: [1, 2] });
    expect(standard.validate(null)).toMatchObject({ issues: [{ message: "/: expected pair, received null", path: [] }] });
  });

  it("makes enum companions: the named values, frozen, with `values`", () => {
    const isColour = (value: unknown): value is "red" | "blue" => value === "red" || value === "blue";
    const colour = enumeration("Colour", { Red: "red", Blue: "blue" } as const, isColour, '"red" | "blue"');
    expect([colour.Red, colour.Blue, colour.values]).toEqual(["red", "blue", ["red", "blue"]]);
    expect(Object.isFrozen(colour) && Object.isFrozen(colour.values)).toBe(true);
    expect(colour.validate("green")).toMatchObject({ ok: false, issues: [{ expected: '"red" | "blue"', received: '"green"' }] });
  });
});

describe("unions", () => {
  it("report the members of the closest member: its first issue deepest, then the fewest issues", () => {
    const collect = (members: Member[]): string[] => {
      const issues: Issue[] = [];
      collectUnion(members, {}, ["at"], issues, "A | B");
      return issues.map((found) => `${found.expected} ${found.pointer}`);
    };
    // Deepest first issue: B's shallowest issue is one level below A's.
    expect(collect([reporting("A", [["x"]]), reporting("B", [["x", "y"], ["x", "z"]])])).toEqual(["B /at/x/y", "B /at/x/z"]);
    expect(collect([reporting("A", [["x", "y"], ["q"]]), reporting("B", [["x", "y"]])])).toEqual(["B /at/x/y"]);
    // Same depth: fewest issues, whatever the order.
    expect(collect([reporting("A", [["x"], ["y"], ["z"]]), reporting("B", [["w"]])])).toEqual(["B /at/w"]);
    expect(collect([reporting("B", [["w"]]), reporting("A", [["x"], ["y"], ["z"]])])).toEqual(["B /at/w"]);
    // A full tie: the first member.
    expect(collect([reporting("A", [["x"]]), reporting("B", [["y"]])])).toEqual(["A /at/x"]);
    // Every member fails at the value itself: one issue naming the union.
    expect(collect([reporting("A", [[]]), reporting("B", [[], []])])).toEqual(["A | B /at"]);
    // One member accepts: nothing to report.
    expect(collect([reporting("A", [["x"]]), reporting("B", [])])).toEqual([]);
  });

  it("discriminate on a required literal field with a distinct value in every member", () => {
    const calls: string[] = [];
    const tagged = (name: string, tag: string): Member => ({
      ...reporting(name, [["payload"]], { type: tag }),
      is: (value) => {
        calls.push(name);
        return isPlainObject(value) && value.type === tag && value.payload === true;
      },
    });
    const isAnimal = (value: unknown): value is object => calls.push("guard") > 0 && false;
    const animal = union("Animal", isAnimal, () => [tagged("Cat", "cat"), tagged("Dog", "dog")]);
    expect(animal.is({ type: "dog", payload: true })).toBe(true);
    expect(calls).toEqual(["Dog"]);
    expect(animal.validate({ type: "dog" })).toMatchObject({ ok: false, issues: [{ pointer: "/payload", expected: "Dog" }] });
    expect(animal.validate({ type: "cow" })).toMatchObject({ ok: false, issues: [{ pointer: "/type", expected: '"cat" | "dog"', received: '"cow"' }] });
    // The tag is read from the value's own properties, and only a plain object has one.
    const inheritsTag = Object.create({ type: "dog", payload: true }) as object;
    expect(animal.validate(inheritsTag)).toMatchObject({ ok: false, issues: [{ expected: "Cat" }] });
    expect(animal.validate(Object.assign(new Date(0), { type: "dog", payload: true })).ok).toBe(false);
  });

  it("do not discriminate when a member lacks the literal or two members share its value", () => {
    const guard = (value: unknown): value is object => value === "ok";
    const missingTag = union("U", guard, () => [reporting("A", [[]], { type: "a" }), reporting("B", [[]])]);
    expect(missingTag.validate({ type: "zzz" })).toMatchObject({ ok: false, issues: [{ pointer: "", expected: "U" }] });
    const shared = union("U", guard, () => [reporting("A", [["a"]], { type: "same" }), reporting("B", [["b"], ["c"]], { type: "same" })]);
    expect(shared.validate({ type: "same" })).toMatchObject({ ok: false, issues: [{ pointer: "/a" }] });
    // A literal only Object.prototype has (an inherited `toString`) is not one.
    const inheritedTag = union("U", guard, () => [reporting("A", [["a"]], { toString: "a" }), reporting("B", [["b"]], {})]);
    expect(inheritedTag.validate({ toString: "zzz" })).toMatchObject({ ok: false, issues: [{ pointer: "/a" }] });
  });

  it("list their members on first use only, once", () => {
    let made = 0;
    const lazyUnion = union("U", (value): value is string => typeof value === "string", () => {
      made++;
      return [member("string", (value) => typeof value === "string")];
    });
    expect(made).toBe(0);
    lazyUnion.validate(1);
    lazyUnion.validate(2);
    expect(made).toBe(1);
    const once = lazy(() => ({ made: ++made }));
    expect(once()).toBe(once());
  });

  it("make one-issue members and copies with the first member that accepts the value", () => {
    const text = member("string", (value) => typeof value === "string");
    const issues: Issue[] = [];
    text.collect(1, ["x"], issues);
    text.collect("fine", ["y"], issues);
    expect(issues.map((found) => found.message)).toEqual(["/x: expected string, received 1"]);
    const copying: Member = { ...reporting("Copy", []), strip: () => "copied" };
    expect(stripUnion([text, copying], "a")).toBe("a");
    expect(stripUnion([copying, text], "a")).toBe("copied");
  });
});

describe("strip copies", () => {
  it("copy a map's own entries into a plain object, __proto__ included as data", () => {
    const map = Object.create({ inherited: 1 }) as Record<string, unknown>;
    map.a = 1;
    Object.defineProperty(map, "__proto__", { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    const copy = stripMap(map, (value) => value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["a", "__proto__"]);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    const into: Record<string, unknown> = {};
    setOwn(into, "__proto__", { polluted: true });
    setOwn(into, "b", 2);
    expect([Object.getPrototypeOf(into), Object.keys(into), into.b]).toEqual([Object.prototype, ["__proto__", "b"], 2]);
  });
});

describe("checks", () => {
  it("plain objects: from literals, JSON.parse and Object.create(null); nothing else", () => {
    for (const value of [{}, JSON.parse('{"a":1}'), Object.create(null)]) expect(isPlainObject(value)).toBe(true);
    class Point {}
    const others = [null, [], new Date(), new Map(), new Set(), new Uint8Array(1), new Blob([]), new Point(), Object.create({}), "s", 1, () => {}];
    for (const value of others) expect(isPlainObject(value), String(value)).toBe(false);
  });

  it("own properties: inherited members are not data", () => {
    expect(hasOwn({ a: undefined }, "a")).toBe(true);
    expect(hasOwn({}, "toString")).toBe(false);
    expect(hasOwn(JSON.parse('{"__proto__":1}'), "__proto__")).toBe(true);
    expect(hasOwn({ hasOwnProperty: () => true }, "x")).toBe(false);
  });

  it("dates: a Date holding a time; ISO strings of days that exist, as zod's iso date and datetime accept them", () => {
    expect([isDate(new Date(0)), isDate(new Date("nonsense")), isDate("2024-01-01"), isDate(0)]).toEqual([true, false, false, false]);
    const valid = [
      "2024-05-01",
      "2024-02-29",
      "2000-02-29",
      "2024-05-01T10:00",
      "2024-05-01T10:00:00",
      "2024-05-01T10:00:00Z",
      "2024-05-01T10:00:00.123456Z",
      "2024-05-01T23:59:59+02:00",
      "2024-05-01T00:00:00-11:30",
    ];
    const invalid = [
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-05-00",
      "2024-05-01T24:00:00Z",
      "2024-05-01T10:60:00Z",
      "2024-05-01T10:00Z",
      "2024-05-01T10:00:00+0200",
      "2024-05-01t10:00:00z",
      "2024-05-01 10:00:00",
      "2024-5-1",
      "Tue, 01 May 2024 10:00:00 GMT",
      "1714557600000",
      "yesterday",
      "",
      " 2024-05-01",
    ];
    expect(valid.filter((text) => !isIsoDateTime(text))).toEqual([]);
    expect(invalid.filter((text) => isIsoDateTime(text))).toEqual([]);
    expect([isIsoDateTime(new Date(0)), isIsoDateTime(20240501)]).toEqual([false, false]);
  });

  it("binary content and streams", () => {
    expect([new Uint8Array(1), new Blob(["x"]), new ReadableStream()].map(isBinary)).toEqual([true, true, true]);
    expect([new ArrayBuffer(1), "bytes", [1], {}].map(isBinary)).toEqual([false, false, false, false]);
    const stream = { async *[Symbol.asyncIterator]() {} };
    expect([isAsyncIterable(stream), isAsyncIterable([]), isAsyncIterable(null)]).toEqual([true, false, false]);
  });

  it("hand zod plain objects only, as their own properties when asked", () => {
    const reported: string[] = [];
    const ctx = { addIssue: (found: { message: string }) => reported.push(found.message) };
    const value = { a: 1 };
    expect(plainObject(value, ctx)).toBe(value);
    expect([plainObject("s", ctx), plainObject([1], ctx), plainObject(null, ctx)]).toEqual(["s", [1], null]);
    expect(reported).toEqual([]);
    plainObject(new Date(0), ctx);
    ownProperties(new Map(), ctx);
    expect(reported).toEqual(["expected a plain object", "expected a plain object"]);
    const copy = ownProperties(JSON.parse('{"constructor":"c","__proto__":"p"}'), ctx) as Record<string, unknown>;
    expect([Object.getPrototypeOf(copy), copy.constructor, copy.__proto__, copy.toString]).toEqual([null, "c", "p", undefined]);
  });
});
