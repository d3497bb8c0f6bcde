/**
 * Which model of the merged docs is which model of the primary docs. Python docs are flat: a title that several TS
 * namespaces share is given to one of them, and the others are renamed (`errors.GetEvalsResponseBody` is
 * `models.GetEvalsEvalsResponseBody`), and acronyms and the `T` of `ErrorT` are spelled otherwise. So titles alone
 * do not decide. In order, each step only pairing what is still unpaired, one to one:
 *
 * 1. the same id (a second release of the same flavour);
 * 2. operations of the same id: their request and response models, in order, of the same structure (field names,
 *    enum values, member shapes); error bodies all look alike, and Python renames them (TS `errors.XResponseBody`
 *    is `models.XEvalsResponseBody`, a title TS gives another error), so operations decide them before titles;
 * 3. references: a paired object's fields (and a union's members) line up with its twin's, so the models they
 *    reference at the same place are twins too; this follows every pair, new ones included;
 * 4. a title (case folded, `ErrorT` ↔ `Error`) that only one primary model has, with the same structure: first
 *    for the models no other model references, whose names the two generators derive alike, then for the rest;
 * 5. a shared title, for the one primary model whose structure is the title doc's;
 * 6. a structure that exactly one unpaired model on each side has;
 * 7. a title only one primary model has, for an object with another structure but at least half of its fields
 *    (the fields that do not line up are reported by the merge).
 *
 * Steps 2 and 4 to 7 are each followed by step 3. Inline models are named after where they sit, and the two
 * generators name some places differently (TS `TwoCacheControl` is Python `DeploymentGetConfig2CacheControl`, while
 * Python's `TwoCacheControl` is another model): references decide those before a lone title can.
 */
import { referencesOf, unreachable } from "../model/type-expr.js";
import type { Model, ModelGraph, ModelId, Operation, TypeExpr } from "../model/types.js";
import { alignFields, alignTypes, fieldKey, mergeType, type MergeSink } from "./merge-types.js";

export interface ModelPairs {
  /** Primary id → merged id. */
  twins: Map<ModelId, ModelId>;
  /** Merged models that stand for a literal of the primary docs (Python's one-value enum docs for TS `*"text"*`). */
  literals: Set<ModelId>;
}

export function pairModels(primary: ModelGraph, merged: ModelGraph): ModelPairs {
  const pairing = new Pairing(primary, merged);
  pairing.byId();
  pairing.byOperations(primary.operations ?? [], merged.operations ?? []);
  pairing.propagate();
  pairing.byUniqueTitle(true, true);
  pairing.propagate();
  pairing.byUniqueTitle(true, false);
  pairing.propagate();
  pairing.bySharedTitle();
  pairing.propagate();
  pairing.byStructure();
  pairing.propagate();
  pairing.byUniqueTitle(false, false);
  pairing.propagate();
  return { twins: pairing.twins, literals: pairing.literals };
}

class Pairing {
  readonly twins = new Map<ModelId, ModelId>();
  readonly literals = new Set<ModelId>();
  private readonly taken = new Set<ModelId>();
  /** Every pair, in the order made; those before `followed` had their references followed. */
  private readonly queue: [Model, Model][] = [];
  private followed = 0;
  private readonly primaryById: Map<ModelId, Model>;
  private readonly mergedById: Map<ModelId, Model>;
  private readonly mergedByTitle = new Map<string, Model[]>();

  constructor(
    private readonly primary: ModelGraph,
    private readonly merged: ModelGraph,
  ) {
    this.primaryById = new Map(primary.models.map((model) => [model.id, model]));
    this.mergedById = new Map(merged.models.map((model) => [model.id, model]));
    for (const model of merged.models) push(this.mergedByTitle, model.name.toLowerCase(), model);
  }

  byId(): void {
    for (const model of this.primary.models) {
      const same = this.mergedById.get(model.id);
      if (same) this.pair(model, same);
    }
  }

  /**
   * A title only one primary model has: of the same structure, or (`sameStructure` false) an object sharing half its
   * fields; with `rootsOnly`, only for models no other model references.
   */
  byUniqueTitle(sameStructure: boolean, rootsOnly: boolean): void {
    const referenced = rootsOnly ? new Set(this.primary.models.flatMap((model) => referencesOf(model).filter((id) => id !== model.id))) : new Set();
    for (const model of this.unpaired()) {
      if (referenced.has(model.id) || this.primaryByTitle().get(model.name.toLowerCase())!.length !== 1) continue;
      const fits = (twin: Model) => (sameStructure ? structureOf(twin) === structureOf(model) : sharesHalfTheFields(model, twin));
      const candidate = this.titleCandidates(model).find(fits);
      if (candidate) this.pair(model, candidate);
    }
  }

  /** Follows the references of every pair not followed yet, until no new pair appears. */
  propagate(): void {
    for (; this.followed < this.queue.length; this.followed++) {
      const [model, twin] = this.queue[this.followed]!;
      const sink: MergeSink = {
        ref: (a, b) => {
          const [p, m] = [this.primaryById.get(a), this.mergedById.get(b)];
          if (p && m && p.kind === m.kind) this.pair(p, m);
        },
        literal: (_, id) => this.literals.add(id),
        fact() {},
        mismatch() {},
      };
      if (model.kind === "object" && twin.kind === "object") {
        for (const [i, j] of alignFields(model.fields, twin.fields)) mergeType(model.fields[i]!.type, twin.fields[j]!.type, sink);
        if (model.additionalProperties && twin.additionalProperties) mergeType(model.additionalProperties, twin.additionalProperties, sink);
      } else if (model.kind === "union" && twin.kind === "union") {
        const members = twin.members.map((member) => member.type);
        const pairs = alignTypes(model.members.map((member) => member.type), members);
        pairs?.forEach((j, i) => j !== undefined && mergeType(model.members[i]!.type, members[j]!, sink));
      }
    }
  }

  /** Several primary models share a title: the title doc goes to the one it has the structure of, if only one. */
  bySharedTitle(): void {
    for (const model of this.unpaired()) {
      const candidate = this.titleCandidates(model).find((twin) => !this.taken.has(twin.id) && structureOf(twin) === structureOf(model));
      if (!candidate) continue;
      const rivals = (this.primaryByTitle().get(model.name.toLowerCase()) ?? []).filter((rival) => !this.twins.has(rival.id) && structureOf(rival) === structureOf(candidate));
      if (rivals.length === 1) this.pair(model, candidate);
    }
  }

  /** The same operation in both doc sets names its request and response models in the same order. */
  byOperations(primary: readonly Operation[], merged: readonly Operation[]): void {
    const mergedOps = new Map(merged.map((operation) => [operation.id, operation]));
    for (const operation of primary) {
      const twin = mergedOps.get(operation.id);
      if (!twin) continue;
      for (const side of ["request", "response"] as const) {
        if (operation[side].length !== twin[side].length) continue;
        operation[side].forEach((id, i) => {
          const [model, candidate] = [this.primaryById.get(id), this.mergedById.get(twin[side][i]!)];
          if (model && candidate && structureOf(model) === structureOf(candidate)) this.pair(model, candidate);
        });
      }
    }
  }

  /** A structure only one unpaired model has on each side. */
  byStructure(): void {
    const group = (models: Model[]) => {
      const groups = new Map<string, Model[]>();
      for (const model of models) push(groups, structureOf(model), model);
      return groups;
    };
    const mergedLeft = group(this.merged.models.filter((model) => !this.taken.has(model.id) && !this.literals.has(model.id)));
    for (const [structure, models] of group(this.unpaired())) {
      const candidates = mergedLeft.get(structure);
      if (models.length === 1 && candidates?.length === 1) this.pair(models[0]!, candidates[0]!);
    }
  }

  private pair(model: Model, twin: Model): void {
    if (this.twins.has(model.id) || this.taken.has(twin.id)) return;
    this.twins.set(model.id, twin.id);
    this.taken.add(twin.id);
    this.queue.push([model, twin]);
  }

  private unpaired(): Model[] {
    return this.primary.models.filter((model) => !this.twins.has(model.id));
  }

  /**
   * Merged models titled like `model`, case folded, then with a `T` added or dropped: TS appends it to names of JS
   * globals (`ErrorT` ↔ `Error`), old Python generators to names of Python ones (`EnumT` ↔ `Enum`).
   */
  private titleCandidates(model: Model): Model[] {
    const title = model.name.toLowerCase();
    const dropped = model.name.endsWith("T") ? (this.mergedByTitle.get(title.slice(0, -1)) ?? []) : [];
    const added = this.mergedByTitle.get(`${title}t`)?.filter((twin) => twin.name.endsWith("T")) ?? [];
    return [...(this.mergedByTitle.get(title) ?? []), ...dropped, ...added].filter((twin) => !this.taken.has(twin.id));
  }

  private byTitle: Map<string, Model[]> | undefined;
  private primaryByTitle(): Map<string, Model[]> {
    if (!this.byTitle) {
      this.byTitle = new Map();
      for (const model of this.primary.models) push(this.byTitle, model.name.toLowerCase(), model);
    }
    return this.byTitle;
  }
}

/** What a model is made of, in either flavour: field names (by key), enum values, or member shapes. */
export function structureOf(model: Model): string {
  switch (model.kind) {
    case "object":
      return `object:${model.fields.map((field) => fieldKey(field.name)).join(",")}${model.additionalProperties ? ",*" : ""}`;
    case "enum":
      return `enum:${JSON.stringify([...model.values].sort())}`;
    case "union":
      return `union:${model.members.map((member) => shapeOf(member.type)).join(",")}`;
  }
}

/**
 * A type with what the flavours spell differently left out: nullability, integer vs number, and which model is
 * referenced (a TS literal is a Python one-value enum doc).
 */
function shapeOf(type: TypeExpr): string {
  switch (type.kind) {
    case "primitive":
      return type.name === "integer" ? "number" : type.name;
    case "literal":
    case "ref":
      return "named";
    case "nullable":
      return shapeOf(type.type);
    case "array":
      return `${shapeOf(type.items)}[]`;
    case "map":
      return `{${shapeOf(type.values)}}`;
    case "stream":
      return `stream<${shapeOf(type.type)}>`;
    case "union":
      return `(${type.members.map(shapeOf).join("|")})`;
    default:
      return unreachable(type);
  }
}

function sharesHalfTheFields(model: Model, twin: Model): boolean {
  if (model.kind !== "object" || twin.kind !== "object") return false;
  const keys = new Set(twin.fields.map((field) => fieldKey(field.name)));
  const shared = model.fields.filter((field) => keys.has(fieldKey(field.name))).length;
  return shared * 2 >= Math.max(model.fields.length, twin.fields.length);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
