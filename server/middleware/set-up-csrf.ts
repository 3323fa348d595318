// Cookie-authenticated writes must send back the CSRF token given at sign-in in X-CSRF-Token. Bearer requests need
// none (a browser never adds that header by itself), and signing in needs none (there is no session yet).
import type { RequestHandler } from 'express';
import { problem } from '../http-problems.js';
import { SESSION_PATH } from '../routes/session.js';
import type { Services } from '../services/index.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setUpCsrf(services: Services): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    const signingIn = req.method === 'POST' && req.path === SESSION_PATH;
    if (SAFE.has(req.method) || user?.via !== 'session' || signingIn) return next();
    if (!services.sessions.checkCsrf(user.sessionId!, req.get('x-csrf-token'))) {
      throw problem(403, 'csrf', 'This change needs the X-CSRF-Token header with the token given at sign-in.');
    }
    next();
  };
}
