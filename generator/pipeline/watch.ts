/**
 * `generate --watch`: one normal run per target, then the docs, the graph, the layout, the file keys and the printer
 * stay in memory, and each doc edit costs one parse, the resolution of the edited models, the printing of their
 * files and of the files that reference them (./incremental/plan.ts keys decide which), `schema.json` from kept
 * per-model text (./watch-snapshot.ts), and an atomic swap of the output (./watch-output.ts).
 *
 * An edit that keeps every doc's model id (the usual one) takes that fast path. Anything else (a doc added,
 * removed or renamed, a title changed, the operation docs, a folder moved, a lost event) reloads the folder the way
 * a normal run does, from the parses in memory. Docs with errors write nothing: the last good output stays, the
 * session goes on. The output folders stay locked until `close()`, which removes every folder the session made.
 */
import { statSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { AsyncSubscription, Event } from "@parcel/watcher";
import { createResolver, flattenUnionCycles, type Resolver } from "../build/index.js";
import type { EmitOptions } from "../emit/options.js";
import { SCHEMA_FILE, plainFiles } from "../emit/plain-files.js";
import { compareDiagnostics, hasErrors } from "../model/diagnostics.js";
import { compareIds, referencesOf } from "../model/type-expr.js";
import type { Diagnostic, Model, ModelGraph, ModelId } from "../model/types.js";
import type { OutputFile } from "../emit/output.js";
import { loadVerifiedManifest, saveManifest, type ManifestEntry } from "./cache/emit-manifest.js";
import { saveParseCache, type CachedParse } from "./cache/parse-cache.js";
import { generatorVersion } from "./cache/version.js";
import type { ResolvedTarget } from "./config.js";
import { emitOptionsOf, generateLocked } from "./generate.js";
import type { GenerateResult } from "./results.js";
import { sha256 } from "./hash.js";
import { createKeyer, outputKeyOf, planIncremental } from "./incremental/plan.js";
import { loadGraph, type FolderParses } from "./load.js";
import { acquireLock, type Lock } from "./lock.js";
import { InputError } from "./errors.js";
import { claimOutput, recoverInterrupted } from "./output.js";
import { sdksBeside } from "./operations-folder.js";
import { runParseJob } from "./parse-job.js";
import { LiveOutput, type LiveFile } from "./watch-output.js";
import { SnapshotText } from "./watch-snapshot.js";
import type { Layout } from "../emit/layout.js";

export interface WatchOptions {
  /** Folder of the parse and emit caches; kept up to date while idle, so the next normal run is incremental. */
  cacheDir?: string | undefined;
  /** Worker threads for the first run. */
  workers?: number | undefined;
  /** Called for everything the session does; it never throws for a doc error. */
  onEvent: (event: WatchEvent) => void;
  /** Called once when another run holds an output folder and the session waits for it. */
  onWait?: ((owner: string) => void) | undefined;
}

export type WatchEvent =
  /** The first run of a target is done (written, or failed on doc errors: the session watches all the same). */
  | { kind: "ready"; target: ResolvedTarget; result: GenerateResult }
  /** A target's output follows the docs again: `written` files replaced, `removed` deleted (both 0: nothing changed). */
  | { kind: "updated"; target: ResolvedTarget; docs: string[]; written: number; removed: number; ms: number; diagnostics: Diagnostic[] }
  /** The docs have errors: nothing was written, the last good output stays. */
  | { kind: "failed"; input: string; docs: string[]; diagnostics: Diagnostic[] }
  /** The input folder is gone (moved, deleted): the session waits for a folder at that path. */
  | { kind: "waiting"; input: string }
  /** Writing or reading failed (permissions, space); the next change tries again. */
  | { kind: "error"; input: string; message: string };

export interface Watcher {
  /** Stops watching, waits for an update in progress, saves the caches, removes the spare folders, releases the locks. */
  close(): Promise<void>;
}

/** How long to wait for the rest of a burst of events (an editor's save is several) before updating. */
const SETTLE_MS = 10;
/** How often the input folder itself is looked at: a folder renamed or replaced sends no event of its own. */
const ROOT_CHECK_MS = 500;
/** Caches are saved once the session has been idle this long. */
const SAVE_AFTER_MS = 5000;

export async function watch(targets: readonly ResolvedTarget[], options: WatchOptions): Promise<Watcher> {
  // The session keeps one doc set's parses and graph; a merged graph or unknown-type downgrades are not kept up to date.
  const unsupported = targets.find((target) => target.merge !== undefined || target.unknownTypes === "unknown");
  if (unsupported) throw new InputError(`watch mode does not support ${unsupported.merge !== undefined ? "merge" : "unknownTypes: unknown"} yet (target ${unsupported.name}): run generate without --watch`);
  const locks: Lock[] = [];
  const sessions: InputSession[] = [];
  try {
    for (const target of targets) {
      await claimOutput(target.out, target.input);
      locks.push(await acquireLock(target.out, { onWait: options.onWait }));
      await recoverInterrupted(target.out);
      await claimOutput(target.out, target.input);
    }
    const byInput = new Map<string, ResolvedTarget[]>();
    for (const target of targets) byInput.set(path.resolve(target.input), [...(byInput.get(path.resolve(target.input)) ?? []), target]);
    for (const [input, group] of byInput) sessions.push(await InputSession.start(input, group, options));
  } catch (error) {
    await Promise.all(sessions.map((session) => session.close()));
    await Promise.all(locks.map((lock) => lock.release()));
    throw error;
  }
  return {
    async close() {
      await Promise.all(sessions.map((session) => session.close()));
      await Promise.all(locks.map((lock) => lock.release()));
    },
  };
}

/** The last graph that built without errors, and what the fast path needs of it. */
interface GoodState {
  graph: ModelGraph;
  /** `graph.models` as resolved, before unions that contain each other were flattened (../build/union-cycles.ts). */
  resolved: Model[];
  /** Its diagnostics: warnings only (a good state has no errors). */
  diagnostics: Diagnostic[];
  resolver: Resolver;
  /** Model id of each doc that has one. */
  idOfFile: Map<string, ModelId>;
  /** Position of each model in `graph.models`. */
  indexOf: Map<ModelId, number>;
  /** Models referencing each model directly. */
  referrers: Map<ModelId, Set<ModelId>>;
}

class InputSession {
  private subscriptions: AsyncSubscription[] = [];
  private root: Stats | undefined;
  private timer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  /** Docs changed since the last good state; `reload`: the folder must be read again as a whole. */
  private pending = new Set<string>();
  private reload = false;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  /** The last update found errors: the pending docs must be built again even if nothing else changes. */
  private failed = false;
  /** Docs changed since the parse cache was saved. */
  private unsaved = new Set<string>();

  private constructor(
    private readonly input: string,
    private readonly options: WatchOptions,
    private parses: FolderParses,
    private good: GoodState | undefined,
    private readonly outputs: TargetOutput[],
  ) {}

  static async start(input: string, targets: readonly ResolvedTarget[], options: WatchOptions): Promise<InputSession> {
    const { cacheDir, workers } = options;
    const loaded = await loadGraph(input, { cacheDir, workers });
    const outputs: TargetOutput[] = [];
    for (const target of targets) {
      const result = await generateLocked(target.input, { ...target, cacheDir, workers, seed: loaded.parses });
      options.onEvent({ kind: "ready", target, result });
    }
    const good = hasErrors(loaded.diagnostics) ? undefined : goodState(loaded.graph, loaded.diagnostics, loaded.parses);
    for (const target of targets) outputs.push(await TargetOutput.open(target, good?.graph, loaded.parses, cacheDir));
    const session = new InputSession(input, options, loaded.parses, good, outputs);
    // What an edit needs, loaded now rather than on the first edit: the parser (remark) came with parse-job.js.
    await import("../emit/index.js");
    await session.subscribe();
    session.timer = setInterval(() => void session.checkRoot(), ROOT_CHECK_MS);
    for (const output of outputs) void output.live.prepare().catch(() => undefined);
    return session;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.saveTimer);
    await Promise.all(this.subscriptions.map((subscription) => subscription.unsubscribe()));
    await this.running;
    await this.saveCaches();
    await Promise.all(this.outputs.map((output) => output.live.dispose()));
  }

  private async subscribe(): Promise<void> {
    const { subscribe } = await import("@parcel/watcher");
    this.root = statSync(this.input, { throwIfNoEntry: false });
    const folders = [this.input, sdksBeside(this.input)].filter((folder): folder is string => folder !== undefined);
    for (const folder of folders) {
      this.subscriptions.push(
        await subscribe(folder, (error, events) => {
          if (error) this.changed([], true); // events were lost: read the folder again
          else this.changed(events, folder !== this.input);
        }),
      );
    }
  }

  /** Events in: model docs go on the list, anything that may move many docs at once asks for a reload. */
  private changed(events: readonly Event[], reload: boolean): void {
    if (this.closed) return;
    this.reload ||= reload;
    for (const event of events) {
      const file = path.relative(this.input, event.path).split(path.sep).join("/");
      if (file.split("/").some((part) => part.startsWith("."))) continue;
      if (file.endsWith(".md")) this.pending.add(file);
      // A folder created, deleted or moved in or out: its docs send no events of their own. Other files (an
      // editor's swap and test files) are not docs.
      else if (event.type !== "update" && (this.isDocFolder(file) || statSync(event.path, { throwIfNoEntry: false })?.isDirectory())) this.reload = true;
    }
    this.schedule();
  }

  private isDocFolder(folder: string): boolean {
    const prefix = `${folder}/`;
    for (const file of this.parses.docs.keys()) if (file.startsWith(prefix)) return true;
    return false;
  }

  private schedule(): void {
    if (this.pending.size === 0 && !this.reload) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        await this.update().catch((error: unknown) => this.options.onEvent({ kind: "error", input: this.input, message: (error as Error).message }));
      } while (this.again && !this.closed);
      this.running = undefined;
    })();
  }

  /** A folder renamed or replaced under the session sends no event: compare the folder with the one subscribed. */
  private async checkRoot(): Promise<void> {
    if (this.closed) return;
    const now = await stat(this.input).catch(() => undefined);
    if (now && this.root && now.ino === this.root.ino && now.dev === this.root.dev) return;
    if (!now) {
      if (this.root) this.options.onEvent({ kind: "waiting", input: this.input });
      this.root = undefined;
      await this.unsubscribe();
      return;
    }
    await this.unsubscribe();
    await this.subscribe();
    this.reload = true;
    this.schedule();
  }

  private async unsubscribe(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe().catch(() => undefined)));
  }

  private async update(): Promise<void> {
    await this.checkRoot(); // the events may be those of the folder itself moving away
    if (this.closed || !this.root) return;
    const started = performance.now();
    const files = [...this.pending].sort(compareIds);
    const reparsed = this.reparse(files);
    let built: GoodState | { failed: Diagnostic[] };
    let changedIds: Set<ModelId> | "all";
    // Every pending doc, not only those read again now: one left over from a failed update may have changed its title.
    const fast = !this.reload && this.good && files.every((file) => this.keepsItsModel(file));
    if (fast && this.good) {
      if (reparsed.length === 0) {
        if (!this.failed) for (const file of files) this.pending.delete(file); // touched, not changed
        return;
      }
      ({ built, changedIds } = rebuild(this.good, this.parses, new Set(files)));
    } else {
      // The folder as a normal run reads it, from the parses in memory: docs whose bytes did not change are not parsed again.
      this.reload = false;
      const loaded = await loadGraph(this.input, { seed: this.parses, workers: 1 });
      for (const file of new Set([...loaded.parses.docs.keys(), ...this.parses.docs.keys()])) {
        if (this.parses.docs.get(file)?.hash !== loaded.parses.docs.get(file)?.hash) this.unsaved.add(file);
      }
      this.parses = loaded.parses;
      built = hasErrors(loaded.diagnostics) ? { failed: loaded.diagnostics } : goodState(loaded.graph, loaded.diagnostics, loaded.parses);
      changedIds = "all";
    }
    this.failed = "failed" in built;
    if ("failed" in built) {
      this.options.onEvent({ kind: "failed", input: this.input, docs: files, diagnostics: built.failed });
      return;
    }
    for (const output of this.outputs) {
      const { written, removed } = await output.update(built.graph, changedIds, this.parses.docs, built.referrers);
      this.options.onEvent({ kind: "updated", target: output.target, docs: files, written, removed, ms: performance.now() - started, diagnostics: built.diagnostics });
    }
    this.good = built;
    // Events that came in during the update stay pending for the next one.
    for (const file of files) this.pending.delete(file);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCaches(), SAVE_AFTER_MS);
  }

  /** Reads the pending docs again; returns those whose bytes changed (the others were only touched). */
  private reparse(files: readonly string[]): string[] {
    const docs = this.parses.docs as Map<string, CachedParse>;
    const changed: string[] = [];
    for (const file of files) {
      const now = statSync(path.join(this.input, file), { throwIfNoEntry: false });
      const known = docs.get(file);
      if (!now?.isFile()) {
        if (known) changed.push(file);
        continue;
      }
      if (known && known.size === now.size && known.mtimeMs === now.mtimeMs) continue;
      const result = runParseJob(this.input, { file, ...(known ? { cachedHash: known.hash } : {}) });
      if (result.unreadable) {
        changed.push(file);
        continue;
      }
      docs.set(file, { size: now.size, mtimeMs: now.mtimeMs, hash: result.hash, doc: result.doc ?? known!.doc });
      if (result.doc) {
        changed.push(file);
        this.unsaved.add(file);
      }
    }
    return changed;
  }

  /** The doc existed in the good state and still defines the model it did: resolving it alone is enough. */
  private keepsItsModel(file: string): boolean {
    const id = this.good!.idOfFile.get(file);
    const now = this.parses.docs.get(file);
    return id !== undefined && now !== undefined && now.doc.model?.id === id && statSync(path.join(this.input, file), { throwIfNoEntry: false })?.isFile() === true;
  }

  private async saveCaches(): Promise<void> {
    const { cacheDir } = this.options;
    if (!cacheDir) return;
    const warnings: string[] = [];
    if (this.unsaved.size > 0) {
      await saveParseCache(cacheDir, this.input, this.parses.docs as Map<string, CachedParse>, this.unsaved, warnings);
      this.unsaved.clear();
    }
    for (const output of this.outputs) await output.saveManifest(cacheDir, warnings);
  }
}

function goodState(graph: ModelGraph, diagnostics: Diagnostic[], parses: FolderParses): GoodState {
  const docs = [...parses.docs.values()].map((known) => known.doc);
  const idOfFile = new Map<string, ModelId>();
  for (const doc of docs) if (doc.model) idOfFile.set(doc.file, doc.model.id);
  const referrers = new Map<ModelId, Set<ModelId>>();
  for (const model of graph.models) for (const id of referencesOf(model)) referrers.get(id)?.add(model.id) ?? referrers.set(id, new Set([model.id]));
  const resolver = createResolver(docs);
  // Only unions are flattened: resolving them again gives the models before flattening.
  const resolved = graph.models.map((model) => (model.kind === "union" ? resolver.resolve(parses.docs.get(model.source.file)!.doc.model!).model : model));
  return { graph, resolved, diagnostics, resolver, idOfFile, indexOf: new Map(graph.models.map((model, i) => [model.id, i])), referrers };
}

/**
 * The fast path: every changed doc still defines the model it did, so the index is the same and only their
 * models are resolved again; everything else of the good state carries over. When a union changed, the unions
 * that contain each other are flattened again, as the graph builder does, and those whose flattening changed count
 * as changed too.
 */
function rebuild(good: GoodState, parses: FolderParses, files: ReadonlySet<string>): { built: GoodState | { failed: Diagnostic[] }; changedIds: Set<ModelId> } {
  const resolved = [...good.resolved];
  const diagnostics = good.diagnostics.filter((d) => !files.has(d.file));
  const changedIds = new Set<ModelId>();
  let unions = false;
  for (const file of files) {
    const doc = parses.docs.get(file)!.doc;
    const result = good.resolver.resolve(doc.model!);
    diagnostics.push(...doc.diagnostics, ...result.diagnostics);
    const at = good.indexOf.get(result.model.id)!;
    unions ||= result.model.kind === "union" || resolved[at]!.kind === "union";
    resolved[at] = result.model;
    changedIds.add(result.model.id);
  }
  // Without a union among them, the flattened unions stand: the changed models replace theirs in the graph as it is.
  let models = good.graph.models.map((model, i) => (changedIds.has(model.id) ? resolved[i]! : model));
  if (unions) {
    models = flattenUnionCycles(resolved, diagnostics);
    models.forEach((model, i) => {
      const before = good.graph.models[i]!;
      if (model.kind === "union" && model !== before && JSON.stringify(model) !== JSON.stringify(before)) changedIds.add(model.id);
    });
  }
  diagnostics.sort(compareDiagnostics);
  if (hasErrors(diagnostics)) return { built: { failed: diagnostics }, changedIds };
  // Copy on write: the good state stays whole should the build fail.
  const referrers = new Map(good.referrers);
  const edit = (id: ModelId): Set<ModelId> => {
    const copy = new Set(referrers.get(id));
    referrers.set(id, copy);
    return copy;
  };
  for (const id of changedIds) {
    const at = good.indexOf.get(id)!;
    for (const ref of referencesOf(good.graph.models[at]!)) edit(ref).delete(id);
    for (const ref of referencesOf(models[at]!)) edit(ref).add(id);
  }
  const graph = { ...good.graph, models };
  return { built: { ...good, graph, resolved, diagnostics, referrers }, changedIds };
}

/** An entry for a file not written by this session yet: its text is unknown, so it is written when printed. */
const UNWRITTEN: ManifestEntry = { hash: "", size: -1, mtimeMs: -1 };

/** One target's output during the session: its keys, the hashes of its files, and the folder. */
class TargetOutput {
  private layout: Layout | undefined;
  private snapshot: SnapshotText | undefined;
  private graph: ModelGraph | undefined;
  private dirty = false;


  private constructor(
    readonly target: ResolvedTarget,
    readonly live: LiveOutput,
    private readonly options: EmitOptions,
    private readonly salt: string,
    /** Per output file: its key (model files and barrels) and the hash of its text, as the emit manifest keeps them. */
    private readonly entries: Map<string, ManifestEntry>,
  ) {}

  static async open(target: ResolvedTarget, graph: ModelGraph | undefined, parses: FolderParses, cacheDir: string | undefined): Promise<TargetOutput> {
    const options = emitOptionsOf(target);
    const live = await LiveOutput.open(target.out);
    const manifest = cacheDir && target.emit === "typescript" ? await loadVerifiedManifest(cacheDir, target.out, []) : undefined;
    const entries = new Map(manifest?.files);
    const output = new TargetOutput(target, live, options, `${generatorVersion()}\0${JSON.stringify(options)}`, entries);
    if (graph && target.emit === "typescript") output.plan(graph, parses.docs);
    if (graph && target.emit === "json-schema") await output.hashJsonSchema(graph);
    return output;
  }

  /**
   * Keys of every file of `graph` (the whole plan of a normal incremental run); returns the files whose key changed
   * and every file the output now consists of.
   */
  private plan(graph: ModelGraph, docs: FolderParses["docs"]): { selected: Set<string>; expected: Set<string> } {
    const plan = planIncremental(graph, { outputKey: "", intact: false, files: this.entries }, this.salt, docs);
    const selected = new Set([...plan.keys.keys()].filter(plan.include));
    const expected = new Set([...plan.keys.keys(), SCHEMA_FILE, ...plainFiles(graph, this.options, (file) => file !== SCHEMA_FILE).map((file) => file.path)]);
    for (const file of [...this.entries.keys()]) if (!expected.has(file)) this.entries.delete(file);
    for (const [file, key] of plan.keys) this.entries.set(file, { ...(this.entries.get(file) ?? UNWRITTEN), key });
    this.layout = plan.layout;
    this.snapshot = new SnapshotText(graph);
    this.graph = graph;
    return { selected, expected };
  }

  async update(graph: ModelGraph, changedIds: Set<ModelId> | "all", docs: FolderParses["docs"], referrers: ReadonlyMap<ModelId, ReadonlySet<ModelId>>): Promise<{ written: number; removed: number }> {
    if (this.target.emit === "json-schema") return this.updateJsonSchema(graph);
    let selected = new Set<string>();
    let removed: string[] = [];
    let snapshotChanged = true;
    if (changedIds === "all" || !this.layout || !this.snapshot) {
      const plan = this.plan(graph, docs);
      selected = plan.selected;
      removed = [...this.live.paths()].filter((file) => !plan.expected.has(file));
    } else {
      const changed = graph.models.filter((model) => changedIds.has(model.id));
      for (const model of changed) this.layout.models.set(model.id, model);
      // A keyer of the docs as they are now (a reload replaces the map): it fingerprints only the models asked for.
      const keyer = createKeyer(this.layout, this.salt, docs);
      // A model's file depends on the model and on the models it references: reprint the changed ones and their referrers.
      const affected = new Set(changedIds);
      for (const id of changedIds) for (const from of referrers.get(id) ?? []) affected.add(from);
      for (const id of affected) {
        const file = this.layout.files.get(id);
        if (!file) continue;
        const key = keyer.key(this.layout.models.get(id)!, file);
        if (this.entries.get(file)?.key !== key) selected.add(file);
        this.entries.set(file, { ...(this.entries.get(file) ?? UNWRITTEN), key });
      }
      snapshotChanged = this.snapshot.update(changed) || graph.operations !== this.graph?.operations;
      this.graph = graph;
    }
    const { emitFiles } = await import("../emit/index.js");
    const printed = emitFiles(graph, this.options, (file) => selected.has(file), this.layout).files;
    const files: LiveFile[] = [...printed, ...plainFiles(graph, this.options, (file) => file !== SCHEMA_FILE && !this.live.paths().has(file))];
    if (snapshotChanged) files.push({ path: SCHEMA_FILE, content: this.snapshot!.pieces(graph) });
    return this.write(files, removed);
  }

  /** The hashes of the JSON Schema files the first run wrote, so that an edit rewrites only the files it changes. */
  private async hashJsonSchema(graph: ModelGraph): Promise<void> {
    for (const file of await this.jsonSchemaFiles(graph)) this.entries.set(file.path, { ...UNWRITTEN, hash: sha256(file.content) });
  }

  private async jsonSchemaFiles(graph: ModelGraph): Promise<OutputFile[]> {
    const { jsonSchemaFiles } = await import("../emit/json-schema/files.js");
    return jsonSchemaFiles(graph, this.options, this.target.jsonSchema).files;
  }

  private async updateJsonSchema(graph: ModelGraph): Promise<{ written: number; removed: number }> {
    const files = await this.jsonSchemaFiles(graph);
    const expected = new Set(files.map((file) => file.path));
    return this.write(files, [...this.live.paths()].filter((file) => !expected.has(file)));
  }

  /** Writes the files whose text differs from what the output holds, and removes `removed`. */
  private async write(files: readonly LiveFile[], removed: readonly string[]): Promise<{ written: number; removed: number }> {
    const changed: (LiveFile & { hash: string })[] = [];
    for (const file of files) {
      // schema.json changed when a model's text did; its 36 MB are not hashed (its manifest entry says "unknown",
      // so the next normal run that prints it writes it).
      const hash = typeof file.content === "string" ? sha256(file.content) : "";
      if (hash === "" || this.entries.get(file.path)?.hash !== hash || !this.live.paths().has(file.path)) changed.push({ ...file, hash });
    }
    if (changed.length === 0 && removed.length === 0) return { written: 0, removed: 0 };
    const stats = await this.live.update(changed, removed);
    for (const file of changed) {
      const now = stats.get(file.path)!;
      this.entries.set(file.path, { key: this.entries.get(file.path)?.key, hash: file.hash, size: now.size, mtimeMs: now.mtimeMs });
    }
    for (const file of removed) this.entries.delete(file);
    this.dirty = true;
    return { written: changed.length, removed: removed.length };
  }

  /** Records what the session wrote, so that the next normal run starts from it. */
  async saveManifest(cacheDir: string, warnings: string[]): Promise<void> {
    if (!this.dirty || this.target.emit !== "typescript" || !this.graph) return;
    const keys = new Map([...this.entries].flatMap(([file, entry]): [string, string][] => (entry.key === undefined ? [] : [[file, entry.key]])));
    const files = new Map([...this.entries].filter(([, entry]) => entry.size >= 0).sort(([a], [b]) => compareIds(a, b)));
    await saveManifest(cacheDir, this.target.out, { outputKey: outputKeyOf(this.graph, keys, this.salt), files }, warnings);
    this.dirty = false;
  }
}
