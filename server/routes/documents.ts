// A document of a case as JSON, and as a printable HTML page and a PDF; `?audience=` renders what may be shared with
// that audience of roles.yaml (e.g. the person referred). A document reaches a reader only once its pathway shares it.
import { Router, type Request, type Response } from 'express';
import type { CaseData } from '../../engine/runtime/model.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { documentReachesReader } from '../services/document-sharing.js';
import { documentDetails } from '../services/document-details.js';
import { documentFor, documentReader } from '../services/documents.js';
import type { Services } from '../services/index.js';
import { problem } from '../http-problems.js';
import { printDocument } from '../services/print/printable.js';
import { printRequest, printRoutes, sendPrint } from './print.js';
import { serviceUser } from './users.js';

export function documentRoutes(services: Services): Router {
  const router = Router();
  router.use('/api/cases/:id/documents', requireUser(services));

  const load = async (req: Request<{ id: string; instanceId: string }>, res: Response, via: string) => {
    const viewer = signedIn(res);
    const snapshot = await services.cases.load(req.params.id, serviceUser(viewer));
    const redactor = documentReader(snapshot, viewer.role, req.query.audience);
    if (
      !documentReachesReader(
        snapshot.defs,
        snapshot.record.snapshot as CaseData,
        req.params.instanceId,
        redactor.reader,
      )
    ) {
      if (!(snapshot.record.snapshot as CaseData).instances[req.params.instanceId]?.form)
        throw problem(404, 'not-found', `This case has no document "${req.params.instanceId}".`);
      throw problem(403, 'not-shared', 'This document has not been shared with you or with this audience yet.');
    }
    return { viewer, snapshot, redactor, via };
  };

  router.get('/api/cases/:id/documents/:instanceId', async (req, res) => {
    const { viewer, snapshot, redactor } = await load(req, res, 'GET document');
    const definitionsAt = (version: number) => services.registry.get(version);
    const doc = await documentFor(snapshot, req.params.instanceId, redactor, definitionsAt);
    const details = await documentDetails(snapshot, req.params.instanceId, redactor, definitionsAt, services.people);
    await services.disclosures.record(viewer, req.params.id, redactor, 'GET document');
    res.json({ ...doc, ...details });
  });

  for (const format of ['print', 'pdf'] as const) {
    router.get(`/api/cases/:id/documents/:instanceId/${format}`, async (req, res) => {
      const { viewer, snapshot, redactor } = await load(req, res, `${format} document`);
      const model = await printDocument(printRequest(services, snapshot, redactor, req), req.params.instanceId);
      await services.disclosures.record(viewer, req.params.id, redactor, `${format} document`);
      await sendPrint(res, model, format);
    });
  }

  router.use(printRoutes(services));
  return router;
}
