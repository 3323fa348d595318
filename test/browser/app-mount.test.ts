// Issue 7: the web app works wherever a host portal mounts the router (app.use('/dao', router)): its page, script and
// every API call use the mount path, and the host keeps its own routes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer({ mountPath: '/dao' })]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app under a mount path', () => {
  it('should redirect the mount path to its folder and leave the host its own pages', async () => {
    const origin = new URL(server.url).origin;
    const bare = await fetch(`${origin}/dao`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dao/');
    const page = await (await fetch(`${origin}/dao/`)).text();
    expect(page).toContain('<base href="/dao/" />');
    expect(page).toContain('data-demo="true"');
    expect(await (await fetch(`${origin}/`)).text()).toBe('host portal');
  });

  it('should sign in and start a case with every request under the mount path', async () => {
    const app = await AppPage.open(browser, server.url.replace(/\/$/, ''));
    const requests: string[] = [];
    app.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    expect(app.page.url()).toBe(`${server.url}#/sign-in`);
    expect(await app.page.locator('.phase-banner').textContent()).toContain(
      'Demo – accounts and data are for trying the product',
    );
    await app.signIn('social-worker');
    await app.page.getByRole('button', { name: /^Start a new case/ }).click();
    await app.settled();
    await expect.poll(() => app.casePage().stage.textContent()).toBe('Request for Service (draft)');
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((path) => !path.startsWith('/dao/'))).toEqual([]);
    await app.close();
  });
});
