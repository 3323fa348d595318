// Numbers: +, -, *, /, %, min, max (jsonlogic.com "Numeric Operations", "Arithmetic").
import type { Operator } from './types.js';
import { toNumber, toText } from './values.js';

/** `+` and `*` read each argument as JavaScript's parseFloat does ("3 apples" is 3), so `{"+": "3"}` casts text. */
const parsed = (value: unknown): number => parseFloat(toText(value));

export const arithmeticOperators: Record<string, Operator> = {
  '+': { apply: (args) => args.reduce<number>((sum, value) => sum + parsed(value), 0) },
  '*': { apply: (args) => args.reduce<number>((product, value) => product * parsed(value), 1) },
  /** One argument negates it. */
  '-': { apply: ([a, b]) => (b === undefined ? -toNumber(a) : toNumber(a) - toNumber(b)) },
  '/': { apply: ([a, b]) => toNumber(a) / toNumber(b) },
  '%': { apply: ([a, b]) => toNumber(a) % toNumber(b) },
  min: { apply: (args) => Math.min(...args.map(toNumber)) },
  max: { apply: (args) => Math.max(...args.map(toNumber)) },
};
