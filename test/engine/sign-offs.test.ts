// Issue 20 in the runtime, with the protocol's definitions: each document keeps its own Audit Tool answers (a
// submission that could be for either must say which), sign-offs are recorded on what they sign, and an instance's
// next step says why it is not possible yet.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { ScenarioFile } from '../../engine/definitions/types.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import type { CaseData, CommandContext } from '../../engine/runtime/model.js';
import { describeCase } from '../../engine/runtime/view.js';

const defs = checkDefinitions(await readDefinitionFiles('definitions')).compiled!;
const scenario = parse(
  readFileSync('definitions/scenarios/confidential-information-own-audit.yaml', 'utf8'),
) as ScenarioFile;
const USERS: Record<string, string> = {
  'social-worker': 'social-worker',
  'team-manager': 'manager',
  'dao-pso': 'officer-pso',
};
let minute = 0;
const as = (role: string): CommandContext => ({
  user: { id: USERS[role]!, role, qualifications: defs.roles.roles[role]?.qualifications ?? [] },
  now: new Date(Date.parse('2026-01-05T09:00:00Z') + ++minute * 60_000).toISOString(),
  officers: { 'officer-pso': { capacity: 15, active: 0 }, 'officer-po': { capacity: 15, active: 0 } },
});

function ok(result: ReturnType<typeof applyCommand>): CaseData {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const documentOf = (data: CaseData, form: string) =>
  Object.values(data.instances).find((i) => i.kind === 'document' && i.form === form)!;

/** The scenario's first `count` steps, played as its runner plays them. */
function after(count: number): CaseData {
  let data = ok(applyCommand(defs, undefined, { kind: 'open', pathway: 'referral', ctx: as('social-worker') }));
  for (const step of scenario.steps.slice(0, count)) {
    if (step.expectError) continue;
    const ctx = as(step.as!);
    const instance = step.to?.document ? documentOf(data, step.to.document).id : 'case';
    for (const [form, answers] of Object.entries(step.forms ?? {})) {
      data = ok(
        applyCommand(defs, data, { kind: 'submitForm', form, data: answers, ctx, ...(step.to ? { instance } : {}) }),
      );
    }
    if (step.send)
      data = ok(applyCommand(defs, data, { kind: 'send', instance, type: step.send, data: step.data ?? {}, ctx }));
  }
  return data;
}

const audit = scenario.steps.find((s) => s.send === 'PASS_AUDIT' && s.forms)!.forms!['risk-assessment-audit']!;

describe('Documents audited each with its own Audit Tool', () => {
  it('should ask which document an Audit Tool is for when two wait for one', () => {
    const data = after(8);
    const result = applyCommand(defs, data, {
      kind: 'submitForm',
      form: 'risk-assessment-audit',
      data: audit,
      ctx: as('team-manager'),
    });
    expect(!result.ok && result.error.code).toBe('form-not-open');
    expect(!result.ok && result.error.message).toContain('say which one it is for');
  });

  it('should keep the answers with the document they are for, not with the case', () => {
    const data = after(8);
    const ra = documentOf(data, 'risk-assessment');
    const kept = ok(
      applyCommand(defs, data, {
        kind: 'submitForm',
        form: 'risk-assessment-audit',
        data: audit,
        ctx: as('team-manager'),
        instance: ra.id,
      }),
    );
    expect(documentOf(kept, 'risk-assessment').forms?.['risk-assessment-audit']?.data.outcome).toBe('passed');
    expect(documentOf(kept, 'risk-assessment-confidential').forms).toBeUndefined();
    expect(kept.forms['risk-assessment-audit']).toBeUndefined();
  });

  it('should refuse to pass the other document, saying why, in its next step and when it is sent', () => {
    const data = after(9);
    const rac = documentOf(data, 'risk-assessment-confidential');
    const view = describeCase(defs, data, as('team-manager').user);
    expect(view.instances.find((i) => i.id === rac.id)!.nextStep).toEqual({
      type: 'PASS_AUDIT',
      title: 'Pass the audit',
      possible: false,
      reasons: [
        "this document's own Risk Assessment Audit Tool must be completed with the outcome “passed”",
        'only a report that is not a risk assessment is passed without an Audit Tool',
      ],
    });
    const refused = applyCommand(defs, data, {
      kind: 'send',
      instance: rac.id,
      type: 'PASS_AUDIT',
      ctx: as('team-manager'),
    });
    expect(!refused.ok && refused.error.code).toBe('guard-failed');
  });
});

describe('Sign-offs', () => {
  it('should record each sign-off on what it signs: who, role, when, forms, stage, and if it made it final', () => {
    const data = after(9);
    const ra = documentOf(data, 'risk-assessment');
    expect(
      ra.signOffs?.map(({ event, by, role, forms, stage, final }) => ({ event, by, role, forms, stage, final })),
    ).toEqual([
      {
        event: 'SUBMIT_FOR_AUDIT',
        by: 'officer-pso',
        role: 'dao-pso',
        forms: ['risk-assessment'],
        stage: 'Draft',
        final: false,
      },
      {
        event: 'PASS_AUDIT',
        by: 'manager',
        role: 'team-manager',
        forms: ['risk-assessment', 'risk-assessment-audit'],
        stage: 'Submitted for audit',
        final: false,
      },
    ]);
    expect(data.instances.case!.signOffs?.map((r) => [r.event, r.forms])).toEqual([
      ['SUBMIT_REQUEST', ['request-for-service', 'screening', 'consent']],
      ['ACCEPT', []],
    ]);
    // Not a sign-off: nothing recorded.
    expect(data.instances.case!.signOffs?.some((r) => r.event === 'ACKNOWLEDGE_RECEIPT')).toBe(false);
  });

  it('should mark the sign-off that made a document final', () => {
    const data = after(9);
    const ra = documentOf(data, 'risk-assessment');
    const final = ok(
      applyCommand(defs, data, { kind: 'send', instance: ra.id, type: 'COUNTERSIGN', ctx: as('team-manager') }),
    );
    expect(documentOf(final, 'risk-assessment').signOffs?.at(-1)).toMatchObject({
      event: 'COUNTERSIGN',
      by: 'manager',
      final: true,
    });
  });
});
