// How errors from the engine and the request parser become HTTP problems (status, code and extensions).
import createError, { type HttpError } from 'http-errors';
import { CaseServiceError, DefinitionProblemsError, StoreQueryError } from '../engine/index.js';
import { publicProblem } from './services/definitions-admin.js';
import type { ProblemCode } from './problem-types.js';

const STATUS: Record<string, number> = {
  'not-found': 404,
  'not-visible': 404,
  conflict: 409,
  forbidden: 403,
  'event-not-allowed': 422,
  'guard-failed': 422,
  'form-invalid': 422,
  'form-not-open': 422,
  'data-invalid': 422,
  'instance-closed': 422,
  'cannot-migrate': 422,
  'empty-change': 400,
};

/** A problem with a code of problem-types.ts and extra members; `expose` so its message is the detail. */
export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers?: Record<string, string>,
): HttpError {
  return createError(status, detail, { code, extensions, expose: true, ...(headers ? { headers } : {}) });
}

function caseProblem(error: CaseServiceError): HttpError {
  const status = STATUS[error.code] ?? 500;
  const { allowedEvents, fieldErrors, currentVersion } = error.details;
  const extensions: Record<string, unknown> = {};
  if (status === 409) extensions.currentVersion = currentVersion;
  if (status === 422 || status === 403)
    Object.assign(extensions, { allowedEvents: allowedEvents ?? [], errors: fieldErrors ?? {} });
  // A case someone may not see is reported exactly like one that does not exist.
  const detail = error.code === 'not-visible' ? 'There is no such case, or it is not one of yours.' : error.message;
  return problem(status, error.code === 'not-visible' ? 'not-found' : error.code, detail, extensions);
}

export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof CaseServiceError) return caseProblem(error);
  if (error instanceof StoreQueryError) {
    return problem(400, 'bad-request', `${error.message}.`, { parameter: error.parameter });
  }
  if (error instanceof DefinitionProblemsError) {
    return problem(422, error.code, 'The definitions have problems; nothing was published.', {
      problems: error.problems.map(publicProblem),
    });
  }
  const parser = error as { type?: string; status?: number };
  if (parser.type === 'entity.too.large') return problem(413, 'too-large', 'The request body is larger than 1 MB.');
  if (parser.type === 'entity.parse.failed') return problem(400, 'bad-json', 'The request body is not valid JSON.');
  if (parser.type === 'encoding.unsupported' || parser.type === 'charset.unsupported') {
    return problem(415, 'unsupported-encoding', "The server does not read the body's content encoding or charset.");
  }
  if (typeof parser.type === 'string' && parser.status && parser.status < 500) {
    return problem(parser.status, 'bad-request', 'The request body could not be read.');
  }
  // The router could not percent-decode a path parameter (GET /api/cases/%): the caller's mistake, not ours.
  if (error instanceof URIError) return problem(400, 'bad-request', 'The address could not be decoded.');
  return undefined;
}
