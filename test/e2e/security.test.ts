/**
 * End to end in Chromium: the security page, reached from every page's header. Locally the dev issuer
 * has no second factor (demo admins count as enrolled), which the page says; checked with axe-core.
 * The enrolment steps against Cognito are covered by web/src/lib/auth/totp.test.ts (requests built)
 * and the token trigger's tests (roles withheld, then granted).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

let stack: E2eStack;
let current: Page | undefined;

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Security page', () => {
  it('is linked from the header and says that demo admins need no second factor locally', async () => {
    // Prepare
    const context = await stack.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    current = page;
    await loginAs(page, stack.webUrl, 'admin@sud.demo');
    // Act
    await page.getByRole('link', { name: 'Sécurité du compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sécurité du compte' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Environnement de démonstration' }).waitFor();
    // Assess
    expect(page.url()).toBe(`${stack.webUrl}/securite`);
    expect(
      await page.getByText('les administrateurs de démonstration sont considérés comme inscrits').count(),
    ).toBe(1);
    expect(await page.getByRole('link', { name: 'Sécurité du compte' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // No admin role is withheld from a demo admin: no banner sends them here.
    expect(await page.getByText('attendent la double authentification').count()).toBe(0);
    await expectAccessible(page);
  });
});
