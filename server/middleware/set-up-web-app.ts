// The web app: its page at the root of wherever the router is mounted, with a <base> of that path so every URL in the
// app is relative; its stylesheet from forms-ui/app/; its script (forms-ui/src/app/, with <dao-form>) from dist/app/
// in production (`npm run build`), bundled in memory on first use otherwise, so `npm start` always serves the source.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { errorSummary } from '../logger.js';
import type { Services } from '../services/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = join(root, 'forms-ui/app/index.html');
const STYLESHEET = join(root, 'forms-ui/app/app.css');
const BUILT = join(root, 'dist/app');
const SCRIPT_NAME = /^[\w.-]+\.js$/;

type Scripts = Map<string, string>;

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function builtScripts(): Promise<Scripts> {
  const names = (await readdir(BUILT)).filter((name) => SCRIPT_NAME.test(name));
  if (!names.includes('app.js')) throw new Error(`${BUILT}/app.js is missing`);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(BUILT, name), 'utf8')] as const)));
}

async function bundledScripts(): Promise<Scripts> {
  const { bundleWebApp } = await import('../../scripts/build-forms-ui.js');
  return bundleWebApp();
}

export function setUpWebApp(services: Services): Router {
  const router = Router();
  let scripts: Promise<Scripts> | undefined;
  const loadScripts = () => {
    scripts ??= (services.production ? builtScripts() : bundledScripts()).catch((error: unknown) => {
      scripts = undefined;
      throw error;
    });
    return scripts;
  };

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

  router.get('/app/:script', async (req, res, next) => {
    if (!SCRIPT_NAME.test(req.params.script)) return next();
    let loaded: Scripts;
    try {
      loaded = await loadScripts();
    } catch (error) {
      services.logger.error({ error: errorSummary(error) }, 'the web app could not be loaded');
      return res.status(503).type('text/plain').send(services.production ? 'The web app is not built: run npm run build.' : 'The web app could not be bundled (see the server log).');
    }
    const script = loaded.get(req.params.script);
    if (script === undefined) return next();
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(script);
  });

  return router;
}
