// Equality and order: ==, ===, !=, !==, <, <=, >, >= (jsonlogic.com "Logic", "Numeric Operations"). `<` and `<=`
// take a third argument for "between": `{"<": [1, x, 10]}` is 1 < x < 10.
import type { Operator } from './types.js';
import { lessOrEqual, lessThan, looseEquals } from './values.js';

export const comparisonOperators: Record<string, Operator> = {
  '==': { apply: ([a, b]) => looseEquals(a, b) },
  '===': { apply: ([a, b]) => a === b },
  '!=': { apply: ([a, b]) => !looseEquals(a, b) },
  '!==': { apply: ([a, b]) => a !== b },
  '<': { apply: ([a, b, c]) => (c === undefined ? lessThan(a, b) : lessThan(a, b) && lessThan(b, c)) },
  '<=': { apply: ([a, b, c]) => (c === undefined ? lessOrEqual(a, b) : lessOrEqual(a, b) && lessOrEqual(b, c)) },
  '>': { apply: ([a, b]) => lessThan(b, a) },
  '>=': { apply: ([a, b]) => lessOrEqual(b, a) },
};
