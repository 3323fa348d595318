// The table of contents of the server: one set-up per concern, then the routes, then 404 and the error handler.
// createAppRouter is what a host mounts (app.use('/dao', router)); createApp wraps it as a standalone app.
import express, { Router, type Express } from 'express';
import { errorHandler, notFound } from './middleware/error-handler.js';
import { setUpAuthentication } from './middleware/set-up-authentication.js';
import { setUpCsrf } from './middleware/set-up-csrf.js';
import { setUpHealthCheck } from './middleware/set-up-health-check.js';
import { setUpLogging } from './middleware/set-up-logging.js';
import { setUpRequestParsing } from './middleware/set-up-request-parsing.js';
import { setUpWebApp } from './middleware/set-up-web-app.js';
import { setUpWebSecurity } from './middleware/set-up-web-security.js';
import { auditRoutes } from './routes/audit.js';
import { outboxRoutes } from './routes/outbox.js';
import { reportRoutes } from './routes/reports.js';
import { appointmentRoutes, caseAppointmentRoutes } from './routes/appointments.js';
import { groupRoutes } from './routes/groups.js';
import { caseRoutes } from './routes/case.js';
import { caseListRoutes } from './routes/cases.js';
import { definitionRoutes } from './routes/definitions.js';
import { documentRoutes } from './routes/documents.js';
import { draftRoutes } from './routes/drafts.js';
import { formRoutes } from './routes/forms.js';
import { OPENAPI_PATH, openApiRoutes } from './routes/openapi.js';
import { pathwayRoutes } from './routes/pathways.js';
import { SESSION_PATH, sessionRoutes } from './routes/session.js';
import type { Services } from './services/index.js';

export function createAppRouter(services: Services): Router {
  const router = Router();
  router.use(setUpLogging(services.logger));
  router.use(setUpWebSecurity());
  router.use('/api/health', setUpHealthCheck(services));
  router.use(OPENAPI_PATH, openApiRoutes());
  router.use(setUpRequestParsing());
  router.use(setUpAuthentication(services));
  router.use(setUpCsrf(services));

  router.use(SESSION_PATH, sessionRoutes(services));
  router.use('/api/pathways', pathwayRoutes(services));
  router.use('/api/forms', formRoutes(services));
  const caseGroups = [caseListRoutes(services), caseRoutes(services), draftRoutes(services), documentRoutes(services)];
  caseGroups.push(caseAppointmentRoutes(services));
  router.use('/api/cases', caseGroups);
  router.use('/api/definitions', definitionRoutes(services));
  router.use('/api/audit', auditRoutes(services));
  router.use('/api/outbox', outboxRoutes(services));
  router.use('/api/reports', reportRoutes(services));
  router.use('/api/appointments', appointmentRoutes(services));
  router.use('/api/groups', groupRoutes(services));
  router.use('/api', notFound());
  // Below the API's 404: API requests never go through the web app's routes.
  router.use(setUpWebApp(services));

  router.use(errorHandler(services.logger, services.production));
  return router;
}

export function createApp(services: Services, options: { trustProxy?: boolean | number | string } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(createAppRouter(services));
  app.use(notFound());
  app.use(errorHandler(services.logger, services.production));
  return app;
}
