// Issue 21: an error message names a question by its title inside a sentence. A title that starts as a sentence reads
// with its first word lower-cased ("Enter date of birth"); one that starts with a name of several capitalised words
// stays as it is ("Select Domestic Abuse Officer", never "Select domestic Abuse Officer"); acronyms stay capitals.
import { describe, expect, it } from 'vitest';
import { inSentence, toFieldErrors } from '../../engine/forms/messages.js';

describe('inSentence', () => {
  it.each([
    ['Date of birth', 'date of birth'],
    ['Name of the DAO', 'name of the DAO'],
    ['Domestic Abuse Officer', 'Domestic Abuse Officer'],
    ['Consent Form signed', 'Consent Form signed'],
    ['SARA completed', 'SARA completed'],
    ['Risk Assessment – Confidential Information', 'Risk Assessment – Confidential Information'],
    ['Send the Request for Service', 'send the Request for Service'],
  ])('should read %s as "%s"', (title, expected) => {
    expect(inSentence(title)).toBe(expected);
  });
});

describe('toFieldErrors', () => {
  it('should not lower-case the first word of a name', () => {
    const schema = {
      type: 'object',
      properties: { officer: { type: 'string', title: 'Domestic Abuse Officer', enum: ['a', 'b'] } },
    };
    const errors = [
      { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'officer' } },
    ];
    expect(toFieldErrors(errors, schema)).toEqual({ officer: ['Select Domestic Abuse Officer'] });
  });
});
