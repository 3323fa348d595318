// One structured line per request: method, path, status, time and who. Never headers, bodies, or query answers.
// The same line pino-http wrote, built directly: pino-http made two or three child loggers per request to get there.
import type { Request, RequestHandler, Response } from 'express';
import { errorSummary, type Logger } from '../logger.js';

let lastRequestId = 0;

interface RequestStart {
  id: number;
  method: string;
  path: string | undefined;
  startedAt: number;
}

function logRequest(logger: Logger, req: Request, res: Response, started: RequestStart, error?: unknown): void {
  const user = (res.locals as { user?: { username: string; role: string; demo: boolean } }).user;
  const line = {
    reqId: started.id,
    req: { id: started.id, method: started.method, path: started.path },
    ...(user ? { user: user.username, role: user.role, ...(user.demo ? { demo: true } : {}) } : {}),
    res: { status: res.statusCode },
    responseTime: Date.now() - started.startedAt,
  };
  if (error instanceof Error || res.statusCode >= 500) {
    logger.error({ ...line, ...(error instanceof Error ? { error: errorSummary(error) } : {}) }, 'request errored');
  } else {
    logger.info(line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
  }
}

export function setUpLogging(logger: Logger): RequestHandler {
  // A request line is built above from named fields only (never headers, bodies or answers), so there is nothing in
  // it for the logger's redaction to withhold; checking its paths on every line cost as much as writing the line.
  const requestLog = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const id = ++lastRequestId;
    // Taken now: a router mounted under a prefix rewrites req.url while it routes.
    const started: RequestStart = { id, method: req.method, path: req.url.split('?')[0], startedAt: Date.now() };
    let logged = false;
    // A response emits 'close' once it has finished, or alone when it is cut short; 'error' may come before it.
    res.once('error', (error: unknown) => {
      if (!logged) logRequest(requestLog, req, res, started, error);
      logged = true;
    });
    res.once('close', () => {
      if (!logged) logRequest(requestLog, req, res, started);
      logged = true;
    });
    next();
  };
}
