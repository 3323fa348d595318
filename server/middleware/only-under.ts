// A group of routes that all live under one path prefix (or at a few fixed paths) is looked through only for requests
// there; otherwise Express enters every router in turn, tries each of its routes, and leaves one that has no route for
// the request only at the next turn of the event loop. Like Express's routing, not case-sensitive.
import type { RequestHandler } from 'express';

/** A group of routes at a few fixed paths is looked through only for those paths (any letter case, one final slash or none). */
export function onlyAt(paths: readonly string[], routes: RequestHandler): RequestHandler {
  const exact = new Set(paths.map((path) => path.toLowerCase()));
  return (req, res, next) => {
    const path = req.path.toLowerCase();
    return exact.has(path.endsWith('/') ? path.slice(0, -1) : path) ? routes(req, res, next) : next();
  };
}

export function onlyUnder(prefix: string, routes: RequestHandler): RequestHandler {
  const lowerPrefix = prefix.toLowerCase();
  return (req, res, next) => (req.path.toLowerCase().startsWith(lowerPrefix) ? routes(req, res, next) : next());
}
