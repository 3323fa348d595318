// The web app: its page at the root of wherever the router is mounted, with a <base> of that path so every URL in the
// app is relative; its stylesheet from forms-ui/app/; its script (forms-ui/src/app/, with <dao-form>) as
// `npm run build` bundled it into dist/app/, read once when the router is made. The server never bundles it itself.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type Request, type Response } from 'express';
import { projectFile } from '../project-files.js';
import type { Services } from '../services/index.js';

const PAGE = projectFile('forms-ui/app/index.html');
const STYLESHEET = projectFile('forms-ui/app/app.css');
export const WEB_APP_BUNDLE = projectFile('dist/app');
const SCRIPT_NAME = /^[\w.-]+\.js$/;

/** The web app's bundle is not where the server serves it from: the server stops at start and says what to run. */
export class WebAppNotBuiltError extends Error {
  readonly code = 'web-app-not-built' as const;

  constructor(readonly file: string) {
    super(`The web app is not built: ${file} is missing. Run \`npm run build\` (npm start runs it first).`);
    this.name = 'WebAppNotBuiltError';
  }
}

/** The bundle's scripts by file name (app.js and the chunks it loads on demand). */
export function readWebAppBundle(dir = WEB_APP_BUNDLE): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => SCRIPT_NAME.test(name));
  } catch {
    names = [];
  }
  if (!names.includes('app.js')) throw new WebAppNotBuiltError(join(dir, 'app.js'));
  return new Map(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function setUpWebApp(services: Services): Router {
  const scripts = readWebAppBundle();
  const router = Router();

  router.get('/', async (req: Request, res: Response) => {
    // Under a mount path without its final slash ("/dao"), the page's relative links would resolve against "/".
    const [path, query] = req.originalUrl.split('?');
    if (!path!.endsWith('/')) return res.redirect(301, `${path}/${query ? `?${query}` : ''}`);
    const demo = (await services.store.listUsers()).some((user) => user.demo);
    const page = (await readFile(PAGE, 'utf8'))
      .replace('<base href="/" />', `<base href="${attribute(req.baseUrl)}/" />`)
      .replace('data-demo="false"', `data-demo="${demo}"`);
    res.type('html').set('Cache-Control', 'no-cache').send(page);
  });

  router.get('/app/app.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'no-cache').sendFile(STYLESHEET);
  });

  router.get('/app/:script', (req, res, next) => {
    const script = scripts.get(req.params.script);
    if (script === undefined) return next();
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(script);
  });

  return router;
}
