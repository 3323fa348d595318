// Security headers (helmet) with a Content-Security-Policy for a Lit web app served from this origin: scripts and
// styles from 'self' only (Lit's constructable stylesheets need no inline styles; the print view's <style> does), no eval.
import helmet from 'helmet';
import { Router } from 'express';

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

export function setUpWebSecurity(): Router {
  const router = Router();
  router.use(helmet(HELMET_OPTIONS));
  // API answers carry case data: no shared or browser cache may keep them.
  router.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  return router;
}
