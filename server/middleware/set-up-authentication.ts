// Finds who is calling: a bearer token (host portals) or the session cookie (the web app). Does not refuse anyone;
// the routes say who they need (see authorisation.ts).
import type { Request, RequestHandler } from 'express';
import { problem } from '../http-problems.js';
import type { Services } from '../services/index.js';
import { SESSION_COOKIE } from '../services/session-tokens.js';

/** The first value of the named cookie that decodes; one that does not (`dao_session=%`) is ignored, as if absent. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // A malformed cookie must not lock the browser out of every route, sign-in included: the next one may do.
    }
  }
  return undefined;
}

export function setUpAuthentication(services: Services): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      if (!services.bearer)
        throw problem(401, 'bearer-not-accepted', 'This server is not configured to accept bearer tokens.');
      const identity = await services.bearer(header.slice(7).trim());
      if (!identity) throw problem(401, 'invalid-token', 'The bearer token is not valid or has expired.');
      res.locals.user = { ...identity, demo: false, via: 'bearer' };
      return next();
    }
    const claims = services.sessions.verify(readCookie(req, SESSION_COOKIE));
    if (claims && (await services.endedSessions.isLive(claims.sid))) {
      const { defs } = await services.registry.current();
      const user = await services.users.findSignedIn(claims.username, defs);
      if (user) {
        res.locals.user = {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          demo: user.demo,
          via: 'session',
          sessionId: claims.sid,
        };
      }
    }
    next();
  };
}
