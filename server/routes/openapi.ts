// GET /api/openapi.json: the API description, with the server URL of wherever this router is mounted.
import { Router } from 'express';
import { openApiSpec } from '../openapi.js';
import { productPath } from '../product-path.js';

/** Where app.ts mounts these routes, below the product's own path. */
export const OPENAPI_PATH = '/api/openapi.json';

export function openApiRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    res.json({ ...openApiSpec, servers: [{ url: productPath(req, OPENAPI_PATH) || '/' }] });
  });
  return router;
}
