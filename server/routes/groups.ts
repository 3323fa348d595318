// Groups (roles with the runGroups ability): the groups the definitions declare and those running, one group with its
// members named as the reader may see them, and its changes: a member added, a catch-up session, and attendance taken
// once for a session, which reaches each member's case.
import { Router, type Request, type Response } from 'express';
import type { GroupRecord, MemberAttendance } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { identitiesOfCases } from '../services/case-identity.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';
import { bodyOf, expectedVersion } from './request-body.js';

export function groupRoutes(services: Services): Router {
  const router = Router();
  router.use(requireUser(services, 'runGroups'));
  const user = (res: Response) => serviceUser(signedIn(res));
  const id = (req: Request) => String(req.params.id);

  /** The group with its members as this reader may see who they are (none named that they may not see). */
  const withMembers = async (res: Response, group: GroupRecord) => {
    const definitionsAt = (version: number) => services.registry.get(version);
    const identities = await identitiesOfCases(services.cases, user(res), group.members, definitionsAt);
    const names = await services.store.displayNames(group.facilitators);
    return {
      ...group,
      facilitatorNames: group.facilitators.map((f) => names[f] ?? f),
      memberCases: group.members.map((caseId) => ({ caseId, case: identities[caseId] ?? null })),
    };
  };

  router.get('/', async (_req, res) => {
    res.json({ kinds: await services.groups.kinds(), groups: await services.groups.list() });
  });

  router.post('/', async (req, res) => {
    const body = bodyOf(req);
    const group = await services.groups.create(user(res), {
      kind: String(body.kind ?? ''),
      ...(typeof body.title === 'string' ? { title: body.title } : {}),
      facilitators: Array.isArray(body.facilitators) ? body.facilitators.map(String) : [],
      firstSessionAt: String(body.firstSessionAt ?? ''),
      place: String(body.place ?? ''),
      ...(typeof body.everyDays === 'number' ? { everyDays: body.everyDays } : {}),
    });
    res.status(201).json(await withMembers(res, group));
  });

  router.get('/:id', async (req, res) => {
    res.json(await withMembers(res, await services.groups.get(id(req))));
  });

  router.post('/:id/members', async (req, res) => {
    const body = bodyOf(req);
    const group = await services.groups.addMember(id(req), user(res), expectedVersion(body), String(body.caseId));
    res.json(await withMembers(res, group));
  });

  router.post('/:id/sessions', async (req, res) => {
    const body = bodyOf(req);
    const group = await services.groups.addCatchUp(id(req), user(res), {
      expectedVersion: expectedVersion(body),
      catchUpFor: Number(body.catchUpFor),
      startsAt: String(body.startsAt ?? ''),
      place: String(body.place ?? ''),
    });
    res.json(await withMembers(res, group));
  });

  router.post('/:id/sessions/:number/attendance', async (req, res) => {
    const body = bodyOf(req);
    const attendance = body.attendance;
    if (typeof attendance !== 'object' || attendance === null || Array.isArray(attendance)) {
      throw problem(400, 'bad-request', 'attendance must be {caseId: {outcome, reason}}.');
    }
    const group = await services.groups.recordAttendance(
      id(req),
      Number(req.params.number),
      user(res),
      expectedVersion(body),
      attendance as Record<string, MemberAttendance>,
    );
    res.json(await withMembers(res, group));
  });
  return router;
}
