// For host apps: `app.use('/dao', await createRouter({ databaseUrl, definitionsDir, auth: { jwt } }))`. Everything,
// API and static files, works under any mount path. `router.close()` stops its jobs and closes a store it opened.
import type { Router } from 'express';
import { createDao, type DaoOptions } from './create-dao.js';
import type { Services } from './services/index.js';

export type DaoRouter = Router & { services: Services; close(): Promise<void> };

export async function createRouter(options: DaoOptions = {}): Promise<DaoRouter> {
  const dao = await createDao(options);
  return Object.assign(dao.router, { services: dao.services, close: () => dao.close() });
}

export type { DaoOptions };
