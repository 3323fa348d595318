// Autosaved drafts of a form on a case, one per person; returned through the Redactor like any answers.
import { Router } from 'express';
import { mayFill, exceedsJsonDepth, JSON_LIMITS, Redactor, draftKey } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';

/** `?instance=`: a draft of a form an instance keeps for itself (a document's own audit) is kept per instance. */
function keyOf(formId: string, instance: unknown): string {
  if (instance !== undefined && (typeof instance !== 'string' || !/^[\w:.-]{1,100}$/.test(instance))) {
    throw problem(400, 'bad-request', 'instance must be an instance id.');
  }
  return draftKey(formId, instance || undefined);
}

export function draftRoutes(services: Services): Router {
  const router = Router();
  router.use('/:id/drafts', requireUser(services));

  router.put('/:id/drafts/:formId', async (req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.cases.load(req.params.id, serviceUser(viewer));
    if (!defs.forms.has(req.params.formId)) throw problem(404, 'not-found', `There is no form "${req.params.formId}".`);
    if (!mayFill(defs, viewer.role, req.params.formId))
      throw problem(403, 'forbidden', 'Your role may not fill in this form.');
    const data = (req.body as { data?: unknown } | undefined)?.data;
    if (data === undefined || typeof data !== 'object' || data === null)
      throw problem(400, 'bad-request', 'Send {"data": {…answers so far}}.');
    const key = keyOf(req.params.formId, req.query.instance);
    const savedAt = await services.cases.saveDraft(req.params.id, serviceUser(viewer), key, data);
    res.json({ formId: req.params.formId, savedAt });
  });

  router.get('/:id/drafts/:formId', async (req, res) => {
    const viewer = signedIn(res);
    const { defs } = await services.cases.load(req.params.id, serviceUser(viewer));
    const key = keyOf(req.params.formId, req.query.instance);
    const draft = await services.cases.getDraft(req.params.id, serviceUser(viewer), key);
    if (!draft) throw problem(404, 'not-found', 'There is no draft of this form.');
    const redactor = new Redactor(defs, { role: viewer.role });
    if (!redactor.askToRead(req.params.formId)) {
      await services.disclosures.record(viewer, req.params.id, redactor, 'GET draft');
      throw problem(403, 'forbidden', 'Your role may not read this form.');
    }
    // Saved before drafts had the answers' depth limit: walking it could overflow the stack, and it could never be
    // submitted. Reported as absent, so the form opens from the answers submitted, and the next autosave replaces it.
    if (exceedsJsonDepth(draft.data)) {
      const deep = `nested more than ${JSON_LIMITS.depth} levels deep, deeper than answers may be`;
      throw problem(404, 'not-found', `The saved draft is ${deep}. It is not shown.`);
    }
    const data = redactor.answers(req.params.formId, draft.data)!;
    await services.disclosures.record(viewer, req.params.id, redactor, 'GET draft');
    res.json({ formId: req.params.formId, savedAt: draft.savedAt, data });
  });

  return router;
}
