// JSON Logic for conditions and computed answers (https://jsonlogic.com). One evaluator, pure and free of eval, shared
// by the engine, the server, the definitions lint and the browser form, so a condition means the same everywhere and
// runs under a Content-Security-Policy without 'unsafe-eval'. The operators are the table in ./operators/.
import { operators } from './operators/index.js';
import { LogicError, type EvaluationScope, type LogicOptions } from './operators/types.js';

export { LogicError, type LogicOptions } from './operators/types.js';

/** The operators an expression may use: exactly those the evaluator knows. */
export const logicOperators: ReadonlySet<string> = new Set(operators.keys());

/** No expression of a pathway or form nests this deeply: deeper ones are refused rather than walked. */
export const MAX_EXPRESSION_DEPTH = 64;
/** Operations one evaluation may make: bounds what an expression iterating over large answers can cost. */
export const MAX_OPERATIONS = 100_000;

/** The operator a node applies: the one key of a single-key object; anything else is a value. */
export function operation(node: unknown): string | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0] : undefined;
}

class Evaluation {
  private operations = 0;

  constructor(private readonly scope: EvaluationScope) {}

  evaluate(node: unknown, data: unknown, depth: number): unknown {
    if (depth > MAX_EXPRESSION_DEPTH) {
      throw new LogicError(
        'too-deep',
        `a JSON Logic expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`,
      );
    }
    if (Array.isArray(node)) return node.map((item) => this.evaluate(item, data, depth + 1));
    const name = operation(node);
    if (name === undefined) return node;
    const operator = operators.get(name);
    if (!operator) throw new LogicError('unknown-operator', `unknown JSON Logic operator "${name}"`);
    if (++this.operations > MAX_OPERATIONS) {
      throw new LogicError('too-long', `a JSON Logic expression took more than ${MAX_OPERATIONS} operations`);
    }
    const given = (node as Record<string, unknown>)[name];
    // A single argument may be written without its array: {"var": "x"} is {"var": ["x"]}.
    const args = Array.isArray(given) ? given : [given];
    if (operator.lazy) {
      return operator.apply(args, data, (arg, itemData) => this.evaluate(arg, itemData, depth + 1), this.scope);
    }
    return operator.apply(
      args.map((arg) => this.evaluate(arg, data, depth + 1)),
      data,
      this.scope,
    );
  }
}

/**
 * The value of `expression` over `data`. Throws a LogicError only for an unknown operator or a hostile expression.
 * `now` and `today` read the data's own `now` (the time of the event, or of the form being filled in).
 */
export function evaluateLogic(expression: unknown, data: unknown, options: LogicOptions = {}): unknown {
  return new Evaluation({ root: data, options }).evaluate(expression, data, 0);
}
