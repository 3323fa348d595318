import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { computeAnswers } from '../../engine/forms/compute.js';
import { createFormAjv } from '../../engine/forms/ajv.js';
import { compileFormValidator } from '../../engine/forms/validator.js';
import { fixtureFiles } from './helpers.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'sample',
  'x-schemaVersion': 1,
  'x-version': 3,
  title: 'Sample',
  type: 'object',
  additionalProperties: false,
  required: ['dateOfBirth', 'name', 'consent', 'level', 'rows'],
  properties: {
    name: { type: 'string', title: 'Name of parent / adult', maxLength: 10 },
    dateOfBirth: {
      type: 'string',
      format: 'date',
      title: 'Date of birth',
      'x-errorMessage': { required: 'Enter the date of birth' },
    },
    consent: { type: 'boolean', const: true, title: 'the person has consented' },
    level: {
      title: 'Risk to children',
      oneOf: [
        { const: 'low', title: 'LOW' },
        { const: 'high', title: 'HIGH' },
      ],
    },
    urgent: { type: 'boolean', title: 'Is this urgent?' },
    why: { type: 'string', title: 'Why is this urgent?' },
    rows: {
      type: 'array',
      minItems: 1,
      title: 'Actions',
      items: { type: 'object', properties: { aim: { type: 'string', title: 'Aim' } }, required: ['aim'] },
    },
    score: { type: 'integer', minimum: 1, maximum: 10, title: 'Score' },
    total: { type: 'integer', readOnly: true, 'x-compute': { '+': [{ var: 'form.score' }, 1] } },
  },
  if: { properties: { urgent: { const: true } }, required: ['urgent'] },
  then: { required: ['why'] },
};

describe('compileFormValidator', () => {
  const validator = compileFormValidator(createFormAjv(), 'sample', schema);

  describe('#validate', () => {
    it('should accept complete answers', () => {
      const result = validator.validate({
        name: 'Sam',
        dateOfBirth: '1990-02-01',
        consent: true,
        level: 'low',
        rows: [{ aim: 'Stay calm' }],
      });
      expect(result).toEqual({ valid: true, errors: {} });
      expect(validator.version).toBe(3);
    });
    it('should give GOV.UK-style messages keyed by field path', () => {
      const result = validator.validate({
        name: 'Samuel Longname',
        consent: false,
        level: 'medium',
        rows: [{}],
        score: 11,
      });
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual({
        dateOfBirth: ['Enter the date of birth'],
        name: ['Name of parent / adult must be 10 characters or fewer'],
        consent: ['Confirm the person has consented'],
        level: ['Select one of the options for risk to children'],
        'rows.0.aim': ['Enter aim'],
        score: ['Score must be 10 or less'],
      });
    });
    it('should say a date must be real and ask a question by its wording', () => {
      const result = validator.validate({
        name: 'Sam',
        dateOfBirth: '1990-02-31',
        consent: true,
        level: 'low',
        rows: [{ aim: 'x' }],
        urgent: true,
      });
      expect(result.errors).toEqual({
        dateOfBirth: ['Date of birth must be a real date'],
        why: ['Answer “Why is this urgent?”'],
      });
    });
    it('should ask for at least one row and for a choice', () => {
      const result = validator.validate({ name: 'Sam', dateOfBirth: '1990-02-01', consent: true, rows: [] });
      expect(result.errors).toEqual({ level: ['Select risk to children'], rows: ['Add at least 1 entry to actions'] });
    });
    it('should refuse questions that are not on the form', () => {
      const result = validator.validate({
        name: 'Sam',
        dateOfBirth: '1990-02-01',
        consent: true,
        level: 'low',
        rows: [{ aim: 'x' }],
        extra: 1,
      });
      expect(result.errors).toEqual({ extra: ['“extra” is not a question on this form'] });
    });
  });
});

describe('computeAnswers', () => {
  it('should fill in computed answers from the others', () => {
    expect(computeAnswers(schema, { score: 4 })).toEqual({ score: 4, total: 5 });
  });
  it('should not change the answers it was given', () => {
    const answers = { score: 2 };
    computeAnswers(schema, answers);
    expect(answers).toEqual({ score: 2 });
  });
});

describe('loadDefinitions', () => {
  it('should fill {county} in form texts from the settings', async () => {
    const { compiled } = checkDefinitions(await fixtureFiles(), 'defs');
    expect(compiled?.forms.get('request')?.schema.title).toBe('Request in Exampleshire');
  });
});
