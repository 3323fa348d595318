// This product's problem types, the one list: an error response's `type` is `urn:dao-pathways:problem:<code>` for a
// code of this table and nothing else. A failure that brings its own code (a library's, e.g. zlib's Z_DATA_ERROR for
// a body that does not inflate) is answered with the generic problem of its status instead.
export const PROBLEM_TYPES = {
  'bad-request': 'The request could not be read or is not what this endpoint takes',
  'bad-json': 'The request body is not valid JSON',
  'bad-path': 'A file path in the request is not allowed',
  'too-large': 'The request body is larger than 1 MB',
  'unsupported-encoding': 'The request body has a content encoding or charset the server does not read',
  'unknown-audience': 'The audience asked for is not an audience or role of roles.yaml',
  'not-signed-in': 'Sign in first',
  'sign-in-failed': 'The username or password is not right',
  'invalid-token': 'The bearer token is not valid, has no expiry, has expired or is too old',
  'bearer-not-accepted': 'This server does not accept bearer tokens',
  'too-many-attempts': 'Too many failed sign-ins; Retry-After says when to try again',
  csrf: 'The CSRF token is missing or wrong',
  forbidden: 'Your role may not do this',
  'not-shared': 'The document is not shared with you, or with the audience asked for, at the stage it is in',
  'unknown-role': 'Your role is not one of roles.yaml',
  'not-found': 'There is no such thing, or it is not visible to you',
  conflict: 'The case changed since you loaded it; currentVersion says to what',
  'event-not-allowed': "The event is not possible in the case's state; allowedEvents lists what is",
  'guard-failed': "The event's conditions are not met",
  'form-invalid': 'The answers are not valid; errors lists them by field',
  'form-not-open': 'The form cannot be filled in at this stage',
  'data-invalid': 'The details sent with the event are not valid',
  'empty-change': 'Nothing was sent: an event, the answers to a form, or both are needed; nothing was stored',
  'instance-closed': 'That part of the case has finished and takes no more events',
  'cannot-migrate': 'The case cannot move to that definitions version',
  'definition-problems': 'The definitions have problems; nothing was published',
  'definition-error': 'The definitions failed while the case was being changed',
  'internal-error': 'Something went wrong on the server',
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_TYPES, code);
}

export function problemType(code: ProblemCode): string {
  return `urn:dao-pathways:problem:${code}`;
}

/** The problem of a status when what failed gave no code of ours. */
export function genericProblemCode(status: number): ProblemCode {
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 415) return 'unsupported-encoding';
  return status >= 500 ? 'internal-error' : 'bad-request';
}
