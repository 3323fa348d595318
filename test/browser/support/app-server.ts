// The real server in this process for the web app's browser tests: a temporary SQLite data folder, the repository's
// definitions, the demo accounts with a known password; optionally mounted under a path in a host Express app.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createApp } from '../../../server/app.js';
import { createDao, type Dao } from '../../../server/create-dao.js';
import { createLogger } from '../../../server/logger.js';
import { REPO_ROOT } from './build.js';

export const DEMO_PASSWORD = 'demo password for the browser tests';

/** Demo accounts of definitions/settings.yaml, by the role they act in. */
export const ACCOUNTS = {
  'social-worker': 'social-worker',
  'team-manager': 'manager',
  'service-manager': 'service-manager',
  'dao-pso': 'officer-pso',
  'dao-po': 'officer-po',
  auditor: 'auditor',
  'partner-safety-officer': 'partner-safety',
} as const;

export interface AppServer {
  /** The web app's address, ending in "/". */
  url: string;
  dao: Dao;
  close(): Promise<void>;
}

export async function startAppServer(options: { mountPath?: string } = {}): Promise<AppServer> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-app-'));
  const dao = await createDao({
    dataDir: dir,
    definitionsDir: join(REPO_ROOT, 'definitions'),
    demo: { password: DEMO_PASSWORD },
    backgroundJobs: false,
    logger: createLogger({ level: 'silent' }),
  });
  let server: Server;
  if (options.mountPath) {
    const app = express();
    app.get('/', (_req, res) => res.send('host portal'));
    app.use(options.mountPath, dao.router);
    server = app.listen(0, '127.0.0.1');
  } else {
    // As npm start serves it.
    server = createApp(dao.services).listen(0, '127.0.0.1');
  }
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.mountPath ?? ''}/`,
    dao,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dao.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
