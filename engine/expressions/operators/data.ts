// Reading the data: var, missing, missing_some (jsonlogic.com "Accessing data").
import type { Operator, PathArgument } from './types.js';
import { toText } from './values.js';

const hasOwn = (value: unknown, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * The value at a dotted path, or `fallback` (null unless given). Only the data's own properties are read: a path
 * such as `__proto__`, `constructor` or `toString` finds nothing, whatever object it walks.
 */
export function readPath(data: unknown, path: unknown, fallback: unknown = null): unknown {
  if (path === undefined || path === null || path === '') return data;
  let value = data;
  for (const key of toText(path).split('.')) {
    if (value === null || value === undefined || !hasOwn(value, key)) return fallback;
    value = (value as Record<string, unknown>)[key];
    if (value === undefined) return fallback;
  }
  return value;
}

/** The keys whose value is absent, null or "" (as the reference implementation counts them). */
function missingKeys(keys: unknown[], data: unknown): unknown[] {
  return keys.filter((key) => {
    const value = readPath(data, key);
    return value === null || value === '';
  });
}

/** The keys given as one array (written out, or worked out by an expression), or each an argument of their own. */
function keyArguments(keys: unknown, at: number): PathArgument[] {
  if (!Array.isArray(keys)) return [{ expression: keys, at: [at] }];
  return keys.map((expression, i) => ({ expression, at: [at, i] }));
}

export const dataOperators: Record<string, Operator> = {
  var: {
    apply: ([path, fallback], data) => readPath(data, path, fallback === undefined ? null : fallback),
    pathArguments: (args) => [{ expression: args[0], at: [0] }],
  },
  /** Either the keys as arguments, or one array of keys (as `merge` or `if` produce). */
  missing: {
    apply: (args, data) => missingKeys(Array.isArray(args[0]) ? args[0] : args, data),
    pathArguments: (args) =>
      args.length === 1 ? keyArguments(args[0], 0) : args.map((expression, i) => ({ expression, at: [i] })),
  },
  /** `[need, keys]`: nothing when at least `need` of the keys are there, else the missing ones. */
  missing_some: {
    pathArguments: (args) => keyArguments(args[1], 1),
    apply: ([need, keys], data) => {
      const list = Array.isArray(keys) ? keys : [keys];
      const missing = missingKeys(list, data);
      return list.length - missing.length >= (need as number) ? [] : missing;
    },
  },
};
