/**
 * End to end in Chromium against the dev issuer, which keeps a sign-in session as Cognito's hosted
 * UI does: signing out ends it (the next "Se connecter" asks who signs in, on a shared computer
 * too), and an expired access token is renewed with the refresh token without a new sign-in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

const NATIONAL = 'national@certifpro.demo';

let stack: E2eStack;
let current: Page | undefined;

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return context.newPage();
};

const storedSession = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('socle.session') ?? 'null')) as Promise<{
    accessToken: string;
    refreshToken?: string;
    expiresAt: number;
  } | null>;

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Sign-in and sign-out', () => {
  it('signs out at the issuer: "Se connecter" then asks who signs in, instead of signing the previous user in', async () => {
    // Prepare
    const page = await newPage();
    current = page;
    await loginAs(page, stack.webUrl, NATIONAL);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    // Act: sign out, then sign in again in the same browser.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === stack.webUrl && url.pathname === '/connexion');
    // The sign-in page settled (its button drawn, no request under way) before axe reads it: on a
    // loaded machine axe otherwise ran while the redirect chain was still landing.
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    expect(await storedSession(page)).toBeNull();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Assess: the sign-in page of the issuer, not the app signed in again.
    await page.waitForURL(/\/dev-auth\/authorize/);
    await page.getByRole('heading', { level: 1, name: 'Connexion de démonstration' }).waitFor();
    expect(new URL(page.url()).origin).not.toBe(stack.webUrl);
  });

  it('without signing out, "Se connecter" in the same browser signs in again without asking (the issuer\'s session)', async () => {
    // Prepare: what sign-out must undo (Cognito's hosted UI keeps its session cookie).
    const page = await newPage();
    current = page;
    await loginAs(page, stack.webUrl, NATIONAL);
    await page.evaluate(() => sessionStorage.clear());
    // Act
    await page.goto(`${stack.webUrl}/connexion`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Assess
    await page.waitForURL(
      (url) =>
        url.origin === stack.webUrl &&
        !url.pathname.startsWith('/auth/callback') &&
        url.pathname !== '/connexion',
    );
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    expect(new URL(page.url()).origin).toBe(stack.webUrl);
    expect((await storedSession(page))?.accessToken).toEqual(expect.any(String));
  });

  it('renews an expired session with the refresh token, without a new sign-in', async () => {
    // Prepare: signed in, then the access token's expiry passes (the tab slept).
    const page = await newPage();
    current = page;
    await loginAs(page, stack.webUrl, NATIONAL);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    const before = await storedSession(page);
    expect(before?.refreshToken).toEqual(expect.any(String));
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('socle.session') ?? '{}');
      sessionStorage.setItem('socle.session', JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }));
    });
    // Act
    await page.goto(`${stack.webUrl}/reseaux`);
    // Assess: still in the app, with new tokens and the same refresh token.
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/reseaux');
    const after = await storedSession(page);
    expect(after?.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).toBe(before?.refreshToken);
  });
});
