// Errors the case service returns to its callers (the server maps each code to an HTTP status).
import type { CaseError } from '../runtime/model.js';

export type ServiceErrorCode = CaseError['code'] | 'conflict' | 'not-visible' | 'empty-change';

export class CaseServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details: Partial<Pick<CaseError, 'allowedEvents' | 'fieldErrors'>> & { currentVersion?: number } = {},
  ) {
    super(message);
    this.name = 'CaseServiceError';
  }
}
