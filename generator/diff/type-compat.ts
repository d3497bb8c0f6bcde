/**
 * Is a type change widening (every old value is still accepted), narrowing (every new value was already
 * accepted) or incompatible? Both questions reduce to one: does type `wide` accept every value of `narrow`?
 * Old types live in the old graph and new types in the new one: a reference is the same model when the new id
 * continues the old one (./match.ts), and otherwise is judged by the structure it reaches, with cycles assumed
 * to hold while they are being checked.
 */
import { unreachable } from "../model/type-expr.js";
import type { Model, ModelId, ObjectModel, TypeExpr } from "../model/types.js";
import { typeText } from "./type-text.js";
import type { Compat } from "./types.js";

/** The two graphs of a diff, and which new model continues an old one. */
export interface Sides {
  old: ReadonlyMap<ModelId, Model>;
  new: ReadonlyMap<ModelId, Model>;
  successor(oldId: ModelId): ModelId | undefined;
}

type Side = "old" | "new";
/** A type expression of one side, or the fields of an object model it references. */
type Node = { side: Side; type: TypeExpr } | { side: Side; object: ObjectModel };

/**
 * `undefined` when the two types accept the same values. Without `sides`, references compare by id (both types
 * are read in one graph).
 */
export function compareTypes(before: TypeExpr, after: TypeExpr, sides?: Sides): Compat | undefined {
  const check = new Acceptance(sides);
  const widened = check.accepts({ side: "new", type: after }, { side: "old", type: before });
  const narrowed = check.accepts({ side: "old", type: before }, { side: "new", type: after });
  if (widened && narrowed) return undefined;
  return widened ? "widening" : narrowed ? "narrowing" : "incompatible";
}

/** Does every value of `narrow` fit `wide`? Conservative: when unsure, no. Types of one graph. */
export function accepts(wide: TypeExpr, narrow: TypeExpr): boolean {
  return new Acceptance(undefined).accepts({ side: "new", type: wide }, { side: "new", type: narrow });
}

class Acceptance {
  /** Pairs of references being checked: assumed to hold, so a cycle ends instead of recursing for ever. */
  private readonly assumed = new Set<string>();

  constructor(private readonly sides: Sides | undefined) {}

  accepts(wide: Node, narrow: Node): boolean {
    if ("type" in wide && wide.type.kind === "primitive" && wide.type.name === "any") return true;
    const wideRef = "type" in wide && wide.type.kind === "ref" ? wide.type.id : undefined;
    const narrowRef = "type" in narrow && narrow.type.kind === "ref" ? narrow.type.id : undefined;
    if (wideRef !== undefined && narrowRef !== undefined && this.sameModel(wide.side, wideRef, narrow.side, narrowRef)) return true;
    if ("type" in narrow && narrow.type.kind === "union") return narrow.type.members.every((member) => this.accepts(wide, { side: narrow.side, type: member }));
    // A member of the same model first; then through the references.
    if ("type" in wide && wide.type.kind === "union" && wide.type.members.some((member) => this.accepts({ side: wide.side, type: member }, narrow))) return true;
    if (wideRef === undefined && narrowRef === undefined) return this.acceptsResolved(wide, narrow);
    const key = `${keyOf(wide)}|${keyOf(narrow)}`;
    if (this.assumed.has(key)) return true;
    const wideView = wideRef !== undefined ? this.view(wide.side, wideRef) : wide;
    const narrowView = narrowRef !== undefined ? this.view(narrow.side, narrowRef) : narrow;
    if (!wideView || !narrowView) return false;
    this.assumed.add(key);
    try {
      return this.accepts(wideView, narrowView);
    } finally {
      this.assumed.delete(key);
    }
  }

  /** Neither node is a reference, the narrow one is no union, and no member of a wide union took it. */
  private acceptsResolved(wide: Node, narrow: Node): boolean {
    if ("object" in narrow) {
      if ("object" in wide) return this.acceptsObject(wide.side, wide.object, narrow.side, narrow.object);
      return wide.type.kind === "nullable" && this.accepts({ side: wide.side, type: wide.type.type }, narrow);
    }
    const type = narrow.type;
    const at = (t: TypeExpr): Node => ({ side: narrow.side, type: t });
    if ("object" in wide) return false;
    const outer = wide.type;
    const inWide = (t: TypeExpr): Node => ({ side: wide.side, type: t });
    if (outer.kind === "union") return false;
    if (outer.kind === "nullable") return this.accepts(inWide(outer.type), type.kind === "nullable" ? at(type.type) : narrow);
    switch (type.kind) {
      case "nullable":
        return false;
      case "primitive":
        return outer.kind === "primitive" && (outer.name === type.name || (outer.name === "number" && type.name === "integer"));
      case "literal":
        if (outer.kind === "literal") return outer.value === type.value;
        return outer.kind === "primitive" && literalFits(outer.name, type.value);
      case "ref":
      case "union":
        return false; // taken apart by accepts
      case "array":
        return outer.kind === "array" && this.accepts(inWide(outer.items), at(type.items));
      case "map":
        return outer.kind === "map" && this.accepts(inWide(outer.values), at(type.values));
      case "stream":
        return outer.kind === "stream" && this.accepts(inWide(outer.type), at(type.type));
      default:
        return unreachable(type);
    }
  }

  /** Objects are closed: a field the wide object lacks (and no catch-all takes) is refused, as in an object literal. */
  private acceptsObject(wideSide: Side, wide: ObjectModel, narrowSide: Side, narrow: ObjectModel): boolean {
    const fields = new Map(narrow.fields.map((field) => [field.name, field]));
    const inWide = (type: TypeExpr): Node => ({ side: wideSide, type });
    const inNarrow = (type: TypeExpr): Node => ({ side: narrowSide, type });
    for (const field of wide.fields) {
      const other = fields.get(field.name);
      if (!other) {
        if (field.required) return false;
        continue;
      }
      if ((field.required && !other.required) || (other.nullable === true && !field.nullable)) return false;
      if (!this.accepts(inWide(field.type), inNarrow(other.type))) return false;
    }
    const known = new Set(wide.fields.map((field) => field.name));
    for (const other of narrow.fields) {
      if (known.has(other.name)) continue;
      if (!wide.additionalProperties || !this.accepts(inWide(wide.additionalProperties), inNarrow(other.type))) return false;
    }
    if (!narrow.additionalProperties) return true;
    return wide.additionalProperties !== undefined && this.accepts(inWide(wide.additionalProperties), inNarrow(narrow.additionalProperties));
  }

  private sameModel(wideSide: Side, wide: ModelId, narrowSide: Side, narrow: ModelId): boolean {
    if (wideSide === narrowSide || !this.sides) return wide === narrow;
    return wideSide === "new" ? this.sides.successor(narrow) === wide : this.sides.successor(wide) === narrow;
  }

  /** What a reference stands for: an object's fields, an enum's literals, a union's members; undefined if unknown. */
  private view(side: Side, id: ModelId): Node | undefined {
    const model = this.sides?.[side].get(id);
    if (!model) return undefined;
    switch (model.kind) {
      case "object":
        return { side, object: model };
      case "union":
        return { side, type: { kind: "union", members: model.members.map((member) => member.type) } };
      case "enum": {
        const members: TypeExpr[] = model.values.map((value) => ({ kind: "literal", value }));
        if (model.open) members.push({ kind: "primitive", name: model.values.some((value) => typeof value === "number") ? "number" : "string" });
        return { side, type: { kind: "union", members } };
      }
      default:
        return unreachable(model);
    }
  }
}

/** A node as an assumption: a reference and the object it resolves to are the same model. */
function keyOf(node: Node): string {
  if ("object" in node) return `${node.side}:#${node.object.id}`;
  return `${node.side}:${node.type.kind === "ref" ? `#${node.type.id}` : typeText(node.type)}`;
}

function literalFits(primitive: string, value: string | number | boolean): boolean {
  if (typeof value === "string") return primitive === "string";
  if (typeof value === "boolean") return primitive === "boolean";
  return primitive === "number" || (primitive === "integer" && Number.isInteger(value));
}
