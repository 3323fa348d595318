// forms-ui/src/core/conditions.ts: conditional reveal from if/then/else, dependentSchemas and dependentRequired.
import { describe, expect, it } from 'vitest';
import { conditionalFields, isRevealed, matchesSchema } from '../../forms-ui/src/core/conditions.js';

const form = {
  type: 'object',
  properties: {
    urgent: { type: 'boolean' },
    why: { type: 'string' },
    contacts: { type: 'array', items: { type: 'string' } },
    other: { type: 'string' },
    phone: { type: 'string' },
    when: { type: 'string' },
  },
  allOf: [
    { if: { properties: { urgent: { const: true } }, required: ['urgent'] }, then: { required: ['why'] } },
    {
      if: { properties: { contacts: { contains: { const: 'other' } } }, required: ['contacts'] },
      then: { required: ['other'] },
    },
  ],
  dependentSchemas: { phone: { properties: { extension: { type: 'string', title: 'Extension' } } } },
  dependentRequired: { when: ['where'] },
};

describe('conditions', () => {
  describe('#conditionalFields', () => {
    it('should find the questions revealed by each condition, with the answers they depend on', () => {
      const fields = conditionalFields(form);
      expect([...fields.keys()].sort()).toEqual(['extension', 'other', 'where', 'why']);
      expect(fields.get('why')!.triggers).toEqual(['urgent']);
      expect(fields.get('extension')).toMatchObject({
        triggers: ['phone'],
        after: 'phone',
        schema: { title: 'Extension' },
      });
    });
  });

  describe('#isRevealed', () => {
    it('should show a question only while its condition holds', () => {
      const why = conditionalFields(form).get('why')!;
      expect(isRevealed(why, {}, form)).toBe(false);
      expect(isRevealed(why, { urgent: false }, form)).toBe(false);
      expect(isRevealed(why, { urgent: true }, form)).toBe(true);
      const other = conditionalFields(form).get('other')!;
      expect(isRevealed(other, { contacts: ['gp'] }, form)).toBe(false);
      expect(isRevealed(other, { contacts: ['gp', 'other'] }, form)).toBe(true);
      expect(isRevealed(conditionalFields(form).get('extension')!, { phone: '01' }, form)).toBe(true);
    });

    it('should reveal else-branch questions when the condition fails', () => {
      const schema = {
        properties: { a: { type: 'boolean' } },
        if: { properties: { a: { const: true } } },
        else: { required: ['b'] },
      };
      const b = conditionalFields(schema).get('b')!;
      expect(isRevealed(b, { a: false }, schema)).toBe(true);
      expect(isRevealed(b, { a: true }, schema)).toBe(false);
    });
  });

  describe('#matchesSchema', () => {
    it('should match the keywords conditions use', () => {
      const root = { $defs: { yes: { const: 'yes' } } };
      expect(matchesSchema({ enum: ['a', 'b'] }, 'b', root)).toBe(true);
      expect(matchesSchema({ not: { const: 1 } }, 1, root)).toBe(false);
      expect(matchesSchema({ anyOf: [{ minimum: 5 }, { const: 0 }] }, 0, root)).toBe(true);
      expect(matchesSchema({ $ref: '#/$defs/yes' }, 'yes', root)).toBe(true);
      expect(matchesSchema({ type: 'integer', maximum: 3 }, 4, root)).toBe(false);
      expect(matchesSchema({ pattern: '^a' }, 'abc', root)).toBe(true);
      expect(matchesSchema({ properties: { x: { const: 1 } } }, {}, root)).toBe(true);
      expect(matchesSchema(false, 1, root)).toBe(false);
    });
  });
});
