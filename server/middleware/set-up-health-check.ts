// GET /api/health: answers before authentication, so load balancers and the host can probe it.
import { Router } from 'express';
import type { Services } from '../services/index.js';

export function setUpHealthCheck(services: Services): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const { version } = await services.registry.current();
    res.set('Cache-Control', 'no-store').json({ status: 'ok', definitionVersion: version });
  });
  return router;
}
