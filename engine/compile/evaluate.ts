// JSON Logic as conditions and actions evaluate it: over the evaluation env, with the bank holidays of the settings
// for the working-day operators (the evaluator itself knows no calendar, so that the browser can run it as it is).
import { evaluateLogic, type LogicOptions } from '../expressions/logic.js';
import { bankHolidaysOf } from '../util/working-days.js';
import type { EvaluationEnv, Settings } from './types.js';

const ENGLAND_AND_WALES = { country: 'GB', region: 'ENG' };
const optionsBySettings = new WeakMap<Settings, LogicOptions>();

export function logicOptionsFor(settings: Settings): LogicOptions {
  let options = optionsBySettings.get(settings);
  if (!options) {
    options = { bankHolidays: bankHolidaysOf(settings.bankHolidays ?? ENGLAND_AND_WALES) };
    optionsBySettings.set(settings, options);
  }
  return options;
}

export function evaluateInEnv(expression: unknown, env: EvaluationEnv): unknown {
  return evaluateLogic(expression, env, logicOptionsFor(env.settings));
}
