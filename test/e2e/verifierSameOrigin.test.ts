/// <reference lib="dom" />
/**
 * The verification page as deployed: `config.json` says `publicApiUrl: '/'`, and the page calls
 * `/public/…` on the site's own origin, where CloudFront sends it to the public API. Here the
 * browser's requests to the site's `/public/…` are handed to the local API, so what counts is which
 * URL the page asked for; the WAF's 429 (its own body, Retry-After in seconds) reads as the API's.
 */
import { randomBytes } from 'node:crypto';
import { certificateCodeFrom } from '@socle/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

let stack: E2eStack;

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());

/** A phone page whose `config.json` is the deployed one: the main API elsewhere, public routes here. */
const deployedPage = async (): Promise<{ page: Page; publicCalls: string[] }> => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const publicCalls: string[] = [];
  await page.route(`${stack.webUrl}/config.json`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        apiUrl: 'https://main-api.invalid',
        publicApiUrl: '/',
        auth: { issuer: stack.api.issuer.issuer, clientId: stack.api.issuer.clientId },
      }),
    }),
  );
  await page.route(`${stack.webUrl}/public/**`, async (route) => {
    publicCalls.push(route.request().url());
    const { pathname } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${stack.api.url}${pathname}` }) });
  });
  return { page, publicCalls };
};

describe('Verification page behind the web distribution', () => {
  it('calls the public routes on its own origin', async () => {
    // Prepare
    const { page, publicCalls } = await deployedPage();
    const unknown = certificateCodeFrom('clea', randomBytes(8));
    // Act
    await page.goto(`${stack.webUrl}/verifier/${unknown}`);
    await page.getByRole('heading', { level: 2, name: 'Certificat introuvable' }).waitFor();
    // Assess
    // The page encodes the code in the path: a check symbol `$` or `=` travels as %24 or %3D.
    expect(publicCalls).toEqual([`${stack.webUrl}/public/certificates/${encodeURIComponent(unknown)}`]);
    await page.context().close();
  });

  it('reads the WAF refusal as a quota to wait for', async () => {
    // Prepare: what the web ACL's rate rule answers (infra/lib/constructs/EdgeFirewall.ts).
    const { page } = await deployedPage();
    await page.route(`${stack.webUrl}/public/**`, (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'Retry-After': '300' },
        body: JSON.stringify({ error: 'too_many_requests', message: 'too many requests' }),
      }),
    );
    const code = certificateCodeFrom('clea', randomBytes(8));
    // Act
    await page.goto(`${stack.webUrl}/verifier/${code}`);
    await page.getByRole('heading', { level: 2, name: 'Trop de vérifications' }).waitFor();
    const message = await page.locator('#resultat + p').textContent();
    // Assess
    expect(message).toBe('Trop de vérifications depuis votre connexion. Réessayez dans 300 secondes.');
    await page.context().close();
  });
});
