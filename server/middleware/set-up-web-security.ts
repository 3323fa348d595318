// Security headers (helmet) with a Content-Security-Policy for a Lit web app served from this origin: scripts and
// styles from 'self' only (Lit's constructable stylesheets need no inline styles; the print view's <style> does), no eval.
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  upgradeInsecureRequests: null,
};

export const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
};

interface HeaderChanges {
  set: [string, string | number | readonly string[]][];
  removed: string[];
}

/**
 * What helmet does to a response, recorded once. Its headers depend on neither the request nor the response here
 * (no CSP nonces), so setting the recorded set gives every response the same headers helmet would, without running
 * its dozen middlewares and rebuilding the policy for each request.
 */
function helmetHeaders(): HeaderChanges {
  const changes: HeaderChanges = { set: [], removed: [] };
  const recorder = {
    // Names in lower case, as HTTP/2 writes them (HTTP/1.1 names are case-insensitive): Node keys a response's headers
    // by the lower-case name, and lowering a name already in lower case gives the same string, not a new one to look up.
    setHeader: (name: string, value: string | number | readonly string[]) => changes.set.push([name.toLowerCase(), value]),
    removeHeader: (name: string) => changes.removed.push(name),
  };
  let finished = false;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Every helmet middleware is synchronous; if one ever is not, fail at start-up rather than send fewer headers.
  if (!finished) throw new Error('helmet did not finish at once: its headers cannot be recorded');
  return changes;
}

/** As Express matches `/api`: case-insensitive, the prefix itself or anything below it. */
const API_PATH = /^\/api(?:\/|$)/i;

export function setUpWebSecurity(): RequestHandler {
  const { set, removed } = helmetHeaders();
  return (req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    // API answers carry case data: no shared or browser cache may keep them.
    if (API_PATH.test(req.path)) res.setHeader('cache-control', 'no-store');
    next();
  };
}
