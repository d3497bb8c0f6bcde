/**
 * `--unknown-types`: what a type spelling docschema does not know does to a run. Its own module because the public
 * configuration types name it, and they must not reach the loader's Node types (the package's `.d.ts` files type-check
 * without `@types/node`).
 */
export const UNKNOWN_TYPES = ["error", "unknown"] as const;
/** `error` (default): the run fails; `unknown`: the field is typed `unknown`, with a warning. */
export type UnknownTypes = (typeof UNKNOWN_TYPES)[number];
