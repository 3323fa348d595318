// A group of routes that all live under one path prefix is looked through only for requests under it; otherwise
// Express enters every router in turn and tries each of its routes. Like Express's routing, not case-sensitive.
import type { RequestHandler } from 'express';

export function onlyUnder(prefix: string, routes: RequestHandler): RequestHandler {
  const lowerPrefix = prefix.toLowerCase();
  return (req, res, next) => (req.path.toLowerCase().startsWith(lowerPrefix) ? routes(req, res, next) : next());
}
