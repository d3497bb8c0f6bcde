/**
 * `schema.json` for a watch session: the same bytes as serializeGraph (../model/json.ts), made from the encoded
 * text of each model, which is kept: an edit re-serialises the models it changed and the file is written from the
 * pieces (one writev), never joined into one 36 MB string.
 */
import { serializeGraph } from "../model/json.js";
import type { Model, ModelGraph, ModelId } from "../model/types.js";

const HOLE = "\u0000models\u0000";
const SEPARATOR = Buffer.from(",\n");

export class SnapshotText {
  private readonly chunks = new Map<ModelId, Buffer>();

  constructor(graph: ModelGraph) {
    for (const model of graph.models) this.chunks.set(model.id, chunkOf(model));
  }

  /** Takes the new text of `models`; returns whether any of them changed. */
  update(models: Iterable<Model>): boolean {
    let changed = false;
    for (const model of models) {
      const chunk = chunkOf(model);
      if (!this.chunks.get(model.id)?.equals(chunk)) changed = true;
      this.chunks.set(model.id, chunk);
    }
    return changed;
  }

  /** The snapshot of `graph` as pieces to write in order; every model of it must have been given (constructor or update). */
  pieces(graph: ModelGraph): Uint8Array[] {
    if (graph.models.length === 0) return [Buffer.from(serializeGraph(graph))];
    const skeleton = serializeGraph({ ...graph, models: [HOLE as unknown as Model] });
    const hole = `    ${JSON.stringify(HOLE)}`;
    const at = skeleton.indexOf(hole);
    const pieces: Uint8Array[] = [Buffer.from(skeleton.slice(0, at))];
    for (const [i, model] of graph.models.entries()) {
      if (i > 0) pieces.push(SEPARATOR);
      pieces.push(this.chunks.get(model.id)!);
    }
    pieces.push(Buffer.from(skeleton.slice(at + hole.length)));
    return pieces;
  }
}

/** A model as it stands inside the snapshot: an element of `models`, two levels deep. */
function chunkOf(model: Model): Buffer {
  return Buffer.from(`    ${JSON.stringify(model, null, 2).replaceAll("\n", "\n    ")}`);
}
