// A document of a case as JSON, and as a printable HTML page and a PDF; `?audience=` renders what may be shared with
// that audience of roles.yaml (e.g. the person referred). A document reaches a reader only once its pathway shares it.
import { Router, type Request, type Response } from 'express';
import type { CaseSnapshotView, Redactor } from '../../engine/index.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { documentDetails } from '../services/document-details.js';
import { documentFor, documentReader } from '../services/documents.js';
import type { Services } from '../services/index.js';
import { printDocument } from '../services/print/printable.js';
import { printRequest, printRoutes, sendPrint } from './print.js';
import { serviceUser } from './users.js';

type DocumentRequest = Request<{ id: string; instanceId: string }>;

export function documentRoutes(services: Services): Router {
  const router = Router();
  router.use('/:id/documents', requireUser(services));

  /** Reads the case for the viewer as `read` says, recording it whether given or refused (see DisclosureAudit). */
  const audited = async <T>(
    req: DocumentRequest,
    res: Response,
    via: string,
    read: (snapshot: CaseSnapshotView, redactor: Redactor) => Promise<T>,
  ): Promise<T> => {
    const viewer = signedIn(res);
    const snapshot = await services.cases.load(req.params.id, serviceUser(viewer));
    const redactor = documentReader(snapshot, viewer.role, req.query.audience);
    return read(snapshot, redactor).finally(() => services.disclosures.record(viewer, req.params.id, redactor, via));
  };

  router.get('/:id/documents/:instanceId', async (req, res) => {
    const body = await audited(req, res, 'GET document', async (snapshot, redactor) => {
      const definitionsAt = (version: number) => services.registry.get(version);
      const { instanceId } = req.params;
      const doc = await documentFor(snapshot, instanceId, redactor, definitionsAt);
      const by = doc.submittedBy;
      const submittedByName = by ? ((await services.people.namesOf([by]))[by] ?? by) : null;
      const details = await documentDetails(snapshot, instanceId, redactor, definitionsAt, services.people);
      return { ...doc, submittedByName, ...details };
    });
    res.json(body);
  });

  for (const format of ['print', 'pdf'] as const) {
    router.get(`/:id/documents/:instanceId/${format}`, async (req, res) => {
      const model = await audited(req, res, `${format} document`, (snapshot, redactor) =>
        printDocument(printRequest(services, snapshot, redactor, req), req.params.instanceId),
      );
      await sendPrint(res, model, format);
    });
  }

  router.use(printRoutes(services));
  return router;
}
