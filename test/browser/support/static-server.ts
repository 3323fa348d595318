// A tiny static file server for the browser tests: the repository's dist/, axe-core and the examples, plus pages
// made by the tests, all on 127.0.0.1 with a strict Content-Security-Policy (no 'unsafe-eval', no inline scripts).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const SERVED = ['/dist/', '/node_modules/axe-core/', '/node_modules/govuk-frontend/dist/', '/forms-ui/examples/'];
/** govuk-frontend's stylesheet asks for its fonts at /assets/ (its default $govuk-assets-path). */
const ALIASES: [string, string][] = [['/assets/', '/node_modules/govuk-frontend/dist/govuk/assets/']];
/** Pages with no CSP: the example's inline host script, and benchmark pages for peers that need eval. */
const LAX = ['/forms-ui/examples/', '/bench/'];

export interface StaticServer {
  url: string;
  /** Pages and files made by a test, by path ("/t/page.html"). */
  files: Map<string, string>;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const files = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
    if (type.startsWith('text/html') && !LAX.some((prefix) => path.startsWith(prefix)))
      headers['content-security-policy'] = STRICT_CSP;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const made = files.get(path);
    if (made !== undefined) return void res.writeHead(200, headers).end(made);
    const alias = ALIASES.find(([prefix]) => path.startsWith(prefix));
    const safe = normalize(alias ? alias[1] + path.slice(alias[0].length) : path);
    if (!SERVED.some((prefix) => safe.startsWith(prefix))) return void res.writeHead(404).end('not found');
    try {
      res.writeHead(200, headers).end(await readFile(join(root, safe)));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
