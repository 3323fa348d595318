// The words of each error message, one per JSON Schema keyword, after the GOV.UK Design System's error messages:
// say what to do ("Enter", "Select"), name the question by its title, never echo a value or a keyword. A form may
// word any of them itself with x-errorMessage: { keyword: message }.
import type { ErrorObject } from 'ajv';
import type { FieldSchema } from './schema-at.js';

/** The question's name: its title, else (for an item of a list) "item 2 of <list>", else its key. */
export function label(field: FieldSchema | undefined, path: string, parent?: FieldSchema): string {
  const title = field?.title?.trim().replace(/[:.]$/, '');
  const key = path.split('.').pop() ?? '';
  if (/^\d+$/.test(key)) {
    const position = Number(key) + 1;
    const isTuple = Array.isArray(parent?.prefixItems) || Array.isArray(parent?.items);
    if (title) return isTuple ? title : `${title} ${position}`;
    const list = parent?.title?.trim() || 'the list';
    return `Item ${position} of ${lowerFirst(list)}`;
  }
  return title || key || 'this answer';
}

export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function typesOf(field: FieldSchema | undefined): string[] {
  const type = field?.type;
  return (Array.isArray(type) ? type : type === undefined ? [] : [type]).filter((t) => t !== 'null');
}

function isChoice(field: FieldSchema | undefined): boolean {
  if (!field) return false;
  const widget = field['x-widget'];
  const options = Array.isArray(field.oneOf) && field.oneOf.every((o) => o && typeof o === 'object' && 'const' in o);
  return Boolean(field.enum || options || typesOf(field)[0] === 'boolean' || widget === 'radios' || widget === 'scale' || widget === 'select');
}

/** "“Question?”" for a question, "question" for a name, as GOV.UK messages quote them. */
function named(text: string): string {
  return text.endsWith('?') ? `“${text}”` : lowerFirst(text);
}

/** The start of a "… must be …" sentence: the name, or "Your answer to “Question?”". */
function subject(text: string): string {
  return text.endsWith('?') ? `Your answer to “${text}”` : text;
}

/** A declaration to tick (const: true): "Select “I confirm …” to continue", or "Confirm the person has consented". */
function confirmMessage(text: string): string {
  return /^I\b/.test(text) ? `Select “${text}” to continue` : `Confirm ${lowerFirst(text)}`;
}

export function requiredMessage(field: FieldSchema | undefined, text: string): string {
  const type = typesOf(field)[0];
  if (field?.const === true) return confirmMessage(text);
  if (type === 'array') {
    const items = field?.items && typeof field.items === 'object' ? (field.items as FieldSchema) : undefined;
    return isChoice(items) ? `Select at least one option for ${named(text)}` : `Add at least one entry to ${named(text)}`;
  }
  if (isChoice(field)) return text.endsWith('?') ? `Select an answer to “${text}”` : `Select ${lowerFirst(text)}`;
  if (type === 'object') return `Complete ${named(text)}`;
  return text.endsWith('?') ? `Answer “${text}”` : `Enter ${lowerFirst(text)}`;
}

const FORMAT_WORDS: Record<string, (text: string) => string> = {
  date: (text) => `${subject(text)} must be a real date`,
  'date-time': (text) => `${subject(text)} must be a real date and time`,
  time: (text) => `${subject(text)} must be a real time`,
  email: (text) => `Enter ${named(text)} in the correct format, like name@example.com`,
  uri: (text) => `Enter ${named(text)} in the correct format, like https://www.example.com`,
  url: (text) => `Enter ${named(text)} in the correct format, like https://www.example.com`,
};

function typeMessage(field: FieldSchema | undefined, name: string, type: unknown): string {
  const text = subject(name);
  const wanted = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null')[0];
  if (wanted === 'integer') return `${text} must be a whole number`;
  if (wanted === 'number') return `${text} must be a number`;
  if (wanted === 'boolean') return `Select yes or no for ${named(name)}`;
  if (wanted === 'string') return `Enter ${named(name)} as text`;
  if (wanted === 'null' || wanted === undefined) return `${text} must be left empty`;
  return requiredMessage({ ...field, type: String(wanted) }, name);
}

function decimalPlaces(step: number): number | undefined {
  const places = -Math.log10(step);
  return Number.isInteger(places) && places > 0 ? places : undefined;
}

function multipleMessage(name: string, step: number): string {
  const text = subject(name);
  if (step === 1) return `${text} must be a whole number`;
  const places = decimalPlaces(step);
  if (places !== undefined) return `${text} must have ${places} decimal place${places === 1 ? '' : 's'} or fewer`;
  return `${text} must be a multiple of ${step}`;
}

function containsMessage(field: FieldSchema | undefined, name: string, min: number, max: number | undefined): string {
  const text = subject(name);
  const contains = field?.contains as FieldSchema | undefined;
  const what = contains && 'const' in contains ? `“${String(contains.const)}”` : 'a matching entry';
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  if (max === undefined) return min <= 1 ? `${text} must include ${what}` : `${text} must include ${what} at least ${times(min)}`;
  if (min === max) return `${text} must include ${what} exactly ${times(min)}`;
  return min >= 1 ? `${text} must include ${what} at least ${times(min)} and at most ${times(max)}` : `${text} must include ${what} at most ${times(max)}`;
}

function itemsMessage(field: FieldSchema | undefined, text: string, limit: number, least: boolean): string {
  const items = field?.items && typeof field.items === 'object' ? (field.items as FieldSchema) : undefined;
  if (isChoice(items)) {
    const options = `${limit} option${limit === 1 ? '' : 's'}`;
    return least ? `Select at least ${options} for ${named(text)}` : `Select no more than ${options} for ${named(text)}`;
  }
  if (least) return `Add at least ${limit} ${limit === 1 ? 'entry' : 'entries'} to ${named(text)}`;
  return `${subject(text)} must have ${limit} ${limit === 1 ? 'entry' : 'entries'} or fewer`;
}

/** A oneOf/anyOf of kinds of value (an email address or a phone number), not of options or groups of questions. */
function isVariantOfValues(field: FieldSchema | undefined, keyword: string): boolean {
  const variants = keyword === 'enum' ? undefined : field?.[keyword];
  if (!Array.isArray(variants)) return false;
  return variants.every((v) => v && typeof v === 'object' && !('const' in v) && !('properties' in v) && v.type !== 'object' && v.type !== 'null');
}

/** The message for one error of the field at `path` (named `text`), or its x-errorMessage. */
export function keywordMessage(error: ErrorObject, field: FieldSchema | undefined, text: string): string {
  const custom = field?.['x-errorMessage'];
  const p = error.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const own = custom?.[error.keyword];
  if (own) return own;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return custom?.required ?? requiredMessage(field, text);
    case 'format':
      return (FORMAT_WORDS[String(p.format)] ?? ((t: string) => `Enter ${named(t)} in the correct format`))(text);
    case 'type':
      return typeMessage(field, text, p.type);
    case 'maxLength':
      return `${subject(text)} must be ${limit} character${limit === 1 ? '' : 's'} or fewer`;
    case 'minLength':
      return limit === 1 ? requiredMessage(field, text) : `${subject(text)} must be ${limit} characters or more`;
    case 'pattern':
      return `Enter ${named(text)} in the correct format`;
    case 'minimum':
      return custom?.minimum ?? `${subject(text)} must be ${limit} or more`;
    case 'exclusiveMinimum':
      return custom?.minimum ?? `${subject(text)} must be more than ${limit}`;
    case 'maximum':
      return custom?.maximum ?? `${subject(text)} must be ${limit} or less`;
    case 'exclusiveMaximum':
      return custom?.maximum ?? `${subject(text)} must be less than ${limit}`;
    case 'multipleOf':
      return multipleMessage(text, Number(p.multipleOf));
    case 'minItems':
      return itemsMessage(field, text, limit, true);
    case 'maxItems':
    case 'items':
    case 'additionalItems':
    case 'unevaluatedItems':
      return itemsMessage(field, text, limit, false);
    case 'uniqueItems':
      return `${subject(text)} must not repeat an answer`;
    case 'contains':
      return containsMessage(field, text, Number(p.minContains ?? 1), p.maxContains === undefined ? undefined : Number(p.maxContains));
    case 'minProperties':
      return `Answer at least ${limit} question${limit === 1 ? '' : 's'} in ${named(text)}`;
    case 'maxProperties':
      return `Answer no more than ${limit} question${limit === 1 ? '' : 's'} in ${named(text)}`;
    case 'const':
      return p.allowedValue === true ? confirmMessage(text) : `${subject(text)} must be “${typeof p.allowedValue === 'string' ? p.allowedValue : JSON.stringify(p.allowedValue)}”`;
    case 'enum':
    case 'oneOf':
    case 'anyOf':
      return custom?.enum ?? (isVariantOfValues(field, error.keyword) ? `Enter ${named(text)} in the correct format` : `Select one of the options for ${named(text)}`);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `“${String(p.additionalProperty ?? p.unevaluatedProperty)}” is not a question on this form`;
    case 'propertyNames':
      return `“${String(p.propertyName)}” is not a question on this form`;
    case 'false schema':
      return `${subject(text)} must not be answered`;
    default:
      return `Enter ${named(text)} in the correct format`;
  }
}
