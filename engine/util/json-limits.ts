// One limit on every JSON value a person sends that is stored — form answers, event details and drafts alike: how
// deep it may nest, checked before anything walks it recursively (validation, redaction, JSON.stringify, which
// overflow the stack on values thousands of levels deep). No form or event nests anywhere near it. The byte limit
// is applied where JSON arrives as text: the server's body parser.
import type { CaseError } from '../runtime/model.js';

export const JSON_LIMITS = { depth: 32, bytes: 1024 * 1024 } as const;

/** How deep a value nests (a scalar: 0, `{}`: 1), counting no further than `limit`, so it never recurses deeply. */
export function nestingDepth(value: unknown, limit: number = JSON_LIMITS.depth + 1): number {
  if (!value || typeof value !== 'object') return 0;
  if (limit <= 1) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, nestingDepth(child, limit - 1));
  return deepest + 1;
}

export function exceedsJsonDepth(value: unknown): boolean {
  return nestingDepth(value) > JSON_LIMITS.depth;
}

/** The refusal of answers (submitted, or saved as a draft) that nest deeper than the limit. */
export function answersTooDeep(formTitle: string): CaseError {
  return {
    code: 'form-invalid',
    message: `The answers to "${formTitle}" are nested more than ${JSON_LIMITS.depth} levels deep`,
    fieldErrors: { '': [`Answers may be nested at most ${JSON_LIMITS.depth} levels deep`] },
  };
}

export function eventDataTooDeep(type: string): CaseError {
  return {
    code: 'data-invalid',
    message: `the details sent with "${type}" are nested more than ${JSON_LIMITS.depth} levels deep`,
  };
}
