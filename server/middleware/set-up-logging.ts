// One structured line per request: method, path, status, time and who. Never headers, bodies, or query answers.
// The same line pino-http wrote, built directly: pino-http made two or three child loggers per request to get there.
import type { RequestHandler } from 'express';
import { errorSummary, type Logger } from '../logger.js';

let lastRequestId = 0;

export function setUpLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const startedAt = Date.now();
    const id = ++lastRequestId;
    (req as { id?: unknown }).id = id;
    // Taken now: a router mounted under a prefix rewrites req.url while it routes.
    const request = { id, method: req.method, path: req.url.split('?')[0] };
    const finished = (error?: unknown): void => {
      res.off('close', finished);
      res.off('finish', finished);
      res.off('error', finished);
      const user = (res.locals as { user?: { username: string; role: string; demo: boolean } }).user;
      const line = {
        reqId: id,
        req: request,
        ...(user ? { user: user.username, role: user.role, ...(user.demo ? { demo: true } : {}) } : {}),
        res: { status: res.statusCode },
        responseTime: Date.now() - startedAt,
      };
      if (error instanceof Error || res.statusCode >= 500) {
        logger.error({ ...line, ...(error instanceof Error ? { error: errorSummary(error) } : {}) }, 'request errored');
      } else {
        logger.info(line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
      }
    };
    res.on('close', finished);
    res.on('finish', finished);
    res.on('error', finished);
    next();
  };
}
