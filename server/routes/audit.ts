// The audit log (roles with readAudit): who read or changed what, newest first. It never holds form answers. Users
// are named by display name, and the cases by who they are about; entries about cases the reader may not see are left
// out.
import { Router } from 'express';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { identitiesOfCases } from '../services/case-identity.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';

export function auditRoutes(services: Services): Router {
  const router = Router();
  router.get('/', requireUser(services, 'readAudit'), async (req, res) => {
    const { caseId, userId, limit } = req.query;
    const entries = await services.store.listAudit({
      ...(typeof caseId === 'string' && caseId ? { caseId } : {}),
      ...(typeof userId === 'string' && userId ? { userId } : {}),
      limit: Math.min(Math.max(Number(limit) || 200, 1), 1000),
    });
    const caseIds = entries.flatMap((entry) => (entry.caseId ? [entry.caseId] : []));
    const [names, cases] = await Promise.all([
      services.store.displayNames(entries.map((entry) => entry.userId)),
      identitiesOfCases(services.cases, serviceUser(signedIn(res)), caseIds, (v) => services.registry.get(v)),
    ]);
    // A case the reader may not see at all (one of a confidential pathway they are not cleared for) is not even named.
    const shown = entries.filter((entry) => !entry.caseId || Object.hasOwn(cases, entry.caseId));
    res.json({
      entries: shown.map((entry) => ({ ...entry, userName: names[entry.userId] ?? entry.userId })),
      cases,
    });
  });
  return router;
}
