// Arrays: map, filter, reduce, all, none, some, merge, in (jsonlogic.com "Array Operations"). In the expression an
// iterating operator applies to each item, `var` reads the item (in reduce, `current` and `accumulator`).
import type { Evaluate, Operator } from './types.js';
import { toText, truthy } from './values.js';

/** The array the first argument evaluates to, or undefined when it is not one. */
function items(args: unknown[], data: unknown, evaluate: Evaluate): unknown[] | undefined {
  const value = evaluate(args[0], data);
  return Array.isArray(value) ? value : undefined;
}

export const arrayOperators: Record<string, Operator> = {
  map: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) => (items(args, data, evaluate) ?? []).map((item) => evaluate(args[1], item)),
  },
  filter: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) =>
      (items(args, data, evaluate) ?? []).filter((item) => truthy(evaluate(args[1], item))),
  },
  /** `[array, expression, initial]`; the initial value (null when left out) is read from the data, not an item. */
  reduce: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) => {
      const initial = args[2] === undefined ? null : evaluate(args[2], data);
      const list = items(args, data, evaluate);
      if (!list) return initial;
      return list.reduce((accumulator, current) => evaluate(args[1], { current, accumulator }), initial);
    },
  },
  /** False for an empty array, as the reference implementation says. */
  all: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) => {
      const list = items(args, data, evaluate);
      return Boolean(list?.length) && list!.every((item) => truthy(evaluate(args[1], item)));
    },
  },
  none: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) =>
      !(items(args, data, evaluate) ?? []).some((item) => truthy(evaluate(args[1], item))),
  },
  some: {
    lazy: true,
    itemArguments: [1],
    apply: (args, data, evaluate) =>
      (items(args, data, evaluate) ?? []).some((item) => truthy(evaluate(args[1], item))),
  },
  /** One flat array of the arguments, arrays spread one level. */
  merge: {
    apply: (args) => args.flatMap((arg) => (Array.isArray(arg) ? arg : [arg])),
  },
  /** An item of an array, or a piece of a text; nothing else contains anything, nor does "" (as in the reference). */
  in: {
    apply: ([needle, haystack]) => {
      if (Array.isArray(haystack)) return haystack.indexOf(needle) !== -1;
      if (typeof haystack === 'string') return haystack !== '' && haystack.indexOf(toText(needle)) !== -1;
      return false;
    },
  },
};
