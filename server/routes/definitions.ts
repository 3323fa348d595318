// Definitions management (roles with manageDefinitions): the published files, validate, run scenarios, diff, publish,
// and the explicit migration of in-flight cases onto a newer version.
import { Router } from 'express';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { identitiesOfCases } from '../services/case-identity.js';
import { definitionFilesFrom } from '../services/definitions-admin.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';

function versionParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw problem(400, 'bad-request', 'against must be a version number.');
  return n;
}

export function definitionRoutes(services: Services): Router {
  const router = Router();
  const admin = services.definitions;
  router.use(requireUser(services, 'manageDefinitions'));

  router.get('/', async (req, res) => {
    const record = await admin.published(versionParam(req.query.version));
    res.json({
      version: record.version,
      publishedBy: record.publishedBy,
      publishedAt: record.publishedAt,
      note: record.note ?? null,
      files: record.files,
    });
  });

  router.post('/validate', (req, res) => {
    res.json(admin.validate(definitionFilesFrom(req.body)));
  });

  router.post('/scenarios', async (req, res) => {
    res.json(await admin.scenarios(definitionFilesFrom(req.body)));
  });

  router.get('/diff', async (req, res) => {
    const current = await admin.published();
    res.json(await admin.diff(current.files, versionParam(req.query.against)));
  });

  router.post('/diff', async (req, res) => {
    res.json(await admin.diff(definitionFilesFrom(req.body), versionParam(req.query.against)));
  });

  router.post('/publish', async (req, res) => {
    const files = definitionFilesFrom(req.body);
    const note = (req.body as { note?: unknown }).note;
    const user = signedIn(res);
    const result = await admin.publish(files, user.username, typeof note === 'string' ? note.slice(0, 500) : undefined);
    await services.store.appendAudit({
      at: services.now(),
      userId: user.username,
      caseId: null,
      action: 'definitions.published',
      detail: { version: result.version },
    });
    res.json(result);
  });

  router.post('/migrate', async (req, res) => {
    const body = (req.body ?? {}) as { toVersion?: unknown; caseIds?: unknown; dryRun?: unknown };
    const toVersion = versionParam(body.toVersion);
    const caseIds = Array.isArray(body.caseIds)
      ? body.caseIds.filter((id): id is string => typeof id === 'string')
      : undefined;
    const user = signedIn(res);
    const report = await admin.migrate(
      { id: user.username, role: user.role },
      { ...(toVersion ? { toVersion } : {}), ...(caseIds ? { caseIds } : {}), dryRun: body.dryRun === true },
    );
    if (body.dryRun !== true) {
      await services.store.appendAudit({
        at: services.now(),
        userId: user.username,
        caseId: null,
        action: 'cases.migrated',
        detail: { toVersion: report.toVersion, moved: report.moved.length, cannotMove: report.cannotMove.length },
      });
    }
    // The cases that cannot move are named by who they are about (as this user may see them), never by their id.
    const ids = report.cannotMove.map((c) => c.caseId);
    const cases = await identitiesOfCases(services.cases, serviceUser(user), ids, (v) => services.registry.get(v));
    res.json({ ...report, cases });
  });

  return router;
}
