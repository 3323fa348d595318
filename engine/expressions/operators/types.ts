// The shape of a JSON Logic operator in the registry (./index.ts), and the error evaluation throws.

/** Evaluates a sub-expression against `data`; given to lazy operators, which decide what to evaluate and when. */
export type Evaluate = (expression: unknown, data: unknown) => unknown;

/** Its arguments are evaluated first, against the same data. */
export interface EagerOperator {
  readonly lazy?: false;
  apply(args: unknown[], data: unknown): unknown;
}

/** Given its arguments unevaluated: for short-circuits (`if`, `and`) and iteration (`map`, `reduce`). */
export interface LazyOperator {
  readonly lazy: true;
  /** Which arguments are evaluated once per item, where `var` reads the item and not the data. */
  readonly itemArguments?: readonly number[];
  apply(args: unknown[], data: unknown, evaluate: Evaluate): unknown;
}

export type Operator = EagerOperator | LazyOperator;

export type LogicErrorCode = 'unknown-operator' | 'too-deep' | 'too-long';

/** Only for expressions the definition checks would refuse, or hostile ones: well-formed JSON Logic never throws. */
export class LogicError extends Error {
  constructor(
    readonly code: LogicErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogicError';
  }
}
