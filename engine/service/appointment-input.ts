// What appointments and groups check of their input, refused as data-invalid with words a person can act on.
import { CaseServiceError } from './errors.js';

export function invalid(message: string): CaseServiceError {
  return new CaseServiceError('data-invalid', message);
}

/** An ISO-8601 date and time, in canonical UTC form. */
export function instant(text: unknown, what: string): string {
  const millis = typeof text === 'string' ? Date.parse(text) : NaN;
  if (Number.isNaN(millis)) throw invalid(`Enter ${what} as a date and time (ISO-8601, e.g. 2026-03-02T10:00:00Z)`);
  return new Date(millis).toISOString();
}
