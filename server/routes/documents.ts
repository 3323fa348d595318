// A document of a case as JSON, and as a printable HTML page; `?audience=` renders what may be shared with that
// audience of roles.yaml (e.g. the person referred).
import { Router } from 'express';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { documentFor, documentReader } from '../services/documents.js';
import type { Services } from '../services/index.js';
import { renderPrintView } from '../services/print-view.js';
import { serviceUser } from './users.js';

export function documentRoutes(services: Services): Router {
  const router = Router();
  router.use('/api/cases/:id/documents', requireUser(services));

  const load = async (caseId: string, instanceId: string, audience: unknown, res: import('express').Response, via: string) => {
    const viewer = signedIn(res);
    const snapshot = await services.cases.load(caseId, serviceUser(viewer));
    const redactor = documentReader(snapshot, viewer.role, audience);
    // Recorded whether the document is given or refused (see DisclosureAudit).
    const doc = await documentFor(snapshot, instanceId, redactor, (version) => services.registry.get(version))
      .finally(() => services.disclosures.record(viewer, caseId, redactor, via));
    return { doc, snapshot };
  };

  router.get('/api/cases/:id/documents/:instanceId', async (req, res) => {
    const { doc } = await load(req.params.id, req.params.instanceId, req.query.audience, res, 'GET document');
    res.json(doc);
  });

  router.get('/api/cases/:id/documents/:instanceId/print', async (req, res) => {
    const { doc, snapshot } = await load(req.params.id, req.params.instanceId, req.query.audience, res, 'print document');
    const audience = typeof req.query.audience === 'string' ? req.query.audience : undefined;
    const title = audience ? (snapshot.defs.roles.audiences?.[audience]?.title ?? snapshot.defs.roles.roles[audience]?.title) : undefined;
    res.type('text/html').set('Cache-Control', 'no-store').send(renderPrintView(doc, title));
  });

  return router;
}
