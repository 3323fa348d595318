// The API as OpenAPI 3.1: one spec object, served at GET /api/openapi.json.
import { paths } from './openapi/paths.js';
import { schemas } from './openapi/schemas.js';

export const openApiSpec = {
  openapi: '3.1.0',
  info: {
    title: 'DAO Pathways API',
    version: '0.1.0',
    description:
      'Cases, forms and documents of the DAO team’s protocol. Errors are application/problem+json. ' +
      'Cookie-authenticated writes need the X-CSRF-Token header with the token returned at sign-in; bearer-token ' +
      'requests do not.',
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'dao_session' },
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
    schemas,
  },
  security: [{ session: [] }, { bearer: [] }],
  paths,
} as const;
