/** What the emitter writes beside each type: the knobs of `docschema generate` (see README "Validators"). */

export type ValidatorKind = "compiled" | "zod" | "none";
/** What a validator does with keys an object's docs do not list. */
export type UnknownKeys = "strip" | "passthrough" | "reject";
/** `instance`: a `Date` field holds a valid `Date`; `iso`: it holds an ISO-8601 string (the type becomes `string`). */
export type DatePolicy = "instance" | "iso";
/**
 * Where `null` is accepted. `docs`: only where the docs say nullable (Python `Nullable[...]`); `optional`: also on
 * optional fields whose nullability the docs do not state (all TS-flavoured fields), since APIs often send
 * `null` for an absent optional value. The types follow (`?: T | null`), so guards never lie.
 */
export type NullPolicy = "docs" | "optional";

export interface EmitOptions {
  validators: ValidatorKind;
  unknownKeys: UnknownKeys;
  dates: DatePolicy;
  nulls: NullPolicy;
}

export const DEFAULT_OPTIONS: EmitOptions = { validators: "compiled", unknownKeys: "passthrough", dates: "instance", nulls: "docs" };

export const OPTION_CHOICES = {
  validators: ["compiled", "zod", "none"],
  unknownKeys: ["strip", "passthrough", "reject"],
  dates: ["instance", "iso"],
  nulls: ["docs", "optional"],
} as const satisfies { [K in keyof EmitOptions]: readonly EmitOptions[K][] };
