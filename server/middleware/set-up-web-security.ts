// Security headers (helmet) with a Content-Security-Policy for a Lit web app served from this origin: scripts and
// styles from 'self' only (Lit's constructable stylesheets need no inline styles; the print view's <style> does), no eval.
import helmet from 'helmet';
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

/** As Express matches `/api`: case-insensitive, the prefix itself or anything below it. */
const API_PATH = /^\/api(?:\/|$)/i;

/**
 * Two middlewares for the router that app.ts makes, not a router of their own: a router whose last layer passes a
 * request on hands it back to its parent only at the next turn of the event loop (setImmediate), every request.
 */
export function setUpWebSecurity(): RequestHandler[] {
  return [
    helmet(HELMET_OPTIONS),
    (req, res, next) => {
      // API answers carry case data: no shared or browser cache may keep them.
      if (API_PATH.test(req.path)) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
