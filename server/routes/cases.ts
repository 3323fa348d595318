// Opening cases and listing them: every list is a page (25 by default, never more than 100) of the cases the reader
// may see, in a view (all, mine, waiting, act, or a worklist of the definitions), searched, filtered and sorted by
// the store on indexed columns; the allocation queue is the waiting list with the officers' loads.
import { Router } from 'express';
import { maxPageSize } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { seesAllCases, seesNoCases } from '../services/abilities.js';
import { BUILT_IN_VIEWS, listQuery, worklistNames } from '../services/case-list-query.js';
import { casePageJson } from '../services/case-list-items.js';
import { caseResponse } from '../services/case-responses.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';
import { sendJsonText } from '../send-json-text.js';

const definitionsAt = (services: Services) => (version: number) => services.registry.get(version);

export function caseListRoutes(services: Services): Router {
  const router = Router();
  // The paths below these are one case's (case.ts, drafts.ts, documents.ts), mounted at the same place.
  router.all(['/', '/allocation-queue'], requireUser(services));

  router.post('/', async (req, res) => {
    const pathway = (req.body as { pathway?: unknown } | undefined)?.pathway;
    if (typeof pathway !== 'string' || !pathway) throw problem(400, 'bad-request', 'Send {"pathway": "<pathway id>"}.');
    const viewer = signedIn(res);
    const opened = await services.cases.openCase(serviceUser(viewer), pathway);
    const { text } = await caseResponse(services.store, viewer, opened, services.caseHistory, (version) =>
      services.registry.get(version),
    );
    res.status(201).location(`${req.baseUrl}/${opened.record.id}`);
    sendJsonText(res, text);
  });

  router.get('/', async (req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.registry.current();
    if (seesNoCases(defs, viewer.role)) throw problem(403, 'forbidden', 'Your role does not see cases.');
    const now = services.now();
    const { view, query } = listQuery(req.query, viewer, defs, now);
    const page = await services.cases.listCases(serviceUser(viewer), query);
    res.json({
      view,
      filter: view,
      sort: query.sort ?? 'oldest',
      limit: query.limit ?? 25,
      ...(await casePageJson(services.store, page, now, viewer.role, definitionsAt(services))),
    });
  });

  router.get('/views', async (_req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.registry.current();
    const screens = defs.settings.screens ?? {};
    const views = [...BUILT_IN_VIEWS, ...worklistNames(defs)]
      .filter((view) => view !== 'waiting' || seesAllCases(defs, viewer.role))
      .map((id) => ({
        id,
        ...(screens[id]?.title ? { title: screens[id]!.title } : {}),
        ...(screens[id]?.intro ? { intro: screens[id]!.intro } : {}),
      }));
    res.json({ views, landing: 'act', maxPageSize });
  });

  router.get('/allocation-queue', async (req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.registry.current();
    if (!seesAllCases(defs, viewer.role))
      throw problem(403, 'forbidden', 'Only roles that see all cases see the allocation queue.');
    const now = services.now();
    const { query } = listQuery({ ...req.query, view: 'waiting', sort: undefined }, viewer, defs, now);
    const loads = await services.cases.officerLoads(defs);
    const officers = (defs.settings.officers ?? []).map((o) => ({
      username: o.username,
      name: o.name ?? o.username,
      role: o.role,
      ...loads[o.username]!,
    }));
    const page = await services.cases.allocationQueue(serviceUser(viewer), query);
    const json = await casePageJson(services.store, page, now, viewer.role, definitionsAt(services));
    res.json({ ...json, officers });
  });

  return router;
}
