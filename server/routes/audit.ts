// The audit log (roles with readAudit): who read or changed what, newest first. It never holds form answers.
import { Router } from 'express';
import { requireUser } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';

export function auditRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/audit', requireUser(services, 'readAudit'), async (req, res) => {
    const { caseId, userId, limit } = req.query;
    const entries = await services.store.listAudit({
      ...(typeof caseId === 'string' && caseId ? { caseId } : {}),
      ...(typeof userId === 'string' && userId ? { userId } : {}),
      limit: Math.min(Math.max(Number(limit) || 200, 1), 1000),
    });
    const names = await services.store.displayNames(entries.map((entry) => entry.userId));
    res.json({ entries: entries.map((entry) => ({ ...entry, userName: names[entry.userId] ?? entry.userId })) });
  });
  return router;
}
