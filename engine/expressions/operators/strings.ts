// Text: cat, substr (jsonlogic.com "String Operations").
import type { Operator } from './types.js';
import { lessThan, toNumber, toText } from './values.js';

/** JavaScript's ToIntegerOrInfinity. */
function integer(value: unknown): number {
  const number = toNumber(value);
  return Number.isNaN(number) ? 0 : Math.trunc(number);
}

/** String.prototype.substr, step by step as the standard gives it (the method itself is deprecated). */
function substring(text: string, start: unknown, length?: unknown): string {
  const size = text.length;
  const first = integer(start);
  const from = first < 0 ? Math.max(size + first, 0) : Math.min(first, size);
  const count = length === undefined ? size : Math.min(Math.max(integer(length), 0), size);
  return text.slice(from, Math.min(from + count, size));
}

/** `[text, start, length]`: a negative start counts from the end, a negative length leaves that many off the end. */
function substr(text: string, start: unknown, length: unknown): string {
  if (!lessThan(length, 0)) return substring(text, start, length);
  const tail = substring(text, start);
  return substring(tail, 0, tail.length + toNumber(length));
}

export const stringOperators: Record<string, Operator> = {
  /** The arguments as text, run together (null and undefined as nothing, as Array.prototype.join does). */
  cat: {
    apply: (args) => args.map((value) => (value === null || value === undefined ? '' : toText(value))).join(''),
    leadingText: (args, leadingTextOf) => {
      let text = '';
      for (const arg of args) {
        const lead = leadingTextOf(arg);
        text += lead.text;
        if (!lead.complete) return { text, complete: false };
      }
      return { text, complete: true };
    },
  },
  substr: { apply: ([text, start, length]) => substr(toText(text), start, length) },
};
