// Issue 21: the condition "all of these roles have recorded this" (recordedByAll), read from an instance's sign-off
// records: the event being sent counts for its sender, and a later cancelling record takes a role's back.
import { describe, expect, it } from 'vitest';
import { recordedByAllGuard } from '../../engine/compile/guards/recorded-by-all.js';
import type { EvaluationEnv } from '../../engine/compile/types.js';

const params = { event: 'ENDORSE', roles: ['service-manager', 'team-manager'], cancelledBy: ['REFUSE'] };

function env(signOffs: [string, string][], sending = 'OTHER', role = 'team-manager'): EvaluationEnv {
  return {
    case: {},
    forms: {},
    event: { type: sending, data: {} },
    user: { id: 'u', role, qualifications: [] },
    now: '2026-01-05T09:00:00Z',
    officers: {},
    settings: { county: 'Test', capacity: { default: 1 } },
    signOffs: signOffs.map(([event, role], i) => ({ event, role, by: `user-${i}`, at: `2026-01-0${i + 1}T09:00:00Z` })),
  };
}

describe('recordedByAll', () => {
  it('should hold once someone in every role has signed it off', () => {
    expect(recordedByAllGuard.evaluate(env([['ENDORSE', 'service-manager']]), params)).toBe(false);
    expect(
      recordedByAllGuard.evaluate(
        env([
          ['ENDORSE', 'service-manager'],
          ['ENDORSE', 'team-manager'],
        ]),
        params,
      ),
    ).toBe(true);
  });

  it('should count the event being sent for its sender, so the one who completes the set can be told apart', () => {
    const first = env([], 'ENDORSE', 'service-manager');
    const second = env([['ENDORSE', 'service-manager']], 'ENDORSE', 'team-manager');
    expect(recordedByAllGuard.evaluate(first, params)).toBe(false);
    expect(recordedByAllGuard.evaluate(second, params)).toBe(true);
  });

  it("should take a role's record back when it later signs off a cancelling event", () => {
    const refused = env([
      ['ENDORSE', 'service-manager'],
      ['ENDORSE', 'team-manager'],
      ['REFUSE', 'team-manager'],
    ]);
    expect(recordedByAllGuard.evaluate(refused, params)).toBe(false);
    expect(recordedByAllGuard.explain(refused, params, new Map())).toBe('still to be recorded by: team-manager');
  });
});
