import { describe, expect, it } from "vitest";
import type { TypeExpr } from "../model/types.js";
import { TypeSyntaxError, parseTypeExpression, type ParsedTypeExpr } from "./type-expression.js";

const MDN_DATE = "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date";
const MDN_FILE = "https://developer.mozilla.org/en-US/docs/Web/API/File";
const MDN_BLOB = "https://developer.mozilla.org/en-US/docs/Web/API/Blob";
const PY_DATE = "https://docs.python.org/3/library/datetime.html#date-objects";

/** Parses as if the text sat at line 7, column 3 of `operations/x.md`; links resolve like the doc context does. */
function parse(text: string, namespace = "operations"): ParsedTypeExpr {
  return parseTypeExpression(text, {
    namespace,
    locate: (index) => ({ file: `${namespace}/x.md`, line: 7, column: 3 + index }),
    resolveHref: (href) => (namespace === "models" ? href.replace(/^\.\.\/models\//, "") : href.replace(/^\.\.\/\.\.\/models\//, "")),
  });
}

/** The type with parse-only link data dropped, to compare shapes. */
function shape(text: string, namespace?: string): TypeExpr {
  return JSON.parse(JSON.stringify(parse(text, namespace).type, (k, v: unknown) => (k === "link" ? undefined : v))) as TypeExpr;
}

const prim = (name: string): TypeExpr => ({ kind: "primitive", name }) as TypeExpr;
const ref = (id: string): TypeExpr => ({ kind: "ref", id });
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });

function syntaxError(text: string, namespace?: string): TypeSyntaxError {
  try {
    parse(text, namespace);
  } catch (error) {
    if (error instanceof TypeSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed without error`);
}

describe("TypeScript-flavoured type cells (docs/FORMAT.md §3.2)", () => {
  it.each([
    ["*string*", prim("string")],
    ["*number*", prim("number")],
    ["*boolean*", prim("boolean")],
    ["*any*", prim("any")],
    ["*string*[]", array(prim("string"))],
    ["*number*[]", array(prim("number"))],
    ["*any*[]", array(prim("any"))],
    [`[Date](${MDN_DATE})`, prim("datetime")],
    ["*ReadableStream<Uint8Array>*", prim("binary")],
    ['*"text"*', { kind: "literal", value: "text" }],
    ['*"with space (and parens)"*', { kind: "literal", value: "with space (and parens)" }],
    ["*true*", { kind: "literal", value: true }],
    ["*false*", { kind: "literal", value: false }],
    ["Record<string, *any*>", map(prim("any"))],
    ["Record<string, *string*>", map(prim("string"))],
    ["Record<string, *any*>[]", array(map(prim("any")))],
    ["Record<string, Record<string, *boolean*>>", map(map(prim("boolean")))],
    ["Record<string, *string*[]>", map(array(prim("string")))],
    ["*operations.Stop*", ref("operations.Stop")],
    ["*operations.Stop*[]", array(ref("operations.Stop"))],
    ["*operations.Stop*[][]", array(array(ref("operations.Stop")))],
    ["Record<string, *components.Tool*>", map(ref("components.Tool"))],
    ["Record<string, *components.Tool*>[]", array(map(ref("components.Tool")))],
  ])("%s", (text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it("a link to a model doc is a reference carrying its resolved target", () => {
    const parsed = parse("[components.FinishReason](../../models/components/finishreason.md)");
    expect(parsed).toEqual({
      type: { kind: "ref", id: "components.FinishReason", link: { target: "components/finishreason.md", at: { file: "operations/x.md", line: 7, column: 4 } } },
      optional: false,
      nullable: false,
    });
  });

  it("a linked array `[ns.X](link)[]`", () => {
    const parsed = parse("[components.Choices](../../models/components/choices.md)[]");
    expect(parsed.type.kind).toBe("array");
    const items = (parsed.type as Extract<TypeExpr, { kind: "array" }>).items;
    expect(items).toMatchObject({ kind: "ref", id: "components.Choices", link: { target: "components/choices.md" } });
  });

  it("Record of a link", () => {
    expect(shape("Record<string, [components.Tool](../../models/components/tool.md)>")).toEqual(map(ref("components.Tool")));
  });

  it("the multipart file union with escaped pipes: `[File](mdn) \\| [Blob](mdn) \\| LINK`", () => {
    const text = `[File](${MDN_FILE}) \\| [Blob](${MDN_BLOB}) \\| [operations.FileT](../../models/operations/filet.md)`;
    expect(shape(text)).toEqual({ kind: "union", members: [prim("binary"), ref("operations.FileT")] });
  });

  it("TS union member headings: `{ [k: string]: ns.X }`, EventStream, plain names", () => {
    expect(shape("{ [k: string]: operations.Value }")).toEqual(map(ref("operations.Value")));
    expect(shape("{ [k: string]: any }")).toEqual(map(prim("any")));
    expect(shape("EventStream<operations.ChunkEvent>")).toEqual({ kind: "stream", type: ref("operations.ChunkEvent") });
    expect(shape("operations.ResponseBody1[]")).toEqual(array(ref("operations.ResponseBody1")));
    expect(shape("number[][]")).toEqual(array(array(prim("number"))));
    expect(shape("Date")).toEqual(prim("datetime"));
    expect(shape("string")).toEqual(prim("string"));
  });

  it("an unqualified name means the doc's own namespace", () => {
    expect(shape("*Stop*", "operations")).toEqual(ref("operations.Stop"));
  });

  it("a lower-case title is a model when qualified or linked; a bare lower-case word is still an unknown type", () => {
    expect(parse("[components.thing](../../models/components/thing.md)").type).toMatchObject({ kind: "ref", id: "components.thing", link: { target: "components/thing.md" } });
    expect(parse("[thing](../../models/components/thing.md)", "components").type).toMatchObject({ kind: "ref", id: "components.thing", link: { target: "components/thing.md" } });
    expect(shape("*components.thing*[]")).toEqual(array(ref("components.thing")));
    expect(shape("List[models.default]", "models")).toEqual(array(ref("models.default")));
    expect(syntaxError("*thing*").message).toContain('unknown type "thing"');
    // Outside a model link, link text is decoration: a lower-case word in it is still unknown.
    expect(syntaxError(`[thing](${MDN_DATE})`).message).toContain('unknown type "thing"');
  });

  it("string literals: a table's escaped pipe is a pipe; what JSON cannot read is an error, not a crash", () => {
    expect(shape('*"a\\|b"*')).toEqual({ kind: "literal", value: "a|b" });
    expect(shape('*"a\\\\"*')).toEqual({ kind: "literal", value: "a\\" });
    expect(syntaxError('*"C:\\dir"*').message).toContain("invalid string literal");
    expect(syntaxError("*1e400*").message).toContain("out of range");
  });

  it("TS types are neither optional nor nullable", () => {
    const parsed = parse("*string*");
    expect([parsed.optional, parsed.nullable]).toEqual([false, false]);
  });
});

describe("Python-flavoured type cells (docs/FORMAT.md §3.3)", () => {
  it.each([
    ["*str*", prim("string"), false, false],
    ["*int*", prim("integer"), false, false],
    ["*float*", prim("number"), false, false],
    ["*bool*", prim("boolean"), false, false],
    ["*Any*", prim("any"), false, false],
    ["*Optional[str]*", prim("string"), true, false],
    ["*Optional[Any]*", prim("any"), true, false],
    ["*Nullable[int]*", prim("integer"), false, true],
    ["*OptionalNullable[float]*", prim("number"), true, true],
    ["*OptionalNullable[bool]*", prim("boolean"), true, true],
    [`[date](${PY_DATE})`, prim("datetime"), false, false],
    ["datetime", prim("datetime"), false, false],
    ["List[*str*]", array(prim("string")), false, false],
    ["List[*int*]", array(prim("integer")), false, false],
    ["List[*Nullable[str]*]", array({ kind: "nullable", type: prim("string") }), false, false],
    ["List[Dict[str, *Any*]]", array(map(prim("any"))), false, false],
    ["Dict[str, *Any*]", map(prim("any")), false, false],
    ["Dict[str, Dict[str, *bool*]]", map(map(prim("boolean"))), false, false],
    ["Dict[str, *Nullable[float]*]", map({ kind: "nullable", type: prim("number") }), false, false],
    ["*Literal[False]*", { kind: "literal", value: false }, false, false],
    ["*Optional[Literal[False]]*", { kind: "literal", value: false }, true, false],
    ['*Literal["text"]*', { kind: "literal", value: "text" }, false, false],
    ["*Optional[bytes]*", prim("binary"), true, false],
    ["*Union[bytes, IO[bytes], io.IOBase]*", prim("binary"), false, false],
  ])("%s", (text, expected, optional, nullable) => {
    const parsed = parse(text, "models");
    expect(shape(text, "models")).toEqual(expected);
    expect([parsed.optional, parsed.nullable]).toEqual([optional, nullable]);
  });

  it.each([
    ["[models.Role](../models/role.md)", false, false],
    ["[Optional[models.Role]](../models/role.md)", true, false],
    ["[Nullable[models.Role]](../models/role.md)", false, true],
    ["[OptionalNullable[models.Role]](../models/role.md)", true, true],
  ])("link with the wrapper inside its text: %s", (text, optional, nullable) => {
    const parsed = parse(text, "models");
    expect(parsed.type).toMatchObject({ kind: "ref", id: "models.Role", link: { target: "role.md" } });
    expect([parsed.optional, parsed.nullable]).toEqual([optional, nullable]);
  });

  it("lists and maps of links", () => {
    expect(shape("List[[models.Choice](../models/choice.md)]", "models")).toEqual(array(ref("models.Choice")));
    expect(shape("Dict[str, [models.Tool](../models/tool.md)]", "models")).toEqual(map(ref("models.Tool")));
    expect(shape("Dict[str, [Nullable[models.Tool]](../models/tool.md)]", "models")).toEqual(map({ kind: "nullable", type: ref("models.Tool") }));
    expect(shape("List[Dict[str, [models.Tool](../models/tool.md)]]", "models")).toEqual(array(map(ref("models.Tool"))));
  });

  it("Python union member headings: str, List[models.X], Dict[str, Nullable[models.X]], the event-stream pair", () => {
    expect(shape("str", "models")).toEqual(prim("string"));
    expect(shape("List[models.X]", "models")).toEqual(array(ref("models.X")));
    expect(shape("List[List[models.X]]", "models")).toEqual(array(array(ref("models.X"))));
    expect(shape("Dict[str, Nullable[models.X]]", "models")).toEqual(map({ kind: "nullable", type: ref("models.X") }));
    expect(shape("Union[eventstreaming.EventStream[models.Chunk], eventstreaming.EventStreamAsync[models.Chunk]]", "models")).toEqual({
      kind: "stream",
      type: ref("models.Chunk"),
    });
  });
});

/**
 * Spellings of other Speakeasy generator versions and SDKs, both flavours (docs/FORMAT.md §3.2, §3.3): binary content,
 * Speakeasy's date-only and arbitrary-precision types, the raw HTTP response of old response wrappers.
 */
describe("the rest of the generators' vocabulary (docs/FORMAT.md §3.2, §3.3)", () => {
  const PY_DATETIME = "https://docs.python.org/3/library/datetime.html#datetime-objects";
  it.each([
    ["*Uint8Array*", prim("binary")],
    ["*BigInt*", prim("bigint")],
    ["Record<string, *BigInt*>", map(prim("bigint"))],
    ["*Decimal*", prim("decimal")],
    ["*Decimal*[]", array(prim("decimal"))],
    ["[RFCDate](../../types/rfcdate.md)", prim("date")],
    ["[RFCDate](../../../types/rfcdate.md)[]", array(prim("date"))],
    ["[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)", prim("any")],
    ["[AxiosResponse](https://axios-http.com/docs/res_schema)", prim("any")],
    ["RFCDate", prim("date")],
  ])("TypeScript %s", (text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it.each([
    ["*Union[bytes, IO[bytes], io.BufferedReader]*", prim("binary"), false],
    ["*Optional[Union[bytes, IO[bytes], io.BufferedReader]]*", prim("binary"), true],
    ["*bytes*", prim("binary"), false],
    ["*Optional[httpx.Response]*", prim("binary"), true],
    ["*Decimal*", prim("decimal"), false],
    ["*Optional[decimal.Decimal]*", prim("decimal"), true],
    ["List[*Decimal*]", array(prim("decimal")), false],
    // Speakeasy's Python docs link a date field to the datetime page, and a date-time field to the date page.
    [`[datetime](${PY_DATETIME})`, prim("date"), false],
    [`[date](${PY_DATE})`, prim("datetime"), false],
    ["date", prim("date"), false],
    ["[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)", prim("any"), false],
    ["[httpx.Response](https://www.python-httpx.org/api/#response)", prim("any"), false],
    ["Dict[str, List[*str*]]", map(array(prim("string"))), false],
  ])("Python %s", (text, expected, optional) => {
    expect(shape(text, "models")).toEqual(expected);
    expect(parse(text, "models").optional).toBe(optional);
  });

  it("a link around a type that names no model is not followed (RFCDate's page lies outside the models)", () => {
    const parsed = parseTypeExpression("[RFCDate](../../types/rfcdate.md)", {
      namespace: "components",
      locate: (i) => ({ file: "components/x.md", line: 1, column: i + 1 }),
      resolveHref: () => {
        throw new TypeSyntaxError("outside", 0, "link-outside-input");
      },
    });
    expect(parsed.type).toEqual(prim("date"));
  });

  it("an unknown name says what was found and what docschema knows", () => {
    const error = syntaxError("*frobnicated*[]");
    expect(error.message).toContain('unknown type "frobnicated" (known: string, str, number');
    expect(error.message).toContain("RFCDate");
    expect(error.message).toContain("Record<…>");
    expect(error.message).toContain("OptionalNullable[…]");
  });
});

describe("errors name the column of the problem", () => {
  it("an unknown type points at its first character", () => {
    const error = syntaxError("*strng*");
    expect(error.code).toBe("unknown-type");
    expect(error.message).toContain('unknown type "strng"');
    expect(error.index).toBe(1);
  });

  it("an unknown type deep inside a generic", () => {
    const text = "Record<string, *strng*>";
    expect(syntaxError(text).index).toBe(text.indexOf("strng"));
  });

  it("an unknown type inside link text points into the link text", () => {
    const text = "List[[models.x-y](../models/x.md)]";
    const error = syntaxError(text, "models");
    expect(error.index).toBeGreaterThan(text.indexOf("[models"));
    expect(error.index).toBeLessThan(text.indexOf("]("));
  });

  it.each([
    ["", "empty type expression"],
    ["*string", 'expected "*"'],
    ["Record<number, *any*>", "map keys must be string"],
    ["Dict[int, *Any*]", "must be Dict[str, T]"],
    ["Optional[str, int]", "takes one argument"],
    ["Foo<string>", 'unknown generic type "Foo<…>"'],
    ["Frob[str]", 'unknown generic type "Frob[…]"'],
    ["*string* junk", "unexpected"],
    ['*"unterminated*', "unterminated string literal"],
    ["[components.X](../../models/components/x.md", "unclosed link target"],
    ["[components.X]", "unclosed link"],
    ["[components.X](https://example.com/x)", "must point at a relative .md file"],
  ])("%j → %s", (text, message) => {
    expect(syntaxError(text).message).toContain(message);
  });

  it("a link that resolveHref refuses carries that error's code", () => {
    const error = (() => {
      try {
        parseTypeExpression("[components.X](../../../../x.md)", {
          namespace: "components",
          locate: (i) => ({ file: "components/y.md", line: 1, column: i + 1 }),
          resolveHref: (_href, index) => {
            throw new TypeSyntaxError("outside", index, "link-outside-input");
          },
        });
      } catch (e) {
        return e as TypeSyntaxError;
      }
      return undefined;
    })();
    expect(error?.code).toBe("link-outside-input");
    expect(error?.index).toBe("[components.X](".length);
  });
});
