// The JSON Logic operators: one table, used by the evaluator and, as the list of known names, by the definitions
// lint. A new generic operator is one entry in a group file, or a new group here.
import { arithmeticOperators } from './arithmetic.js';
import { arrayOperators } from './arrays.js';
import { comparisonOperators } from './comparison.js';
import { dataOperators } from './data.js';
import { dateOperators } from './dates.js';
import { logicOperators } from './logic.js';
import { stringOperators } from './strings.js';
import type { Operator } from './types.js';

function registry(...groups: Record<string, Operator>[]): ReadonlyMap<string, Operator> {
  const table = new Map<string, Operator>();
  for (const group of groups) {
    for (const [name, operator] of Object.entries(group)) {
      if (table.has(name)) throw new Error(`JSON Logic operator "${name}" is defined twice`);
      table.set(name, operator);
    }
  }
  return table;
}

export const operators = registry(
  dataOperators,
  logicOperators,
  comparisonOperators,
  arithmeticOperators,
  arrayOperators,
  stringOperators,
  dateOperators,
);
