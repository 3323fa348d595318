// Work no request asks for: firing due timers and sending due emails (the mail outbox) every few seconds (and once at
// start), and purging drafts older than
// 24 hours every hour (so a draft is kept at least 23 hours), with the records of signed-out sessions that have
// expired and of failed sign-ins that no longer count.
import { errorSummary, type Logger } from './logger.js';
import type { Services } from './services/index.js';

export const TIMER_INTERVAL_MS = 5000;
export const MAIL_INTERVAL_MS = 5000;
export const DRAFT_PURGE_INTERVAL_MS = 60 * 60 * 1000;
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface BackgroundJobs {
  stop(): Promise<void>;
}

export interface BackgroundJobOptions {
  timerIntervalMs?: number;
  mailIntervalMs?: number;
  logger?: Logger;
}

export function startBackgroundJobs(services: Services, options: BackgroundJobOptions = {}): BackgroundJobs {
  const logger = options.logger ?? services.logger;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = (name: string, job: () => Promise<unknown>) => {
    if (stopped) return;
    running = running
      .then(job)
      .catch((err: unknown) => logger.error({ error: errorSummary(err), job: name }, 'background job failed'));
  };
  const fireTimers = () =>
    run('timers', async () => {
      const fired = await services.cases.fireDueTimers();
      if (fired) logger.info({ fired }, 'fired due timers');
    });
  const purgeDrafts = () =>
    run('drafts', async () => {
      const purged = await services.store.purgeDrafts(
        new Date(Date.parse(services.now()) - DRAFT_MAX_AGE_MS).toISOString(),
      );
      if (purged) logger.info({ purged }, 'purged old drafts');
      // Sessions whose tokens have expired are refused anyway: their record of having ended is no longer needed.
      await services.store.purgeEndedSessions(services.now());
      await services.signInLimiter.purge();
    });
  const sendMail = () =>
    run('mail', async () => {
      const sent = await services.mailSender.sendDue();
      if (sent) logger.info({ sent }, 'sent due emails');
    });
  fireTimers();
  purgeDrafts();
  const timers = [
    setInterval(fireTimers, options.timerIntervalMs ?? TIMER_INTERVAL_MS),
    setInterval(purgeDrafts, DRAFT_PURGE_INTERVAL_MS),
  ];
  if (services.mailSender.sending) {
    sendMail();
    timers.push(setInterval(sendMail, options.mailIntervalMs ?? MAIL_INTERVAL_MS));
  }
  for (const t of timers) t.unref();
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await running;
    },
  };
}
