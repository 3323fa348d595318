// engine/runtime/allowed.ts: which data is tried when deciding whether an event with details is possible now.
import { describe, expect, it } from 'vitest';
import { candidateData } from '../../engine/runtime/allowed.js';

const reasonAndChoice = {
  type: 'object',
  required: ['reason', 'outcome'],
  properties: {
    reason: { type: 'string', title: 'Why', minLength: 3 },
    outcome: { enum: ['yes', 'no'] },
  },
};

describe('candidateData', () => {
  it('should stand in for free text that no condition reads, with text that fits the question', () => {
    expect(candidateData(reasonAndChoice, () => false)).toEqual([
      { reason: 'xxx', outcome: 'yes' },
      { reason: 'xxx', outcome: 'no' },
    ]);
  });

  it('should give free text that a condition reads the benefit of the doubt (no candidates)', () => {
    expect(candidateData(reasonAndChoice, (field) => field === 'reason')).toBeUndefined();
  });

  it('should not stand in for text that must match a pattern or a format it cannot fake', () => {
    const patterned = { required: ['code'], properties: { code: { type: 'string', pattern: '^[A-Z]{3}$' } } };
    const emailed = { required: ['to'], properties: { to: { type: 'string', format: 'email' } } };
    expect(candidateData(patterned, () => false)).toBeUndefined();
    expect(candidateData(emailed, () => false)).toBeUndefined();
  });

  it('should try a date and a number at their least', () => {
    const schema = {
      required: ['on', 'count'],
      properties: { on: { type: 'string', format: 'date' }, count: { type: 'integer', minimum: 2 } },
    };
    expect(candidateData(schema, () => false)).toEqual([{ on: '2000-01-01', count: 2 }]);
  });
});
