/**
 * What a value is, for the generated validators, compiled and zod alike: a plain object, an own property, a date, file
 * content, a stream. No dependencies, and no DOM or Node types: the output type-checks with `lib: ["ES2023"]` alone.
 */

const objectPrototype: object = Object.prototype;
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * A plain object, as `{ ... }`, `JSON.parse` and `Object.create(null)` make them (prototype `Object.prototype` or
 * `null`): not an array, a `Date`, a `Map`, bytes, a `Blob` or a class instance, whose fields would be lost in a copy.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === objectPrototype || prototype === null;
}

/** Whether `key` is a property of `object` itself: an inherited `toString` or `constructor` is not data. */
export function hasOwn(object: object, key: string): boolean {
  return hasOwnProperty.call(object, key);
}

/** `object[key] = value` as an own property, even for `__proto__`, whose assignment would set the prototype. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== "__proto__") object[key] = value;
  else Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A `Date` that holds a time (not `new Date("nonsense")`). */
export function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

const DATE = "\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])";
const HOURS_MINUTES = "(?:[01]\\d|2[0-3]):[0-5]\\d";
const OFFSET = `(?:Z|[+-]${HOURS_MINUTES})`;
/**
 * `YYYY-MM-DD`, then optionally `THH:MM` or `THH:MM:SS(.fraction)`, the latter optionally with `Z`, `+HH:MM` or
 * `-HH:MM`: the strings zod accepts as `z.iso.date()` or `z.iso.datetime({ offset: true, local: true })`.
 */
const ISO_DATE_TIME = new RegExp(`^${DATE}(?:T${HOURS_MINUTES}(?::[0-5]\\d(?:\\.\\d+)?${OFFSET}?)?)?$`);

/** An ISO-8601 date or date-time of a day that exists: `2024-05-01`, `2024-05-01T10:00:00Z`, not `2023-02-29`. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === "string" && ISO_DATE_TIME.test(value) && dayExists(value);
}

const ISO_DATE = new RegExp(`^${DATE}$`);

/** An ISO-8601 calendar date of a day that exists (`2024-05-01`), as Speakeasy's `RFCDate` writes it. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && ISO_DATE.test(value) && dayExists(value);
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** An arbitrary-precision decimal as JSON carries it: a finite number, or its exact text (`"3.14159265358979344719667586"`). */
export function isDecimal(value: unknown): value is number | string {
  return typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && DECIMAL.test(value);
}

/** The pattern allows day 31 in every month: the day must also exist in its month and year. */
function dayExists(text: string): boolean {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * File content as the SDKs accept it: bytes, a `Blob` (or `File`), a `ReadableStream`. The web types are looked up at
 * run time, so the check compiles without DOM types; only models with binary fields name them.
 */
export function isBinary(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  return isInstanceOfGlobal(value, "Blob") || isInstanceOfGlobal(value, "ReadableStream");
}

function isInstanceOfGlobal(value: unknown, name: string): boolean {
  const type: unknown = (globalThis as Record<string, unknown>)[name];
  return typeof type === "function" && value instanceof type;
}

/** A stream of server-sent events, as the SDKs return them. */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  if (typeof value !== "object" || value === null) return false;
  return typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === "function";
}

/** The part of zod's refinement context that `plainObject` uses (declared here: the checks do not import zod). */
export interface IssueSink {
  addIssue(issue: { code: "custom"; message: string; input: unknown }): void;
}

/**
 * For zod, `z.preprocess(plainObject, z.object(...))`: zod's objects take anything that is an object but not an array
 * (a `Date`, a `Map`, bytes); this lets plain objects through and reports anything else that is an object.
 */
export function plainObject(value: unknown, ctx: IssueSink): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !isPlainObject(value)) {
    ctx.addIssue({ code: "custom", message: "expected a plain object", input: value });
  }
  return value;
}

/**
 * `plainObject` for models with fields named like members of `Object.prototype` (`constructor`, `toString`): zod
 * reads `value[key]`, so it would see the inherited member; it is given a copy of the own properties without a
 * prototype instead.
 */
export function ownProperties(value: unknown, ctx: IssueSink): unknown {
  if (!isPlainObject(value)) return plainObject(value, ctx);
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key in value) if (hasOwn(value, key)) copy[key] = value[key];
  return copy;
}
