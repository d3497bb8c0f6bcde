/**
 * The grammar of type expressions: Type cells of `## Fields` tables and union member headings, both flavours.
 *
 * One recursive-descent parser reads every surface form of docs/FORMAT.md §3.2 and §3.3 because the
 * forms nest freely: markdown decoration (`*…*` emphasis, `[text](href)` links) wraps type syntax
 * (`Record<string, T>`, `List[T]`, `T[]`, `{ [k: string]: T }`), and link text is itself a type expression
 * (`[Optional[models.X]](../models/x.md)`).
 */
import { hasRefs, mapChildren } from "../model/type-expr.js";
import type { PrimitiveName, TypeExpr } from "../model/types.js";

export interface ParsedTypeExpr {
  type: TypeExpr;
  /** An `Optional[…]` / `OptionalNullable[…]` wrapper at the top (Python docs). */
  optional: boolean;
  /** A `Nullable[…]` / `OptionalNullable[…]` wrapper at the top (Python docs). */
  nullable: boolean;
}

export class TypeSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset in the parsed text where the problem is. */
    readonly index: number,
    readonly code = "unknown-type",
  ) {
    super(message);
  }
}

export interface TypeExpressionContext {
  /** Namespace of the doc, used for unqualified names (`Name` means `<namespace>.Name`). */
  namespace: string;
  /** Called for every `[text](href)` model link; returns the resolved target (see RefLink.target). */
  resolveHref?: (href: string, index: number) => string;
  /** Turns an offset in the parsed text into a location, for references. */
  locate: (index: number) => { file: string; line: number; column: number };
}

/** Type names as the TypeScript and Python doc generators write them (docs/FORMAT.md §3.2, §3.3). */
const PRIMITIVES: Record<string, PrimitiveName> = {
  string: "string",
  str: "string",
  number: "number",
  float: "number",
  int: "integer",
  integer: "integer",
  BigInt: "bigint",
  Decimal: "decimal",
  "decimal.Decimal": "decimal",
  boolean: "boolean",
  bool: "boolean",
  any: "any",
  Any: "any",
  Date: "datetime",
  datetime: "datetime",
  RFCDate: "date",
  date: "date",
  File: "binary",
  Blob: "binary",
  Uint8Array: "binary",
  bytes: "binary",
  "io.IOBase": "binary",
  "io.BufferedReader": "binary",
  // A streamed binary response body (`*Optional[httpx.Response]*`).
  "httpx.Response": "binary",
};

/**
 * Link texts that name a type documented elsewhere (`[Date](https://developer.mozilla.org/…)`), whatever the
 * address. Python docs swap the two datetime pages: a date-time field links `[date](…#date-objects)` and a date
 * field `[datetime](…#datetime-objects)`. Old response wrappers link the SDK's raw HTTP response, which is no API
 * value: any.
 */
const EXTERNAL_TYPES: Record<string, PrimitiveName> = {
  Date: "datetime",
  date: "datetime",
  datetime: "date",
  File: "binary",
  Blob: "binary",
  Response: "any",
  AxiosResponse: "any",
  "requests.Response": "any",
  "httpx.Response": "any",
};

const GENERICS = { angle: ["Record", "Map", "Array", "EventStream", "ReadableStream"], square: ["Optional", "Nullable", "OptionalNullable", "List", "Sequence", "Dict", "Mapping", "Literal", "Union", "EventStream", "EventStreamAsync", "IO"] };

/** What a reader needs when a name is not known: every name and generic the grammar reads. */
function vocabulary(): string {
  return `known: ${Object.keys(PRIMITIVES).join(", ")}; ${GENERICS.angle.map((g) => `${g}<…>`).join(", ")}; ${GENERICS.square.map((g) => `${g}[…]`).join(", ")}; model names (docs/FORMAT.md §3)`;
}

const LITERALS: Record<string, boolean | null> = { true: true, True: true, false: false, False: false };

/** Internal: `Optional[T]` survives parsing so the top level can turn it into a flag. */
type Parsed = TypeExpr | { kind: "optional"; type: Parsed };

export function parseTypeExpression(text: string, context: TypeExpressionContext): ParsedTypeExpr {
  const parser = new Parser(text, context);
  const parsed = parser.parseWhole();
  let node = parsed;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (node.kind === "optional") {
      optional = true;
      node = node.type;
    } else if (node.kind === "nullable" && !nullable) {
      nullable = true;
      node = node.type;
    } else break;
  }
  return { type: stripOptional(node), optional, nullable };
}

/**
 * `Optional` below the top level says nothing a type can express (an optional list element is just the element).
 * Parsed children are typed TypeExpr but may still be `optional` nodes: this is where they go.
 */
function stripOptional(node: Parsed): TypeExpr {
  return node.kind === "optional" ? stripOptional(node.type) : mapChildren(node, stripOptional);
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly context: TypeExpressionContext,
    /** Offset of `text` inside the cell, so errors inside link text point at the right column. */
    private readonly offset = 0,
    /** `text` is the text of a link to a model doc: a bare name in it is that model, whatever its case. */
    private readonly modelLink = false,
  ) {}

  parseWhole(): Parsed {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail("empty type expression");
    const node = this.parseUnion();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text.slice(this.pos, this.pos + 20)}"`);
    return node;
  }

  private parseUnion(): Parsed {
    const members = [this.parsePostfix()];
    for (;;) {
      this.skipSpace();
      if (this.eat("\\|") || this.eat("|")) {
        this.skipSpace();
        members.push(this.parsePostfix());
      } else break;
    }
    return members.length === 1 ? members[0]! : union(members);
  }

  private parsePostfix(): Parsed {
    let node = this.parsePrimary();
    while (this.eat("[]")) node = { kind: "array", items: node as TypeExpr };
    return node;
  }

  private parsePrimary(): Parsed {
    this.skipSpace();
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === "*") {
      this.pos++;
      const inner = this.parseUnion();
      this.expect("*");
      return inner;
    }
    if (ch === "[") return this.parseLink();
    if (ch === '"') return { kind: "literal", value: this.parseString() };
    if (ch === "{") return this.parseIndexSignature();
    if (ch !== undefined && /[-0-9]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.pos));
      if (!match) this.fail("expected a type");
      const value = Number(match[0]);
      // JSON (schema.json) and TypeScript literal types have no Infinity.
      if (!Number.isFinite(value)) this.fail(`number ${match[0]} is out of range`);
      this.pos += match[0].length;
      return { kind: "literal", value };
    }
    const name = this.parseName();
    if (!name) this.fail(`expected a type, found "${this.text.slice(start, start + 20)}"`, start);
    if (this.text[this.pos] === "<") return this.parseAngleGeneric(name, start);
    if (this.text[this.pos] === "[" && this.text[this.pos + 1] !== "]") return this.parseSquareGeneric(name, start);
    return this.named(name, start);
  }

  /** A plain name: primitive, boolean literal or model reference. */
  private named(name: string, start: number): TypeExpr {
    const primitive = PRIMITIVES[name];
    if (primitive) return { kind: "primitive", name: primitive };
    const literal = LITERALS[name];
    if (literal !== undefined && literal !== null) return { kind: "literal", value: literal };
    // A model name: qualified (`components.X`, any case: titles may be lower-case), capitalised, or a model link's
    // text. A bare lower-case word is more likely a misspelt primitive (`strng`) than a model.
    if (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(name) && (name.includes(".") || /^[A-Z]/.test(name) || this.modelLink)) {
      const id = name.includes(".") ? name : `${this.context.namespace}.${name}`;
      return { kind: "ref", id, link: { at: this.context.locate(this.offset + start) } };
    }
    this.fail(`unknown type "${name}" (${vocabulary()})`, start);
  }

  /** `Record<string, T>`, `EventStream<T>`, `ReadableStream<Uint8Array>`, `Array<T>`. */
  private parseAngleGeneric(name: string, start: number): Parsed {
    this.expect("<");
    let node: Parsed;
    if (name === "Record" || name === "Map") {
      this.parseKeyType();
      node = { kind: "map", values: this.parseUnion() as TypeExpr };
    } else if (name === "EventStream") {
      node = { kind: "stream", type: this.parseUnion() as TypeExpr };
    } else if (name === "Array") {
      node = { kind: "array", items: this.parseUnion() as TypeExpr };
    } else if (name === "ReadableStream") {
      this.parseUnion();
      node = { kind: "primitive", name: "binary" };
    } else {
      this.fail(`unknown generic type "${name}<…>" (${vocabulary()})`, start);
    }
    this.skipSpace();
    this.expect(">");
    return node;
  }

  /** Python generics: `Optional[T]`, `Nullable[T]`, `OptionalNullable[T]`, `List[T]`, `Dict[str, T]`, `Literal[x]`, `Union[…]`, `EventStream[T]`. */
  private parseSquareGeneric(name: string, start: number): Parsed {
    this.expect("[");
    const args: Parsed[] = [this.parseUnion()];
    for (;;) {
      this.skipSpace();
      if (!this.eat(",")) break;
      args.push(this.parseUnion());
    }
    this.skipSpace();
    this.expect("]");
    const [first] = args as [Parsed, ...Parsed[]];
    const one = (): void => {
      if (args.length !== 1) this.fail(`${name}[…] takes one argument, found ${args.length}`, start);
    };
    switch (name.replace(/^eventstreaming\./, "")) {
      case "Optional":
        one();
        return { kind: "optional", type: first };
      case "Nullable":
        one();
        return { kind: "nullable", type: first as TypeExpr };
      case "OptionalNullable":
        one();
        return { kind: "optional", type: { kind: "nullable", type: first as TypeExpr } };
      case "List":
      case "Sequence":
        one();
        return { kind: "array", items: first as TypeExpr };
      case "Dict":
      case "Mapping":
        if (args.length !== 2 || !isStringKey(first)) this.fail(`${name}[…] must be Dict[str, T]`, start);
        return { kind: "map", values: args[1] as TypeExpr };
      case "Literal":
        return union(args);
      case "Union":
        return union(args);
      case "EventStream":
      case "EventStreamAsync":
        one();
        return { kind: "stream", type: first as TypeExpr };
      case "IO":
        return { kind: "primitive", name: "binary" };
      default:
        this.fail(`unknown generic type "${name}[…]" (${vocabulary()})`, start);
    }
  }

  /** `{ [k: string]: T }` */
  private parseIndexSignature(): Parsed {
    this.expect("{");
    this.skipSpace();
    this.expect("[");
    this.skipSpace();
    if (!this.parseName()) this.fail("expected an index signature key name");
    this.skipSpace();
    this.expect(":");
    this.skipSpace();
    if (this.parseName() !== "string") this.fail("index signature keys must be string");
    this.skipSpace();
    this.expect("]");
    this.skipSpace();
    this.expect(":");
    const values = this.parseUnion();
    this.skipSpace();
    this.expect("}");
    return { kind: "map", values: values as TypeExpr };
  }

  /** `[text](href)`: a model reference when href is a relative `.md` path, otherwise decoration of a primitive. */
  private parseLink(): Parsed {
    const open = this.pos;
    let depth = 0;
    let close = -1;
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "\\") i++;
      else if (c === "[") depth++;
      else if (c === "]" && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0 || this.text[close + 1] !== "(") this.fail("unclosed link");
    const hrefEnd = this.text.indexOf(")", close + 2);
    if (hrefEnd < 0) this.fail("unclosed link target", close + 1);
    const label = this.text.slice(open + 1, close);
    const href = this.text.slice(close + 2, hrefEnd).trim();
    this.pos = hrefEnd + 1;
    const external = /^[a-z]+:/i.test(href) || href.startsWith("#") || href.startsWith("/");
    const known = EXTERNAL_TYPES[label.trim()];
    if (external && known) return { kind: "primitive", name: known };
    const inner = new Parser(label, this.context, this.offset + open + 1, !external).parseWhole();
    // A link around a type that names no model only points at its documentation (RFCDate links a page in docs/types).
    if (!hasRefs(stripOptional(inner))) return inner;
    if (external) this.fail(`model link "${label}" must point at a relative .md file, not "${href}"`, open);
    const target = this.context.resolveHref?.(href, this.offset + close + 2);
    if (target !== undefined) attachTarget(inner, target);
    return inner;
  }

  private parseKeyType(): void {
    this.skipSpace();
    const key = this.parseUnion();
    if (!isStringKey(key)) this.fail("map keys must be string");
    this.skipSpace();
    this.expect(",");
  }

  private parseName(): string {
    const match = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*/.exec(this.text.slice(this.pos));
    if (!match) return "";
    this.pos += match[0].length;
    return match[0];
  }

  private parseString(): string {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(this.text.slice(this.pos));
    if (!match) this.fail("unterminated string literal");
    const value = readJsonString(match[0]);
    if (value === undefined) this.fail(`invalid string literal ${match[0].slice(0, 40)}`);
    this.pos += match[0].length;
    return value;
  }

  private skipSpace(): void {
    while (this.text[this.pos] === " " || this.text[this.pos] === "\t") this.pos++;
  }

  private eat(token: string): boolean {
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) {
      const found = this.pos < this.text.length ? `"${this.text.slice(this.pos, this.pos + 20)}"` : "end of text";
      this.fail(`expected "${token}", found ${found}`);
    }
  }

  private fail(message: string, index = this.pos): never {
    throw new TypeSyntaxError(message, this.offset + index);
  }
}

/**
 * A JSON string literal as the docs write it, or undefined when it is not one (`"C:\dir"`). Tables escape a pipe
 * as `\|`, which JSON does not know: it is a pipe.
 */
export function readJsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal.replace(/\\(.)/g, (escape, char: string) => (char === "|" ? "|" : escape))) as string;
  } catch {
    return undefined;
  }
}

function isStringKey(node: Parsed): boolean {
  return node.kind === "primitive" && node.name === "string";
}

function attachTarget(node: Parsed, target: string): void {
  if (node.kind === "ref") node.link = { ...node.link!, target };
  else if (node.kind === "optional" || node.kind === "nullable") attachTarget(node.type, target);
}

/** Builds a union, dropping duplicates (`File | Blob` are both binary; Python writes one stream twice). */
function union(members: Parsed[]): Parsed {
  const seen = new Set<string>();
  const unique: Parsed[] = [];
  for (const member of members) {
    const key = JSON.stringify(member, (k, v: unknown) => (k === "link" ? undefined : v));
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(member);
    }
  }
  return unique.length === 1 ? unique[0]! : { kind: "union", members: unique as TypeExpr[] };
}
