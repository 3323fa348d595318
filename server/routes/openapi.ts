// GET /api/openapi.json: the API description, with the server URL of wherever this router is mounted.
import { Router } from 'express';
import { openApiSpec } from '../openapi.js';

export function openApiRoutes(): Router {
  const router = Router();
  router.get('/api/openapi.json', (req, res) => {
    res.json({ ...openApiSpec, servers: [{ url: req.baseUrl || '/' }] });
  });
  return router;
}
