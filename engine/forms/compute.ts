// Fills in computed, read-only answers (x-compute) from the other answers before a form is checked or shown. An
// expression reads the answers as `form.*`, the case's recorded values as `case.*` (what the case already knows, such
// as the sessions attended) and the time as `now`; the server computes with the event's time and the case's values,
// the browser with what it was given to show while the form is filled in.
import { evaluateLogic, type LogicOptions } from '../expressions/logic.js';

/** What a computed answer may read beside the answers. */
export interface ComputeContext {
  now?: string;
  case?: Record<string, unknown>;
  options?: LogicOptions;
}

/**
 * Where a served schema carries the bank holidays its computed answers count working days over (the server adds them
 * to a form it serves whose x-compute counts working days), so that the browser counts them as the server does.
 */
export const BANK_HOLIDAYS_KEYWORD = 'x-bankHolidays';

/** Whether a form's computed answers count working days (and so need the bank holidays in the browser). */
export function computesWorkingDays(schema: Schema): boolean {
  return /"x-compute":[^]*"working_days/.test(JSON.stringify(schema));
}

function bankHolidaysServed(schema: Schema): LogicOptions['bankHolidays'] {
  const dates = schema[BANK_HOLIDAYS_KEYWORD];
  if (!Array.isArray(dates)) return undefined;
  return (year) => dates.filter((d): d is string => typeof d === 'string' && d.startsWith(`${year}-`));
}

type Schema = Record<string, unknown>;

function computedFields(
  schema: Schema,
  root: Schema,
  prefix: string[],
  out: { path: string[]; expr: unknown }[],
): void {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [key, child] of Object.entries(props)) {
    if (!child || typeof child !== 'object') continue;
    const resolved = typeof child.$ref === 'string' ? resolveRef(root, child.$ref) : child;
    if ('x-compute' in child) out.push({ path: [...prefix, key], expr: child['x-compute'] });
    else if (resolved && resolved.type === 'object') computedFields(resolved, root, [...prefix, key], out);
  }
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root) as Schema | undefined;
}

export function computeAnswers(schema: Schema, answers: unknown, context: ComputeContext = {}): unknown {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return answers;
  const fields: { path: string[]; expr: unknown }[] = [];
  computedFields(schema, schema, [], fields);
  if (fields.length === 0) return answers;
  const result = structuredClone(answers) as Record<string, unknown>;
  const options = context.options ?? { bankHolidays: bankHolidaysServed(schema) };
  for (const { path, expr } of fields) {
    let value: unknown;
    try {
      const data = { form: result, case: context.case ?? {}, ...(context.now ? { now: context.now } : {}) };
      value = evaluateLogic(expr, data, options);
    } catch {
      // Answers are not checked yet and may be of any type (json-logic throws on some, e.g. == with an object):
      // leave the computed answer out, and the validator reports the answer that is wrong.
      value = undefined;
    }
    let node = result;
    for (const key of path.slice(0, -1)) {
      if (!node[key] || typeof node[key] !== 'object') node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return result;
}
