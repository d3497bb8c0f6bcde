/** What the emitter writes beside each type: the knobs of `docschema generate` (see README "Validators"). */

export type ValidatorKind = "compiled" | "zod" | "none";
/** What a validator does with keys an object's docs do not list. */
export type UnknownKeys = "strip" | "passthrough" | "reject";
/** `instance`: a `Date` field holds a valid `Date`; `iso`: it holds an ISO-8601 string (the type becomes `string`). */
export type DatePolicy = "instance" | "iso";
/**
 * Where `null` is accepted. Python-flavoured docs state nullability (`Nullable[...]`); TS-flavoured docs never do.
 * `docs`: only where the docs say nullable; `optional`: also on optional fields of unstated nullability (APIs
 * often send `null` for an absent value); `unstated`: on every field of unstated nullability, required ones too
 * (the TS twin of a Python `Nullable[T]` field). The types follow (`T | null`), so guards never lie.
 */
export type NullPolicy = "docs" | "optional" | "unstated";

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
  nulls: ["docs", "optional", "unstated"],
} as const satisfies { [K in keyof EmitOptions]: readonly EmitOptions[K][] };
