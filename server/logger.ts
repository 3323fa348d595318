// The one logger: structured JSON lines (pino). Secrets and anything a person typed are redacted, whatever logs them.
import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths never written to the log: credentials, and bodies that may hold form answers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'body',
  'data',
  'forms',
  'answers',
  'password',
  '*.password',
];

/**
 * An error as it may be logged: its type, code and where it was thrown. The message is cut short, since some
 * libraries (a database driver, say) quote the values they were given in it.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code } = error as { code?: unknown };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((l) => l.trim());
  return {
    type: error.name,
    ...(code !== undefined ? { code } : {}),
    message: error.message.slice(0, 160),
    stack: frames,
  };
}

const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 250;

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: { app: 'dao-pathways' },
    redact: { paths: REDACTED_PATHS, censor: '[withheld]' },
  };
  // Standard output is written asynchronously, off the event loop, a few kilobytes at a time (a write per line costs
  // more than making the line), and at least every LOG_FLUSH_MS when lines come slowly. pino flushes what is left when
  // the process exits; a SIGKILL may lose the last lines (the audit is in the store).
  return pino(
    settings,
    (options.destination ??
      pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS })) as never,
  );
}
