/**
 * `schema.json` for a watch session: the same bytes as serializeGraph (../model/json.ts), made from a text per model
 * that is kept, so an edit re-serialises the models it changed, not 36 MB of JSON.
 */
import { serializeGraph } from "../model/json.js";
import type { Model, ModelGraph, ModelId } from "../model/types.js";

const HOLE = "\u0000models\u0000";

export class SnapshotText {
  private readonly chunks = new Map<ModelId, string>();

  constructor(graph: ModelGraph) {
    for (const model of graph.models) this.chunks.set(model.id, chunkOf(model));
  }

  /** Takes the new text of `models`; returns whether any of them changed. */
  update(models: Iterable<Model>): boolean {
    let changed = false;
    for (const model of models) {
      const chunk = chunkOf(model);
      if (this.chunks.get(model.id) !== chunk) changed = true;
      this.chunks.set(model.id, chunk);
    }
    return changed;
  }

  /** The snapshot of `graph`, whose models must all have been given (constructor or update). */
  text(graph: ModelGraph): string {
    if (graph.models.length === 0) return serializeGraph(graph);
    const skeleton = serializeGraph({ ...graph, models: [HOLE as unknown as Model] });
    const hole = `    ${JSON.stringify(HOLE)}`;
    const at = skeleton.indexOf(hole);
    return `${skeleton.slice(0, at)}${graph.models.map((model) => this.chunks.get(model.id)!).join(",\n")}${skeleton.slice(at + hole.length)}`;
  }
}

/** A model as it stands inside the snapshot: an element of `models`, two levels deep. */
function chunkOf(model: Model): string {
  return `    ${JSON.stringify(model, null, 2).replaceAll("\n", "\n    ")}`;
}
