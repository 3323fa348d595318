// Reading a JSON request body for the routes that take one object with the version the caller loaded.
import type { Request } from 'express';
import { problem } from '../http-problems.js';

export type Body = Record<string, unknown>;

export function bodyOf(req: Request): Body {
  const body = req.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw problem(400, 'bad-request', 'Send a JSON object.');
  return body as Body;
}

export function expectedVersion(body: Body): number {
  if (!Number.isInteger(body.expectedVersion))
    throw problem(400, 'bad-request', 'expectedVersion (the version you loaded) is required.');
  return body.expectedVersion as number;
}
