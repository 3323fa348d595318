// Finding `x-confidential` wherever a form puts it: beside or behind a $ref, in array items, in oneOf branches.
import { describe, expect, it } from 'vitest';
import { pathIsConfidential, pruneAnswers, schemaWithoutConfidential } from '../../engine/forms/confidential-schema.js';

const schema = {
  type: 'object',
  required: ['open', 'hidden', 'signed'],
  $defs: {
    secretText: { type: 'string', 'x-confidential': true },
    signature: { type: 'object', properties: { name: { type: 'string' } } },
  },
  properties: {
    open: { type: 'string' },
    hidden: { type: 'string', 'x-confidential': true },
    viaRef: { $ref: '#/$defs/secretText' },
    signed: { $ref: '#/$defs/signature' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: { label: { type: 'string' }, note: { type: 'string', 'x-confidential': true } },
      },
    },
    choice: {
      oneOf: [
        { type: 'object', properties: { a: { type: 'string' } } },
        { type: 'object', properties: { b: { type: 'string', 'x-confidential': true } } },
      ],
    },
  },
};

const answers = {
  open: 'o',
  hidden: 'h',
  viaRef: 'r',
  signed: { name: 'n' },
  rows: [{ label: 'l', note: 'x' }],
  choice: { b: 'bb' },
  extra: 'e',
};

describe('confidential-schema', () => {
  describe('#pruneAnswers', () => {
    it('should remove every confidential answer for a reader not cleared', () => {
      expect(pruneAnswers(schema, [schema], answers, false)).toEqual({
        value: { open: 'o', signed: { name: 'n' }, rows: [{ label: 'l' }], choice: {}, extra: 'e' },
        touched: true,
      });
    });
    it('should keep them for a cleared reader and say it touched them', () => {
      expect(pruneAnswers(schema, [schema], answers, true)).toEqual({ value: answers, touched: true });
      expect(pruneAnswers(schema, [schema], { open: 'o' }, true).touched).toBe(false);
    });
  });

  describe('#schemaWithoutConfidential', () => {
    it('should drop marked properties and their required entries, and leave no $ref dangling', () => {
      const served = schemaWithoutConfidential(schema) as typeof schema;
      expect(Object.keys(served.properties)).toEqual(['open', 'signed', 'rows', 'choice']);
      expect(served.required).toEqual(['open', 'signed']);
      expect(Object.keys(served.properties.rows.items.properties)).toEqual(['label']);
      expect(served.$defs.secretText).toEqual({ not: {} });
    });
  });

  describe('#pathIsConfidential', () => {
    it('should say whether a path is, or holds, something confidential', () => {
      expect(pathIsConfidential(schema, ['open'])).toBe(false);
      expect(pathIsConfidential(schema, ['hidden'])).toBe(true);
      expect(pathIsConfidential(schema, ['viaRef'])).toBe(true);
      expect(pathIsConfidential(schema, ['rows'])).toBe(true);
      expect(pathIsConfidential(schema, ['rows', '0', 'label'])).toBe(false);
      expect(pathIsConfidential(schema, [])).toBe(true);
    });
  });
});
