/**
 * The names a model goes by in the output. A title is whatever a doc title may be (`Choice`, but also `class`,
 * `default`, `Date`, `isChoice`, `__proto__`), so each name is checked where it goes:
 * - the identifier it is declared under in its own file: the title, or `Title$` where the title cannot be one
 *   (a reserved word, a global the file uses, a name the emitters give their own code);
 * - the name it is exported under (and so listed by its namespace's barrel): the title, unless the title has a
 *   meaning of its own as an export name (`default`);
 * - the local name another file imports it under: the title within its namespace, `namespace_Title` otherwise,
 *   and never a name the importing file already uses.
 */

/** Words a module cannot declare, or that have a meaning of their own where the output is run (CommonJS wrappers). */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // JavaScript reserved words, in strict mode and in modules too.
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with".split(" "),
  ..."implements interface let package private protected public static yield await arguments eval".split(" "),
  // TypeScript's type keywords cannot name a type; `as` cannot name a type alias.
  ..."any unknown never string number boolean symbol object bigint undefined as".split(" "),
  // The parameters of the CommonJS module wrapper: declaring one is a SyntaxError once compiled to CommonJS.
  ..."require exports module __filename __dirname".split(" "),
  // A binding like any other, but an export of that name sets the prototype of CommonJS `exports`.
  "__proto__",
]);

/**
 * Globals the generated model files name (types, validators, zod schemas). A model titled like one of them would
 * shadow it: in its own file it is declared as `Title$` and exported as `Title`; other files import it under an alias.
 */
export const OUTPUT_GLOBALS: ReadonlySet<string> = new Set([
  "Array", "AsyncIterable", "Blob", "Date", "Number", "Object", "ReadableStream", "ReadonlySet", "Record", "Set", "Symbol", "Uint8Array",
]);

/**
 * Whether the emitters may give `name` to their own code in the file of the model declared as `own`, whatever the
 * titles of the models the file imports: parameters and locals of the validators' functions, zod's `z`, the
 * companion's guard, collector and copier (`isChoice`, `collectChoice`, `stripChoice`) and runtime imports
 * (`$schema`; no title has a `$`). The file's other helpers are named for what they check (`isStringArray`,
 * `petMembers`, ../validators/lib.ts) and take names the file does not use yet, so titles need not avoid them.
 * names.test.ts checks every declaration of generated files against both rules.
 */
export function emitterName(name: string, own: string): boolean {
  return EMITTER_LOCALS.has(name) || COMPANION_PREFIXES.some((prefix) => name === `${prefix}${own}`) || name.startsWith("$");
}
const EMITTER_LOCALS: ReadonlySet<string> = new Set(["v", "x", "e", "k", "i", "o", "value", "path", "issues", "z"]);
const COMPANION_PREFIXES: readonly string[] = ["is", "collect", "strip"];

/** Export names with a meaning of their own, and what it is. */
const UNEXPORTABLE: ReadonlyMap<string, string> = new Map([
  ["default", "it names the module's default export, which barrels do not re-export"],
  ["__proto__", "compiled to CommonJS, it would set the prototype of `exports`"],
]);

/** Whether a model may be declared as `name` in the file of the model declared as `own`. */
function usable(name: string, own: string): boolean {
  return !RESERVED_WORDS.has(name) && !OUTPUT_GLOBALS.has(name) && !emitterName(name, own);
}

/** The identifier a model is declared under in its own file: its title, or `Title$` (no title has a `$`). */
export function identifierOf(model: { name: string }): string {
  return usable(model.name, model.name) ? model.name : `${model.name}$`;
}

/** The name a model is exported under: its title, or its identifier when the title cannot be an export name. */
export function exportNameOf(model: { name: string }): string {
  return UNEXPORTABLE.has(model.name) ? identifierOf(model) : model.name;
}

/** Why a model is exported under another name than its title; undefined when it is not. */
export function renamedExport(model: { id: string; name: string }): string | undefined {
  const why = UNEXPORTABLE.get(model.name);
  return why && `${model.id} is exported as ${exportNameOf(model)}: "${model.name}" cannot be an export name (${why})`;
}

/** A namespace as an identifier: the root barrel's `export * as components`, the prefix of import aliases. */
export function namespaceIdentifier(namespace: string): string {
  const name = namespace.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * The local names of one file: its own model's identifier and companion functions, then each imported model's name
 * as it is claimed. `claim` takes the names in order of preference and returns the first one the file can use,
 * or the last one made unique.
 */
export function fileScope(own: { name: string }): { claim(preferred: readonly string[]): string } {
  const identifier = identifierOf(own);
  const taken = new Set([identifier]);
  const free = (name: string): boolean => usable(name, identifier) && !taken.has(name);
  return {
    claim(preferred) {
      const name = preferred.find(free) ?? unique(preferred[preferred.length - 1]!, free);
      taken.add(name);
      return name;
    },
  };
}

/** `name`, or the first of `name$`, `name$2`, `name$3` … that `free` accepts. */
export function unique(name: string, free: (name: string) => boolean): string {
  let candidate = name;
  for (let n = 1; !free(candidate); n++) candidate = n === 1 ? `${name}$` : `${name}$${n}`;
  return candidate;
}
