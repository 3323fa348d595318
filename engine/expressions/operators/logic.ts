// Choosing and combining: if (and its alias ?:), and, or, !, !! (jsonlogic.com "Logic and Boolean Operations").
import type { Evaluate, Operator } from './types.js';
import { truthy } from './values.js';

/** `[test, then, test, then, …, else]`: the branch after the first true test, else the last odd one, else null. */
function choose(args: unknown[], data: unknown, evaluate: Evaluate): unknown {
  let i = 0;
  for (; i < args.length - 1; i += 2) {
    if (truthy(evaluate(args[i], data))) return evaluate(args[i + 1], data);
  }
  return i === args.length - 1 ? evaluate(args[i], data) : null;
}

/** The first argument that decides (`stopAt` its truthiness), else the last; null for none. */
function shortCircuit(stopAt: boolean) {
  return (args: unknown[], data: unknown, evaluate: Evaluate): unknown => {
    let value: unknown = null;
    for (const arg of args) {
      value = evaluate(arg, data);
      if (truthy(value) === stopAt) return value;
    }
    return value;
  };
}

export const logicOperators: Record<string, Operator> = {
  if: { lazy: true, apply: choose },
  '?:': { lazy: true, apply: choose },
  and: { lazy: true, apply: shortCircuit(false) },
  or: { lazy: true, apply: shortCircuit(true) },
  '!': { apply: ([value]) => !truthy(value) },
  '!!': { apply: ([value]) => truthy(value) },
};
