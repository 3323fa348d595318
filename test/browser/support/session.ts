// One Chromium and one static server per test file, started before its tests and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { REPO_ROOT } from './build.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export interface BrowserSession {
  readonly browser: Browser;
  readonly server: StaticServer;
}

export function useBrowserSession(): BrowserSession {
  const session = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    [session.browser, session.server] = await Promise.all([launchChromium(), startStaticServer(REPO_ROOT)]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
