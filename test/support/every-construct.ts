/** A model graph of every construct the emitters handle, for tests that look at all of them at once. */
import { enumModel, field, object, prim, ref, union } from "../helpers/graph.js";
import type { Model, TypeExpr } from "../../generator/model/types.js";

const optional = { required: false };
const array = (items: TypeExpr): TypeExpr => ({ kind: "array", items });
const map = (values: TypeExpr): TypeExpr => ({ kind: "map", values });
const nullable = (type: TypeExpr): TypeExpr => ({ kind: "nullable", type });
const inline = (...members: TypeExpr[]): TypeExpr => ({ kind: "union", members });

/** Every kind of type expression and model, in the `synthetic` namespace. */
export const EVERY_CONSTRUCT: Model[] = [
  object("synthetic.Everything", [
    field("text", prim("string")),
    field("count", prim("integer"), optional),
    field("ratio", prim("number"), { nullable: true }),
    field("flag", prim("boolean"), optional),
    field("anything", prim("any")),
    field("maybe", prim("any"), optional),
    field("when", prim("datetime"), optional),
    field("file", prim("binary"), optional),
    field("day", prim("date"), optional),
    field("big", prim("bigint"), optional),
    field("exact", prim("decimal"), optional),
    field("unspelled", prim("unknown"), optional),
    field("events", { kind: "stream", type: ref("synthetic.Node") }, optional),
    field("kind", { kind: "literal", value: "everything" }),
    field("version", { kind: "literal", value: 2 }, optional),
    field("tags", array(nullable(prim("string"))), optional),
    field("matrix", array(array(prim("number"))), optional),
    field("scores", map(prim("number")), optional),
    field("loose", map(prim("any")), optional),
    field("nodes", map(ref("synthetic.Node")), optional),
    field("either", inline(prim("string"), array(ref("synthetic.Node")), { kind: "literal", value: false }), optional),
    field("shape", ref("synthetic.Shape"), optional),
    field("level", ref("synthetic.Level"), optional),
    field("code", ref("synthetic.Code"), optional),
    field("size", ref("synthetic.Size"), optional),
    field("constructor", prim("string"), optional),
    field("toString", prim("string"), optional),
  ]),
  object("synthetic.Node", [field("name", prim("string")), field("children", array(ref("synthetic.Node")), optional), field("value", ref("synthetic.Value"), optional)]),
  union("synthetic.Value", [prim("string"), prim("number"), nullable(array(ref("synthetic.Value"))), map(ref("synthetic.Value"))]),
  object("synthetic.Circle", [field("type", { kind: "literal", value: "circle" }), field("radius", prim("number"))]),
  object("synthetic.Square", [field("type", ref("synthetic.SquareType")), field("side", prim("number")), field("label", prim("string"), optional)]),
  object("synthetic.Blob", [field("type", { kind: "literal", value: "blob" }, { nullable: true }), field("points", array(prim("number")))]),
  enumModel("synthetic.SquareType", ["square"]),
  union("synthetic.Shape", [ref("synthetic.Circle"), ref("synthetic.Square"), ref("synthetic.Blob")]),
  union("synthetic.Tagged", [ref("synthetic.Circle"), ref("synthetic.Square")]),
  enumModel("synthetic.Level", ["low", "high"], { open: true }),
  enumModel("synthetic.Code", [100, 200]),
  enumModel("synthetic.Size", ["xs", "s", "m", "l", "xl", "xxl", "3xl", "4xl", "5xl"]),
  object("synthetic.Open", [field("id", prim("string")), field("__proto__", prim("string"), optional)], { additionalProperties: prim("integer") }),
  object("synthetic.Empty", []),
];
