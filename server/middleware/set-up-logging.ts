// One structured line per request: method, path, status, time and who. Never headers, bodies, or query answers.
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

export function setUpLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customProps: (_req, res) => {
      const user = (res as unknown as { locals?: { user?: { username: string; role: string; demo: boolean } } }).locals?.user;
      return user ? { user: user.username, role: user.role, ...(user.demo ? { demo: true } : {}) } : {};
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  }) as unknown as RequestHandler;
}
