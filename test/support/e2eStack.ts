/**
 * The end-to-end stack: the local API (real handlers, DynamoDB Local, dev issuer), the static web
 * build served with an SPA fallback and its `/config.json`, the demo seed, and Debian's Chromium.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { listLogins } from '@socle/data';
import { seedDemo } from '@socle/tooling/local/seed';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { beforeEach, expect, onTestFailed } from 'vitest';
import { startTestApi } from './api.ts';
import type { TestApi } from './api.ts';
import { freePort } from '@socle/testing';

interface E2eStack {
  api: TestApi;
  webUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=fr-FR',
];

/** `dynamoEndpoint`: a DynamoDB Local of the test's own (test/e2e/outage.test.ts pauses it). */
const startE2eStack = async ({ dynamoEndpoint }: { dynamoEndpoint?: string } = {}): Promise<E2eStack> => {
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = await startTestApi({ allowedOrigins: [webUrl], ...(dynamoEndpoint && { dynamoEndpoint }) });
  await seedDemo({ dossiersPerNetwork: 6 });
  const assets = sirv(join(import.meta.dirname, '../../web/build'), { single: true, dev: false, etag: true });
  const config = JSON.stringify({
    apiUrl: api.url,
    auth: { issuer: api.issuer.issuer, clientId: api.issuer.clientId },
  });
  const web: Server = createServer((req, res) => {
    if (req.url === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(config);
      return;
    }
    assets(req, res);
  });
  await new Promise<void>((resolve) => web.listen(webPort, '127.0.0.1', () => resolve()));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    api,
    webUrl,
    browser,
    async stop() {
      await browser.close();
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await api.stop();
    },
  };
};

/** Logs in through the real OIDC flow: the app redirects to the dev issuer, which lists the demo users. */
const loginAs = async (page: Page, webUrl: string, email: string) => {
  await page.goto(`${webUrl}/connexion`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/dev-auth\/authorize/);
  await page.locator('li', { hasText: email }).getByRole('button').click();
  await page.waitForURL((url) => url.origin === webUrl && !url.pathname.startsWith('/auth/callback'));
};

/** A token for a demo login, as the dev issuer signs it at sign-in (for API calls in a test's setup). */
const demoToken = async (stack: E2eStack, email: string) => {
  const login = (await listLogins()).find((l) => l.email === email);
  if (!login) throw new Error(`no login ${email}`);
  return stack.api.issuer.issueAccessToken(login);
};

/** No serious or critical accessibility violation on the current page (axe-core, WCAG 2.1 AA). */
const expectAccessible = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

/**
 * Saves a full-page screenshot of the page a test was on when it fails, as
 * `test-results/<test name>.png`. Call once at the top of the file.
 */
const screenshotOnFailure = (page: () => Page | undefined) => {
  beforeEach((context) => {
    onTestFailed(async () => {
      await page()?.screenshot({
        path: `test-results/${context.task.name.replace(/\W+/g, '-')}.png`,
        fullPage: true,
      });
    });
  });
};

export type { E2eStack };
export { demoToken, expectAccessible, loginAs, screenshotOnFailure, startE2eStack };
