// JSON bodies up to JSON_LIMITS.bytes, 1 MB (larger ones are refused with 413 by the error handler); nothing else is
// parsed. Their depth is checked by the engine, on each value it stores.
import express, { type RequestHandler } from 'express';
import { JSON_LIMITS } from '../../engine/index.js';

export const BODY_LIMIT = JSON_LIMITS.bytes;

export function setUpRequestParsing(): RequestHandler {
  return express.json({ limit: BODY_LIMIT, strict: true });
}
