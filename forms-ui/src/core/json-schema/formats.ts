// The `format` checks ajv-formats gives the server's ajv (its "full" formats), so the browser and the server agree
// on what a real date, time, email address or URI is.
import { fullFormats } from './ajv-formats.generated.js';
import { typeMatches } from './data-types.js';

type Check = RegExp | ((value: never) => boolean);
type Definition = Check | true | { type?: string; validate: Check };

const formats = fullFormats as unknown as Record<string, Definition | undefined>;

function passes(check: Check, value: unknown): boolean {
  return check instanceof RegExp ? check.test(String(value)) : check(value as never);
}

/**
 * undefined for a format ajv-formats does not know; otherwise whether `value` passes (data not of the format's type,
 * Infinity for a number format included, always does, as in ajv).
 */
export function checkFormat(name: string, value: unknown): boolean | undefined {
  const definition = Object.hasOwn(formats, name) ? formats[name] : undefined;
  if (definition === undefined) return undefined;
  if (definition === true) return true;
  const { type, validate } =
    typeof definition === 'object' && 'validate' in definition ? definition : { type: undefined, validate: definition };
  return !typeMatches(type ?? 'string', value) || passes(validate, value);
}
