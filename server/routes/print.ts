// Print views of the forms of a case, as HTML and as PDF: a form submitted on the case, or (`?instance=`) the answers
// an instance keeps for itself, such as a document's own audit. Both come from one print model (services/print/).
import { Router, type Request, type Response } from 'express';
import type { CaseSnapshotView, Redactor } from '../../engine/index.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { documentReader } from '../services/documents.js';
import type { Services } from '../services/index.js';
import type { PrintModel } from '../services/print/print-model.js';
import { renderPrintPdf } from '../services/print/print-pdf.js';
import { printForm, type PrintRequest } from '../services/print/printable.js';
import { renderPrintHtml } from '../services/print-view.js';
import { serviceUser } from './users.js';

/** What a print is made from: the case as this reader may see it, for the audience asked for. */
export function printRequest(
  services: Services,
  snapshot: CaseSnapshotView,
  redactor: Redactor,
  req: Request,
): PrintRequest {
  return {
    snapshot,
    redactor,
    definitionsAt: (v) => services.registry.get(v),
    people: services.people,
    audienceTitle: audienceTitle(snapshot, req),
  };
}

/** The title of the audience a print is prepared for (`?audience=`), if one is asked for. */
export function audienceTitle(snapshot: CaseSnapshotView, req: Request): string | undefined {
  const audience = typeof req.query.audience === 'string' && req.query.audience ? req.query.audience : undefined;
  if (!audience) return undefined;
  return snapshot.defs.roles.audiences?.[audience]?.title ?? snapshot.defs.roles.roles[audience]?.title;
}

function fileName(title: string): string {
  return (
    title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'document'
  );
}

export async function sendPrint(res: Response, model: PrintModel, format: 'print' | 'pdf'): Promise<void> {
  res.set('Cache-Control', 'no-store');
  if (format === 'print') {
    res.type('text/html').send(renderPrintHtml(model));
    return;
  }
  const pdf = await renderPrintPdf(model);
  res
    .type('application/pdf')
    .set('Content-Disposition', `inline; filename="${fileName(model.title)}.pdf"`)
    .send(pdf);
}

export function printRoutes(services: Services): Router {
  const router = Router();
  router.use('/:id/forms', requireUser(services));

  for (const format of ['print', 'pdf'] as const) {
    router.get(`/:id/forms/:formId/${format}`, async (req, res) => {
      const viewer = signedIn(res);
      const snapshot = await services.cases.load(req.params.id, serviceUser(viewer));
      const redactor = documentReader(snapshot, viewer.role, req.query.audience);
      const instance = typeof req.query.instance === 'string' && req.query.instance ? req.query.instance : undefined;
      const request = printRequest(services, snapshot, redactor, req);
      // Recorded whether the form is given or refused (see DisclosureAudit).
      const model = await printForm(request, req.params.formId, instance).finally(() =>
        services.disclosures.record(viewer, req.params.id, redactor, `${format} form`),
      );
      await sendPrint(res, model, format);
    });
  }
  return router;
}
