/**
 * End to end in Chromium: the national admin habilitates a network; a network admin adds an organism
 * and invites an advisor. Every page visited is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

let stack: E2eStack;

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return context.newPage();
};

let current: Page | undefined;
beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('National admin', () => {
  it('habilitates a network, which then appears in the list', async () => {
    const page = await newPage();
    current = page;
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');
    await page.goto(`${stack.webUrl}/reseaux`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Habiliter un réseau' }).click();
    await page.getByLabel('Nom du réseau').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Nom du réseau').fill('Réseau Île-de-Test');
    await page.getByRole('checkbox', { name: 'CléA', exact: true }).check();
    await page.getByLabel(/Début de l.habilitation/).fill('2026-01-01');
    await page.getByRole('button', { name: 'Habiliter le réseau' }).click();
    await page.waitForURL(/\/reseaux\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { level: 1, name: 'Réseau Île-de-Test' }).waitFor();
    await expectAccessible(page);
    await page.goto(`${stack.webUrl}/reseaux`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Réseau Île-de-Test' }).count()).toBe(1);
  });
});

describe('Network admin', () => {
  it('adds an organism and invites an advisor', async () => {
    const page = await newPage();
    current = page;
    await loginAs(page, stack.webUrl, 'admin@sud.demo');
    await page.goto(`${stack.webUrl}/organismes`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await page.getByLabel("Nom de l'organisme").fill('GRETA Nîmes');
    await page.getByLabel('Région').selectOption({ label: 'Occitanie' });
    await page.getByRole('checkbox', { name: 'Évaluation' }).check();
    await page.getByRole('button', { name: "Ajouter l'organisme" }).click();
    await page.getByRole('link', { name: 'GRETA Nîmes' }).waitFor();

    await page.goto(`${stack.webUrl}/utilisateurs`);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Inviter un utilisateur' }).click();
    await page.getByLabel('Adresse e-mail').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Adresse e-mail').fill('nouvelle.conseillere@exemple.fr');
    await page.getByLabel('Prénom').fill('Émilie');
    await page.getByLabel('Nom de famille').fill('Rocher');
    await page.getByRole('checkbox', { name: 'Conseiller' }).check();
    await page.getByRole('checkbox', { name: 'GRETA Nîmes' }).check();
    // Rows of accreditations: the focus goes to the new row, then back to "add" once it is removed.
    const removeButtons = page.getByRole('button', { name: /^Retirer l'habilitation/ });
    const before = await removeButtons.count();
    await page.getByRole('button', { name: 'Ajouter une habilitation' }).click();
    await expect.poll(() => removeButtons.count()).toBe(before + 1);
    const focusedLabel = () =>
      page.evaluate(() => {
        const id = document.activeElement?.id;
        return id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : undefined;
      });
    await expect.poll(focusedLabel).toContain('Rôle habilité');
    await page.getByRole('button', { name: `Retirer l'habilitation ${before + 1}` }).click();
    await expect.poll(() => removeButtons.count()).toBe(before);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Ajouter une habilitation');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.waitForURL(/\/utilisateurs(\/[0-9A-Z]{26})?$/);
    await page.goto(`${stack.webUrl}/utilisateurs`);
    await page.getByText('nouvelle.conseillere@exemple.fr').waitFor();
    expect(await page.getByText('nouvelle.conseillere@exemple.fr').count()).toBe(1);
  });
});
