// The mail outbox as the Team Manager sees it (roles with readAudit): emails still waiting to go, with the error of
// their last try, and those given up on, newest first. `?status=` picks others (pending, failed, sent).
import { Router } from 'express';
import { type MailStatus } from '../../engine/index.js';
import { requireUser } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';

const STATUSES: readonly MailStatus[] = ['pending', 'failed', 'sent'];

function statusesAsked(query: unknown): MailStatus[] {
  if (typeof query !== 'string' || !query) return ['pending', 'failed'];
  return query.split(',').filter((status): status is MailStatus => STATUSES.includes(status as MailStatus));
}

export function outboxRoutes(services: Services): Router {
  const router = Router();
  router.get('/', requireUser(services, 'readAudit'), async (req, res) => {
    const { status, limit } = req.query;
    const mail = await services.store.listMail({
      status: statusesAsked(status),
      limit: Math.min(Math.max(Number(limit) || 100, 1), 500),
    });
    const names = await services.store.displayNames(mail.map((m) => m.recipient));
    res.json({
      sending: services.mailSender.sending,
      mail: mail.map(({ body: _body, ...m }) => ({ ...m, recipientName: names[m.recipient] ?? m.recipient })),
    });
  });
  return router;
}
