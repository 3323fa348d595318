// What a JSON Logic expression reads from its data, found by walking its tree with the operator table (never by
// searching its text): every path a data operator (var, missing, missing_some) reads, written out or worked out when
// it runs, and whether it reads the data or an item of a list. The definitions lint and the server's redaction both
// ask this one walker what a value was made from, so they decide alike what may hold confidential information.
import { MAX_EXPRESSION_DEPTH, operation } from './logic.js';
import { operators } from './operators/index.js';
import type { LeadingText } from './operators/types.js';
import { toText } from './operators/values.js';

export type ExpressionPath = (string | number)[];

export interface DataRead {
  /** The operator that reads: var, missing or missing_some. */
  operator: string;
  /**
   * The dotted path read, '' for the whole data. For a path worked out when the expression runs, what every path it
   * can work out begins with, as far as the expression says ('' when it says nothing).
   */
  path: string;
  /** Whether `path` is written out in the expression; when false, it is only how the path begins. */
  literal: boolean;
  /** Read from an item of a list that map, filter, reduce, all, some or none walks, not from the data itself. */
  fromItem: boolean;
  /** Where the path is in the expression: keys and indexes from its root. */
  at: ExpressionPath;
}

export interface ExpressionWalk {
  reads: DataRead[];
  unknownOperators: { name: string; at: ExpressionPath }[];
}

/** Evaluates to itself: an expression with no operation in it (arrays are evaluated item by item). */
function isConstant(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isConstant);
  return operation(node) === undefined;
}

/** A constant as a path or as text: null is nothing, as `var` and `cat` read it. */
function constantText(node: unknown): string | undefined {
  if (node === null || node === undefined) return '';
  try {
    return toText(node);
  } catch {
    // Nested too deep to be read as text: the evaluator refuses it too, and the walk assumes nothing of it.
    return undefined;
  }
}

function leadingTextOf(node: unknown, depth = 0): LeadingText {
  if (isConstant(node)) {
    const text = constantText(node);
    return text === undefined ? { text: '', complete: false } : { text, complete: true };
  }
  const name = operation(node)!;
  const describe = operators.get(name)?.leadingText;
  if (!describe || depth > MAX_EXPRESSION_DEPTH) return { text: '', complete: false };
  const given = (node as Record<string, unknown>)[name];
  return describe(Array.isArray(given) ? given : [given], (arg) => leadingTextOf(arg, depth + 1));
}

function readOf(operator: string, expression: unknown, at: ExpressionPath, fromItem: boolean): DataRead {
  const path = isConstant(expression) ? constantText(expression) : undefined;
  if (path !== undefined) return { operator, path, literal: true, fromItem, at };
  return { operator, path: leadingTextOf(expression).text, literal: false, fromItem, at };
}

/** Every data read and unknown operator of an expression, each with its place in it. */
export function walkExpression(expression: unknown): ExpressionWalk {
  const walk: ExpressionWalk = { reads: [], unknownOperators: [] };
  const visit = (node: unknown, at: ExpressionPath, fromItem: boolean, depth: number): void => {
    if (depth > MAX_EXPRESSION_DEPTH) {
      // Evaluation refuses an expression this deep; the walk stops and assumes it could read anything.
      walk.reads.push({ operator: 'var', path: '', literal: false, fromItem, at });
      return;
    }
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...at, i], fromItem, depth + 1));
    const name = operation(node);
    // An object that is not one operation is a value: the evaluator returns it as it is and reads nothing in it.
    if (name === undefined) return;
    const operator = operators.get(name);
    if (!operator) walk.unknownOperators.push({ name, at });
    const given = (node as Record<string, unknown>)[name];
    const args = Array.isArray(given) ? given : [given];
    // `{"var": "x"}` is `{"var": ["x"]}`: its first argument is the value of the key itself.
    const argumentAt = (indexes: readonly number[]): ExpressionPath =>
      Array.isArray(given) ? [...at, name, ...indexes] : [...at, name, ...indexes.slice(1)];
    for (const path of operator?.pathArguments?.(args) ?? []) {
      walk.reads.push(readOf(name, path.expression, argumentAt(path.at), fromItem));
    }
    const itemArguments = operator?.lazy ? (operator.itemArguments ?? []) : [];
    args.forEach((arg, i) => visit(arg, argumentAt([i]), fromItem || itemArguments.includes(i), depth + 1));
  };
  visit(expression, [], false, 0);
  return walk;
}

export interface LogicScan {
  varPaths: string[];
  unknownOperators: string[];
}

/** The `var` paths written out that an expression reads from its data (not from an item), and any unknown operator. */
export function scanLogic(expression: unknown): LogicScan {
  const { reads, unknownOperators } = walkExpression(expression);
  return {
    varPaths: reads.filter((r) => r.operator === 'var' && r.literal && !r.fromItem && r.path !== '').map((r) => r.path),
    unknownOperators: unknownOperators.map((u) => u.name),
  };
}
