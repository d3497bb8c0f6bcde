/**
 * A change's fingerprint: a hash of what it is (the model or operation, the kind of change, where in it, before and
 * after), never of where the docs put it or what severity a policy gives it, so it survives unrelated edits and
 * policy changes. A baseline names accepted changes by it.
 */
import { createHash } from "node:crypto";
import type { ModelId } from "../model/types.js";
import type { RawChange } from "./types.js";

export function fingerprintOf(scope: "model" | "operation", id: ModelId, renamedFrom: ModelId | undefined, change: RawChange): string {
  const key = [scope, id, renamedFrom ?? "", change.kind, change.via ?? "", change.subject ?? "", change.required ?? "", change.before ?? "", change.after ?? ""];
  return createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
}
