// JSON bodies up to 1 MB (larger ones are refused with 413 by the error handler); nothing else is parsed.
import express, { type RequestHandler } from 'express';

export const BODY_LIMIT = '1mb';

export function setUpRequestParsing(): RequestHandler {
  return express.json({ limit: BODY_LIMIT, strict: true });
}
