// The words of each error message, one per JSON Schema keyword, after the GOV.UK Design System's error messages:
// say what to do ("Enter", "Select"), name the question by its title, never echo a value or a keyword. A form may
// word any of them itself with x-errorMessage: { keyword: message }.
import type { ErrorObject } from 'ajv';
import type { FieldSchema } from './schema-at.js';

/** The question's name: its title (numbered for an item of a list), else "Item 2 of <list>", else its key. */
export function label(field: FieldSchema | undefined, path: string, parent?: FieldSchema): string {
  const title = field?.title?.trim().replace(/[:.]$/, '');
  const key = path.split('.').pop() ?? '';
  if (!/^\d+$/.test(key)) return title || key || 'this answer';
  const isTuple = Array.isArray(parent?.prefixItems) || Array.isArray(parent?.items);
  if (title) return isTuple ? title : `${title} ${Number(key) + 1}`;
  return `Item ${Number(key) + 1} of ${inSentence(parent?.title?.trim() || 'the list')}`;
}

/**
 * A title as it reads inside a sentence ("Select …", "Yes, …"): its first letter lower-cased when it starts as a
 * sentence does ("Date of birth" → "date of birth", "Send the Request for Service" → "send the Request for Service"),
 * and left as it is when it starts with a name of more than one capitalised word ("Domestic Abuse Officer", "Consent
 * Form signed"), where "Select domestic Abuse Officer" would read oddly. Acronyms (DAO, SARA) are never lower-cased.
 */
export function inSentence(text: string): string {
  if (!/^[A-Z][a-z]/.test(text)) return text;
  const second = text.split(/\s+/)[1] ?? '';
  return /^[A-Z][a-z]/.test(second) ? text : text[0]!.toLowerCase() + text.slice(1);
}

const question = (text: string) => text.endsWith('?');
/** "“Question?”" for a question, "question" for a name, as GOV.UK messages quote them. */
const named = (text: string) => (question(text) ? `“${text}”` : inSentence(text));
/** The start of a "… must be …" sentence: the name, or "Your answer to “Question?”". */
const subject = (text: string) => (question(text) ? `Your answer to “${text}”` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function typeOf(field: FieldSchema | undefined): unknown {
  return [field?.type].flat().find((t) => t !== 'null');
}

function isChoice(field: FieldSchema | undefined): boolean {
  const options = Array.isArray(field?.oneOf) && field.oneOf.every((o) => o && typeof o === 'object' && 'const' in o);
  return (
    !!field &&
    (!!field.enum ||
      options ||
      typeOf(field) === 'boolean' ||
      ['radios', 'scale', 'select'].includes(String(field['x-widget'])))
  );
}

function itemsAreChoices(field: FieldSchema | undefined): boolean {
  return isChoice(field?.items && typeof field.items === 'object' ? (field.items as FieldSchema) : undefined);
}

const shownValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function requiredMessage(field: FieldSchema | undefined, text: string): string {
  // A declaration to tick (const: true): "Select “I confirm …” to continue", or "Confirm the person has
  // consented".
  if (field?.const === true) {
    return /^I\b/.test(text) ? `Select “${text}” to continue` : `Confirm ${inSentence(text)}`;
  }
  const type = typeOf(field);
  if (type === 'array')
    return itemsAreChoices(field)
      ? `Select at least one option for ${named(text)}`
      : `Add at least one entry to ${named(text)}`;
  if (isChoice(field)) return question(text) ? `Select an answer to “${text}”` : `Select ${inSentence(text)}`;
  if (type === 'object') return `Complete ${named(text)}`;
  return question(text) ? `Answer “${text}”` : `Enter ${inSentence(text)}`;
}

const REAL: Record<string, string> = { date: 'date', 'date-time': 'date and time', time: 'time' };
const LIKE: Record<string, string> = {
  email: 'name@example.com',
  uri: 'https://www.example.com',
  url: 'https://www.example.com',
};

function formatMessage(format: string, text: string): string {
  if (REAL[format]) return `${subject(text)} must be a real ${REAL[format]}`;
  return `Enter ${named(text)} in the correct format${LIKE[format] ? `, like ${LIKE[format]}` : ''}`;
}

function typeMessage(field: FieldSchema | undefined, text: string, type: unknown): string {
  const wanted = typeOf({ type: type as string });
  if (wanted === 'integer' || wanted === 'number')
    return `${subject(text)} must be a ${wanted === 'integer' ? 'whole ' : ''}number`;
  if (wanted === 'boolean') return `Select yes or no for ${named(text)}`;
  if (wanted === 'string') return `Enter ${named(text)} as text`;
  if (wanted === undefined) return `${subject(text)} must be left empty`;
  return requiredMessage({ ...field, type: String(wanted) }, text);
}

function multipleMessage(text: string, step: number): string {
  const places = -Math.log10(step);
  if (step === 1) return `${subject(text)} must be a whole number`;
  if (Number.isInteger(places) && places > 0)
    return `${subject(text)} must have ${plural(places, 'decimal place')} or fewer`;
  return `${subject(text)} must be a multiple of ${step}`;
}

function containsMessage(field: FieldSchema | undefined, text: string, min: number, max: number | undefined): string {
  const contains = field?.contains as FieldSchema | undefined;
  const what = contains && 'const' in contains ? `“${String(contains.const)}”` : 'a matching entry';
  const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
  const range =
    max === undefined
      ? min > 1
        ? ` at least ${times(min)}`
        : ''
      : min === max
        ? ` exactly ${times(min)}`
        : ` at most ${times(max)}`;
  return `${subject(text)} must include ${what}${range}`;
}

function countMessage(field: FieldSchema | undefined, text: string, limit: number, least: boolean): string {
  if (itemsAreChoices(field))
    return `Select ${least ? 'at least' : 'no more than'} ${plural(limit, 'option')} for ${named(text)}`;
  const entries = `${limit} ${limit === 1 ? 'entry' : 'entries'}`;
  return least ? `Add at least ${entries} to ${named(text)}` : `${subject(text)} must have ${entries} or fewer`;
}

const LIMITS: Record<string, string> = {
  minimum: 'or more',
  maximum: 'or less',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

/** The message for one error of the field named `text`, or the field's x-errorMessage for that keyword. */
export function keywordMessage(error: ErrorObject, field: FieldSchema | undefined, text: string): string {
  const custom = field?.['x-errorMessage'];
  const p = error.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const keyword = error.keyword;
  if (custom?.[keyword]) return custom[keyword];
  if (keyword in LIMITS) {
    const words = LIMITS[keyword]!;
    const own = custom?.[keyword.includes('inimum') ? 'minimum' : 'maximum'];
    return own ?? `${subject(text)} must be ${words.endsWith('than') ? `${words} ${limit}` : `${limit} ${words}`}`;
  }
  switch (keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return custom?.required ?? requiredMessage(field, text);
    case 'format':
      return formatMessage(String(p.format), text);
    case 'type':
      return typeMessage(field, text, p.type);
    case 'maxLength':
      return `${subject(text)} must be ${plural(limit, 'character')} or fewer`;
    case 'minLength':
      return limit === 1 ? requiredMessage(field, text) : `${subject(text)} must be ${limit} characters or more`;
    case 'multipleOf':
      return multipleMessage(text, Number(p.multipleOf));
    case 'minItems':
      return countMessage(field, text, limit, true);
    case 'maxItems':
    case 'items':
    case 'additionalItems':
    case 'unevaluatedItems':
      return countMessage(field, text, limit, false);
    case 'uniqueItems':
      return `${subject(text)} must not repeat an answer`;
    case 'contains':
      return containsMessage(
        field,
        text,
        Number(p.minContains ?? 1),
        p.maxContains === undefined ? undefined : Number(p.maxContains),
      );
    case 'minProperties':
    case 'maxProperties': {
      const bound = keyword === 'minProperties' ? 'at least' : 'no more than';
      return `Answer ${bound} ${plural(limit, 'question')} in ${named(text)}`;
    }
    case 'const':
      return p.allowedValue === true
        ? requiredMessage({ const: true }, text)
        : `${subject(text)} must be “${shownValue(p.allowedValue)}”`;
    case 'enum':
    case 'oneOf':
    case 'anyOf':
      return (
        custom?.enum ??
        (isVariantOfValues(field, keyword)
          ? `Enter ${named(text)} in the correct format`
          : `Select one of the options for ${named(text)}`)
      );
    case 'additionalProperties':
    case 'unevaluatedProperties':
    case 'propertyNames': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty ?? p.propertyName);
      return `“${name}” is not a question on this form`;
    }
    case 'false schema':
      return `${subject(text)} must not be answered`;
    default:
      return `Enter ${named(text)} in the correct format`;
  }
}

/** A oneOf/anyOf of kinds of value (an email address or a phone number), not of options or groups of questions. */
function isVariantOfValues(field: FieldSchema | undefined, keyword: string): boolean {
  const variants = field?.[keyword];
  return (
    Array.isArray(variants) &&
    variants.every(
      (v) =>
        v &&
        typeof v === 'object' &&
        !('const' in v) &&
        !('properties' in v) &&
        v.type !== 'object' &&
        v.type !== 'null',
    )
  );
}
