// One case: its view for this reader, and sending events (with forms) to it.
import { Router, type Response } from 'express';
import { CaseServiceError, type CaseSnapshotView } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { caseResponse } from '../services/case-responses.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';
import { sendJsonText } from '../send-json-text.js';

interface EventBody {
  type?: unknown;
  expectedVersion?: unknown;
  data?: unknown;
  instance?: unknown;
  forms?: unknown;
}

function eventRequest(body: EventBody) {
  const { type, expectedVersion, data, instance, forms } = body ?? {};
  if (!Number.isInteger(expectedVersion))
    throw problem(400, 'bad-request', 'expectedVersion (the version you loaded) is required.');
  if (type !== undefined && typeof type !== 'string') throw problem(400, 'bad-request', 'type must be an event name.');
  if (instance !== undefined && typeof instance !== 'string')
    throw problem(400, 'bad-request', 'instance must be an instance id.');
  if (forms !== undefined && (typeof forms !== 'object' || forms === null || Array.isArray(forms))) {
    throw problem(400, 'bad-request', 'forms must be {formId: answers}.');
  }
  if (!type && !forms) throw problem(400, 'empty-change', 'Send an event type, forms, or both.');
  return {
    expectedVersion: expectedVersion as number,
    type: (type as string | undefined) ?? '',
    ...(instance ? { instance: instance as string } : {}),
    data: data ?? {},
    ...(forms ? { forms: forms as Record<string, unknown> } : {}),
  };
}

export function caseRoutes(services: Services): Router {
  const router = Router();
  router.use('/:id', requireUser(services));

  const respond = async (res: Response, snapshot: CaseSnapshotView, via: string) => {
    const viewer = signedIn(res);
    const definitionsAt = (version: number) => services.registry.get(version);
    const { store, caseHistory, people } = services;
    const { text, redactor } = await caseResponse(store, viewer, snapshot, caseHistory, definitionsAt, people);
    await services.disclosures.record(viewer, snapshot.record.id, redactor, via);
    sendJsonText(res, text);
  };

  router.get('/:id', async (req, res) => {
    await respond(res, await services.cases.load(req.params.id, serviceUser(signedIn(res))), 'GET case');
  });

  router.post('/:id/events', async (req, res) => {
    const user = serviceUser(signedIn(res));
    const request = eventRequest(req.body as EventBody);
    try {
      await respond(res, await services.cases.change(req.params.id, user, request), `event ${request.type || 'forms'}`);
    } catch (error) {
      // A refusal always says what could be sent instead, even when the engine stopped at the forms.
      if (
        error instanceof CaseServiceError &&
        !error.details.allowedEvents &&
        ['form-invalid', 'form-not-open', 'forbidden', 'data-invalid'].includes(error.code)
      ) {
        const { view } = await services.cases.load(req.params.id, user);
        throw new CaseServiceError(error.code, error.message, {
          ...error.details,
          allowedEvents: view.allowedEvents.map((e) => e.type),
        });
      }
      throw error;
    }
  });

  return router;
}
