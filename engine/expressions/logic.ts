// JSON Logic for conditions and computed answers. Pure: shared by the engine, the server and the browser form.
// Only the interpreter is used (never compiled to functions), so it runs under a strict Content-Security-Policy.
import { LogicEngine } from 'json-logic-engine';

const logic = new LogicEngine();

export const logicOperators: ReadonlySet<string> = new Set(Object.keys((logic as unknown as { methods: object }).methods));

export function evaluateLogic(expression: unknown, data: unknown): unknown {
  return logic.run(expression as never, data as never);
}

/** Operators whose second argument is evaluated per item, where `var` is relative to the item. */
const ITERATING = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none', 'every']);

export interface LogicScan {
  varPaths: string[];
  unknownOperators: string[];
}

/** The top-level `var` paths an expression reads and any operator the interpreter does not know. */
export function scanLogic(expression: unknown): LogicScan {
  const scan: LogicScan = { varPaths: [], unknownOperators: [] };
  const visit = (node: unknown, relative: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, relative));
    if (!node || typeof node !== 'object') return;
    const entries = Object.entries(node);
    if (entries.length !== 1) return entries.forEach(([, v]) => visit(v, relative));
    const [operator, args] = entries[0]!;
    if (!logicOperators.has(operator)) scan.unknownOperators.push(operator);
    if (operator === 'var') {
      const path = Array.isArray(args) ? args[0] : args;
      if (!relative && typeof path === 'string' && path !== '') scan.varPaths.push(path);
      return;
    }
    const list = Array.isArray(args) ? args : [args];
    list.forEach((arg, i) => visit(arg, relative || (ITERATING.has(operator) && i > 0)));
  };
  visit(expression, false);
  return scan;
}
