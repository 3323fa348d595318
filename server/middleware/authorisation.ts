// Route guards: signed in (401 otherwise), holding a role of roles.yaml, and optionally an ability from roles.yaml (403).
import type { RequestHandler, Response } from 'express';
import { problem } from '../http-problems.js';
import { hasAbility, isKnownRole, type Ability } from '../services/abilities.js';
import type { Services } from '../services/index.js';
import type { Viewer } from '../types.js';

export function signedIn(res: Response): Viewer {
  const user = res.locals.user;
  if (!user) throw problem(401, 'not-signed-in', 'Sign in first.');
  return user;
}

export function requireUser(services: Services, ability?: Ability): RequestHandler {
  return async (_req, res, next) => {
    const user = signedIn(res);
    const { defs } = await services.registry.current();
    if (!isKnownRole(defs, user.role))
      throw problem(403, 'unknown-role', `The role "${user.role}" is not one of this service's roles.`);
    if (ability && !hasAbility(defs, user.role, ability)) throw problem(403, 'forbidden', 'Your role may not do this.');
    next();
  };
}
