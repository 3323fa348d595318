// A form's schema as this reader is served it (placeholders filled at load, confidential parts withheld by role),
// and its precompiled validator for the browser.
import { Router } from 'express';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';
import { Redactor } from '../services/redaction.js';
import { requestedDefinitions } from '../services/requested-definitions.js';
import { validatorModuleFor } from '../services/validator-modules.js';

export function formRoutes(services: Services): Router {
  const router = Router();
  router.use('/api/forms', requireUser(services));

  const servedSchema = async (formId: string, role: string, query: Record<string, unknown>) => {
    const { defs, version } = await requestedDefinitions(services, query);
    if (!defs.forms.has(formId)) throw problem(404, 'not-found', `There is no form "${formId}".`);
    const redactor = new Redactor(defs, { role });
    const schema = redactor.schema(formId);
    if (!schema) throw problem(403, 'forbidden', 'Your role may not read this form.');
    return { schema, version, cleared: redactor.cleared };
  };

  router.get('/api/forms/:id', async (req, res) => {
    const { schema } = await servedSchema(req.params.id, signedIn(res).role, req.query);
    res.json(schema);
  });

  router.get('/api/forms/:id/validator.js', async (req, res) => {
    const { schema, version, cleared } = await servedSchema(req.params.id, signedIn(res).role, req.query);
    res.type('text/javascript').send(validatorModuleFor(`${version}:${req.params.id}:${cleared}`, schema));
  });

  return router;
}
