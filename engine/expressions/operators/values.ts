// JSON Logic's truthiness, and JavaScript's conversions made safe for data sent by anyone: an object's own
// `toString`/`valueOf` keys (possible in parsed JSON) are never called, and what a well-formed value converts to is
// exactly what JavaScript gives (an array becomes its items joined with commas, an object "[object Object]").
import { LogicError } from './types.js';

export type Primitive = string | number | boolean | null | undefined;

/** No answer nests this deeply; deeper arrays are refused rather than walked. */
const MAX_NESTING = 64;

/** http://jsonlogic.com/truthy: as JavaScript, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** What JavaScript's ToPrimitive gives for JSON data. */
export function toPrimitive(value: unknown, depth = 0): Primitive {
  if (value === null || typeof value !== 'object') return value as Primitive;
  if (!Array.isArray(value)) return '[object Object]';
  if (depth > MAX_NESTING) throw new LogicError('too-deep', `a value is nested more than ${MAX_NESTING} levels deep`);
  return value
    .map((item) => (item === null || item === undefined ? '' : String(toPrimitive(item, depth + 1))))
    .join(',');
}

export function toText(value: unknown): string {
  return String(toPrimitive(value));
}

export function toNumber(value: unknown): number {
  return Number(toPrimitive(value));
}

/** JavaScript's `==`, which converts an object only when the other side is a primitive other than null. */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a == b;
  const aObject = typeof a === 'object';
  const bObject = typeof b === 'object';
  if (aObject && bObject) return a === b;
  return (aObject ? toPrimitive(a) : a) == (bObject ? toPrimitive(b) : b);
}

/** JavaScript's `<` (strings compare as text, anything else as numbers). */
export function lessThan(a: unknown, b: unknown): boolean {
  return (toPrimitive(a) as number) < (toPrimitive(b) as number);
}

export function lessOrEqual(a: unknown, b: unknown): boolean {
  return (toPrimitive(a) as number) <= (toPrimitive(b) as number);
}
