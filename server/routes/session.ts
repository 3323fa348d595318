// Sign in (local accounts), sign out, and who am I. Sign-in is limited per address, and per username at an address.
import { Router, type Request, type Response } from 'express';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { readCookie } from '../middleware/set-up-authentication.js';
import { problem } from '../http-problems.js';
import type { Services } from '../services/index.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../services/session-tokens.js';
import type { Viewer } from '../types.js';
import { describeUser } from './users.js';
import { productPath } from '../product-path.js';

/** Where app.ts mounts these routes, below the product's own path. */
export const SESSION_PATH = '/api/session';

/** In production the cookie is Secure whatever the request says: a proxy not trusted (TRUST_PROXY) hides the https. */
function cookieOptions(req: Request, production: boolean) {
  // The cookie is the whole product's, wherever a host mounts it.
  const path = productPath(req, SESSION_PATH) || '/';
  return { httpOnly: true, sameSite: 'strict' as const, secure: production || req.secure, path };
}

function credentials(body: unknown): { username: string; password: string } {
  const { username, password } = (body ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1000) {
    throw problem(400, 'bad-request', 'Send {"username": "…", "password": "…"}.');
  }
  return { username, password };
}

export function sessionRoutes(services: Services): Router {
  const router = Router();

  router.post('/', async (req: Request, res: Response) => {
    const { username, password } = credentials(req.body);
    // The client's address as Express works it out under TRUST_PROXY (config.ts refuses settings in production
    // that would give every client the proxy's one address).
    const address = req.ip ?? 'unknown';
    const start = await services.signInLimiter.begin(address, username);
    if (!start.allowed) {
      const minutes = Math.ceil(start.retryAfterSeconds / 60);
      throw problem(
        429,
        'too-many-attempts',
        `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
        {},
        {
          'Retry-After': String(start.retryAfterSeconds),
        },
      );
    }
    const { defs } = await services.registry.current();
    const { accepted, account: user } = await services.users.checkPassword(username, password, defs);
    if (!accepted || !user) {
      const lockOuts = services.signInLimiter.failed(start.ticket);
      await services.signInAudit.failed({ account: user?.username, address, lockOuts });
      throw problem(401, 'sign-in-failed', 'The username or password is not right.');
    }
    await services.signInLimiter.succeeded(start.ticket);
    const { token, claims } = services.sessions.issue(user.username);
    const viewer: Viewer = {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      demo: user.demo,
      via: 'session',
      sessionId: claims.sid,
    };
    res.locals.user = viewer;
    services.logger.info(
      { user: user.username, role: user.role, demo: user.demo },
      user.demo ? 'signed in (demo account)' : 'signed in',
    );
    await services.store.appendAudit({
      at: services.now(),
      userId: user.username,
      caseId: null,
      action: 'signed-in',
      detail: { demo: user.demo },
    });
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req, services.production), maxAge: SESSION_TTL_MS });
    res.json({ user: describeUser(viewer, defs), csrfToken: services.sessions.csrfToken(claims.sid) });
  });

  router.delete('/', async (req, res) => {
    const user = signedIn(res);
    // The cookie is cleared, and the session ended in the store, so that a copy of the cookie is refused too.
    const claims = services.sessions.verify(readCookie(req, SESSION_COOKIE));
    if (claims) {
      await services.endedSessions.end(claims.sid, claims.exp);
      await services.store.appendAudit({
        at: services.now(),
        userId: user.username,
        caseId: null,
        action: 'signed-out',
        detail: null,
      });
    }
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, services.production));
    res.status(204).end();
  });

  router.get('/me', requireUser(services), async (_req, res) => {
    const user = signedIn(res);
    const { defs } = await services.registry.current();
    res.json({
      user: describeUser(user, defs),
      ...(user.sessionId ? { csrfToken: services.sessions.csrfToken(user.sessionId) } : {}),
    });
  });

  return router;
}
