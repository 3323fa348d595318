// The one error handler: every error leaves as application/problem+json {type, title, status, detail, ...extensions}.
// Unexpected errors are logged (without request bodies) and answered with a generic 500.
import type { ErrorRequestHandler } from 'express';
import createError, { isHttpError } from 'http-errors';
import { STATUS_CODES } from 'node:http';
import { errorSummary, type Logger } from '../logger.js';
import { toHttpError } from '../http-problems.js';
import { genericProblemCode, isProblemCode, PROBLEM_TYPES, problemType } from '../problem-types.js';
import { sendJsonText } from '../send-json-text.js';

export function errorHandler(logger: Logger, production: boolean): ErrorRequestHandler {
  return (raw, req, res, next) => {
    if (res.headersSent) return next(raw);
    const error =
      toHttpError(raw) ??
      (isHttpError(raw) ? raw : undefined) ??
      createError(500, production ? 'Something went wrong on our side.' : 'Internal error (see the server log)');
    if (error.status >= 500)
      logger.error(
        { error: errorSummary(raw), method: req.method, path: req.originalUrl.split('?')[0] },
        'request failed',
      );
    const { code: raised, extensions } = error as { code?: unknown; extensions?: Record<string, unknown> };
    // Only this product's problem types go out: a code brought by a library (zlib's Z_DATA_ERROR …) is not one.
    const ours = isProblemCode(raised);
    const code = ours ? raised : genericProblemCode(error.status);
    const exposed = ours || raised === undefined ? error.message : PROBLEM_TYPES[code];
    const body = {
      type: problemType(code),
      title: STATUS_CODES[error.status] ?? 'Error',
      status: error.status,
      detail: error.expose ? exposed : STATUS_CODES[error.status],
      code,
      ...extensions,
    };
    if (error.headers) res.set(error.headers);
    sendJsonText(res.status(error.status), JSON.stringify(body), 'application/problem+json');
  };
}

export function notFound(): import('express').RequestHandler {
  return (req, _res, next) =>
    next(createError(404, `There is nothing at ${req.method} ${req.originalUrl.split('?')[0]}`, { code: 'not-found' }));
}
