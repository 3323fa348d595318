// Opening cases and listing them: my caseload, the allocation queue, all I may see; by state and by deadline.
import { Router, type Request } from 'express';
import type { CaseFilter, CaseRecord } from '../../engine/store/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { seesAllCases } from '../services/abilities.js';
import { caseResponse } from '../services/case-responses.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';
import { sendJsonText } from '../send-json-text.js';

export function caseSummary(record: CaseRecord) {
  const { state, title, referredBy, allocatedTo, priority, waiting, waitingSince, closed, nextDeadline, nextDeadlineLabel, activeCase } = record.summary;
  return { id: record.id, pathway: record.pathwayId, version: record.version, definitionVersion: record.definitionVersion, state, title, referredBy, allocatedTo, priority, waiting, waitingSince, closed, activeCase, nextDeadline, nextDeadlineLabel, createdBy: record.createdBy, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

function filterFrom(req: Request): CaseFilter {
  const { state, dueBefore, includeClosed, pathway } = req.query;
  const filter: CaseFilter = {};
  if (typeof state === 'string' && state) filter.states = state.split(',');
  if (typeof pathway === 'string' && pathway) filter.pathwayId = pathway;
  if (typeof dueBefore === 'string' && dueBefore) {
    const due = new Date(dueBefore);
    if (Number.isNaN(due.getTime())) throw problem(400, 'bad-request', 'dueBefore must be a date or date-time.');
    filter.dueBefore = due.toISOString();
  }
  if (includeClosed === 'true') filter.includeClosed = true;
  return filter;
}

function byId(records: CaseRecord[]): CaseRecord[] {
  return [...new Map(records.map((r) => [r.id, r])).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function caseListRoutes(services: Services): Router {
  const router = Router();
  // The paths below these are one case's (case.ts, drafts.ts, documents.ts), mounted at the same place.
  router.all(['/', '/allocation-queue'], requireUser(services));

  router.post('/', async (req, res) => {
    const pathway = (req.body as { pathway?: unknown } | undefined)?.pathway;
    if (typeof pathway !== 'string' || !pathway) throw problem(400, 'bad-request', 'Send {"pathway": "<pathway id>"}.');
    const viewer = signedIn(res);
    const opened = await services.cases.openCase(serviceUser(viewer), pathway);
    const { text } = await caseResponse(services.store, viewer, opened, services.caseHistory, (version) => services.registry.get(version));
    res.status(201).location(`${req.baseUrl}/${opened.record.id}`);
    sendJsonText(res, text);
  });

  router.get('/', async (req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.registry.current();
    if ((defs.roles.roles[viewer.role]?.caseVisibility ?? 'none') === 'none') throw problem(403, 'forbidden', 'Your role does not see cases.');
    const filter = filterFrom(req);
    const user = serviceUser(viewer);
    const which = req.query.filter ?? 'all';
    let cases: CaseRecord[];
    if (which === 'mine') cases = byId([...(await services.cases.listCases(user, { ...filter, allocatedTo: user.id })), ...(await services.cases.listCases(user, { ...filter, referredBy: user.id }))]);
    else if (which === 'waiting') cases = (await services.cases.allocationQueue(user)).filter((c) => matchesFilter(c, filter));
    else if (which === 'all') cases = await services.cases.listCases(user, filter);
    else throw problem(400, 'bad-request', 'filter is one of mine, waiting, all.');
    res.json({ filter: which, cases: cases.map(caseSummary) });
  });

  router.get('/allocation-queue', async (_req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.registry.current();
    if (!seesAllCases(defs, viewer.role)) throw problem(403, 'forbidden', 'Only roles that see all cases see the allocation queue.');
    const loads = await services.cases.officerLoads(defs);
    const officers = (defs.settings.officers ?? []).map((o) => ({ username: o.username, name: o.name ?? o.username, role: o.role, ...loads[o.username]! }));
    const cases = await services.cases.allocationQueue(serviceUser(viewer));
    res.json({ cases: cases.map(caseSummary), officers });
  });

  return router;
}

/** The allocation queue is computed without a filter; state and deadline filters apply afterwards. */
function matchesFilter(record: CaseRecord, filter: CaseFilter): boolean {
  if (filter.states && !filter.states.includes(record.summary.state)) return false;
  if (filter.pathwayId && record.pathwayId !== filter.pathwayId) return false;
  const next = record.summary.nextDeadline as string | null | undefined;
  return !filter.dueBefore || (typeof next === 'string' && next < filter.dueBefore);
}
