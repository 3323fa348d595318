// The answers and event details a walk-through sends must be what its forms and events accept, checked with the same
// validators (and the same messages) as a submission: a question made required, or a choice renamed, shows at once in
// every scenario that no longer fits, at the answer's own line and column. A step that expects the refusal
// (form-invalid, data-invalid) is left alone. Computed answers (x-compute) are worked out first, as on submission;
// one that depends on the case's recorded values cannot be known here and is not reported.
import type { ValidateFunction } from 'ajv';
import { createFormAjv, type Ajv2020 } from '../../forms/ajv.js';
import { computeAnswers } from '../../forms/compute.js';
import { toFieldErrors, type FieldErrors } from '../../forms/messages.js';
import type { Path } from '../source.js';
import type { JsonObject, Loaded, ScenarioFile, ScenarioStep } from '../types.js';
import { declaredEvents, type LintContext } from './context.js';

function computedPaths(schema: JsonObject): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown, path: string[]): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const props = (node as JsonObject).properties as Record<string, JsonObject> | undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      if (child && typeof child === 'object' && 'x-compute' in child) found.add([...path, key].join('.'));
      else visit(child, [...path, key]);
    }
  };
  visit(schema, []);
  return found;
}

function atPath(fieldPath: string): Path {
  return fieldPath ? fieldPath.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
}

export function lintScenarioAnswers(ctx: LintContext): void {
  const { set } = ctx;
  const events = declaredEvents(set);
  let ajv: Ajv2020 | undefined;
  const eventValidators = new Map<string, { validate: ValidateFunction; schema: JsonObject }>();

  /** The data schema of an event as the pathway the step sends it to declares it (when that can be told). */
  const eventCheck = (scenario: ScenarioFile, step: ScenarioStep) => {
    const declaring = events.get(step.send!) ?? [];
    const pathway =
      declaring.length === 1
        ? declaring[0]
        : [step.to?.pathway, scenario.pathway].find((p) => p && declaring.includes(p));
    if (!pathway) return undefined;
    const key = `${pathway}/${step.send}`;
    if (!eventValidators.has(key)) {
      const meta = set.pathways.get(pathway)?.data.meta as JsonObject | undefined;
      const schema = ((meta?.events as Record<string, JsonObject | null> | undefined)?.[step.send!]?.data ??
        undefined) as JsonObject | undefined;
      if (!schema) return undefined;
      try {
        eventValidators.set(key, { validate: (ajv ??= createFormAjv()).compile(schema), schema });
      } catch {
        return undefined; // the event's own schema is reported where it is declared
      }
    }
    return eventValidators.get(key);
  };

  const report = (
    scenario: Loaded<ScenarioFile>,
    at: Path,
    errors: FieldErrors,
    what: string,
    skip = new Set<string>(),
  ) => {
    for (const [field, messages] of Object.entries(errors)) {
      if ([...skip].some((computed) => field === computed || field.startsWith(`${computed}.`))) continue;
      const where = field ? ` (${field})` : '';
      ctx.report(
        scenario.source,
        [...at, ...atPath(field)],
        'scenario-answer',
        `${what}${where}: ${messages.join('; ')}`,
      );
    }
  };

  for (const scenario of set.scenarios.values()) {
    scenario.data.steps.forEach((step, i) => {
      const expected = step.expectError?.code;
      if (expected !== 'form-invalid') {
        for (const [formId, answers] of Object.entries(step.forms ?? {})) {
          const validate = set.formValidators?.get(formId);
          const form = set.forms.get(formId);
          if (!validate || !form) continue;
          const computed = computeAnswers(form.data, answers);
          if (validate(computed)) continue;
          const errors = toFieldErrors(validate.errors, form.data as never);
          report(
            scenario,
            ['steps', i, 'forms', formId],
            errors,
            `answers that "${formId}" refuses`,
            computedPaths(form.data),
          );
        }
      }
      if (step.send && expected !== 'data-invalid') {
        const check = eventCheck(scenario.data, step);
        if (check && !check.validate(step.data ?? {})) {
          const errors = toFieldErrors(check.validate.errors, check.schema as never);
          report(scenario, ['steps', i, step.data ? 'data' : 'send'], errors, `details that "${step.send}" refuses`);
        }
      }
    });
  }
}
