// A form's schema as this reader is served it (placeholders filled at load, confidential parts withheld by role),
// its precompiled validator for the browser, and its answers' TypeScript type for a host developer's code.
import { Router } from 'express';
import {
  logicOptionsFor,
  BANK_HOLIDAYS_KEYWORD,
  computesWorkingDays,
  formTypeScript,
  Redactor,
} from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';
import { requestedDefinitions } from '../services/requested-definitions.js';

export function formRoutes(services: Services): Router {
  const router = Router();
  router.use(requireUser(services));

  const servedSchema = async (formId: string, role: string, query: Record<string, unknown>) => {
    const { defs, version } = await requestedDefinitions(services, query);
    if (!defs.forms.has(formId)) throw problem(404, 'not-found', `There is no form "${formId}".`);
    const redactor = new Redactor(defs, { role });
    const schema = redactor.schema(formId);
    if (!schema) throw problem(403, 'forbidden', 'Your role may not read this form.');
    return { schema, version, cleared: redactor.cleared, defs };
  };

  router.get('/:id', async (req, res) => {
    const { schema, defs } = await servedSchema(req.params.id, signedIn(res).role, req.query);
    // The browser's evaluator has no calendar: a form whose computed answers count working days brings its own.
    if (!computesWorkingDays(schema)) return void res.json(schema);
    const year = new Date(services.now()).getUTCFullYear();
    const holidays = logicOptionsFor(defs.settings).bankHolidays!;
    const dates = Array.from({ length: 21 }, (_, i) => holidays(year - 10 + i)).flat();
    res.json({ ...schema, [BANK_HOLIDAYS_KEYWORD]: dates });
  });

  router.get('/:id/validator.js', async (req, res) => {
    const { schema, version, cleared } = await servedSchema(req.params.id, signedIn(res).role, req.query);
    const key = `${version}:${req.params.id}:${cleared}`;
    res.type('text/javascript').send(services.validatorModules.moduleFor(key, schema));
  });

  // Made from the schema this reader is served, so a type never names what the reader may not see. Not cached: a
  // developer asks for it now and then, and a version's form never changes.
  router.get('/:id/types.ts', async (req, res) => {
    const { schema, version } = await servedSchema(req.params.id, signedIn(res).role, req.query);
    const from = `form "${req.params.id}" of definition version ${version}`;
    const types = await formTypeScript(req.params.id, schema, from);
    res.type('text/plain; charset=utf-8').send(types);
  });

  return router;
}
