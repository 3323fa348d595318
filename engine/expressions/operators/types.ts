// The shape of a JSON Logic operator in the registry (./index.ts), and the error evaluation throws.

/** Evaluates a sub-expression against `data`; given to lazy operators, which decide what to evaluate and when. */
export type Evaluate = (expression: unknown, data: unknown) => unknown;

/** An argument that names a path into the data (`at`: where it sits, as indexes into the arguments). */
export interface PathArgument {
  expression: unknown;
  at: readonly number[];
}

/** The text a value begins with, as far as an expression says before it runs (`complete`: all of it). */
export interface LeadingText {
  text: string;
  complete: boolean;
}

/** What the expression walker (../data-reads.ts) needs to know of an operator beyond how to apply it. */
interface Described {
  /** For an operator that reads the data: the arguments that are paths into it. */
  readonly pathArguments?: (args: unknown[]) => PathArgument[];
  /** For an operator whose value begins with what some of its arguments say (`cat`): that beginning. */
  readonly leadingText?: (args: unknown[], leadingTextOf: (expression: unknown) => LeadingText) => LeadingText;
}

/** What one evaluation knows beside the data in scope: the data it started with (where `now` is read) and its options. */
export interface EvaluationScope {
  readonly root: unknown;
  readonly options: LogicOptions;
}

export interface LogicOptions {
  /**
   * The bank holidays of a year (YYYY-MM-DD), which working days skip as they skip weekends. The evaluator itself
   * knows none (it runs in the browser too, without a holiday calendar): the engine gives those of the settings.
   */
  bankHolidays?: (year: number) => readonly string[];
}

/** Its arguments are evaluated first, against the same data. */
export interface EagerOperator extends Described {
  readonly lazy?: false;
  apply(args: unknown[], data: unknown, scope: EvaluationScope): unknown;
}

/** Given its arguments unevaluated: for short-circuits (`if`, `and`) and iteration (`map`, `reduce`). */
export interface LazyOperator extends Described {
  readonly lazy: true;
  /** Which arguments are evaluated once per item, where `var` reads the item and not the data. */
  readonly itemArguments?: readonly number[];
  apply(args: unknown[], data: unknown, evaluate: Evaluate, scope: EvaluationScope): unknown;
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
