/// <reference lib="dom" />
/**
 * End to end in Chromium: an advisor signs in through the OIDC flow, opens a dossier, finds it in the
 * list, and the pages of this slice have no serious accessibility violation (axe-core); opening the
 * same person again shows their dossier and asks first.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

let stack: E2eStack;
let page: Page;

beforeAll(async () => {
  stack = await startE2eStack();
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => page);

describe('Advisor: open a dossier and find it', () => {
  it('signs in through the dev issuer and lands on the dossier list', async () => {
    await loginAs(page, stack.webUrl, 'conseil@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers`);
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('shows each missing field next to it and moves focus to the first one', async () => {
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).click();
    await page.getByLabel('Prénom').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('');
    const focusedLabel = await page.evaluate(() => {
      const id = document.activeElement?.id;
      return id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : undefined;
    });
    expect(focusedLabel).toContain('Prénom');
    await expectAccessible(page);
  });

  it('opens the dossier and shows it with its audit timeline', async () => {
    await page.getByLabel('Prénom', { exact: true }).fill('Maëlys');
    await page.getByLabel("Nom d'usage").fill('Öztürk-Çelik');
    await page.getByLabel('Date de naissance').fill('1992-06-15');
    await page.getByLabel('Adresse e-mail du candidat').fill('maelys@exemple.fr');
    await page.getByLabel('Certification').selectOption({ label: 'CléA' });
    await page.getByLabel("Organisme d'évaluation").selectOption({ label: 'Alpha Paris Nord (Saint-Denis)' });
    await page.getByRole('radio', { name: "Demandeur d'emploi" }).check();
    await page.getByLabel('Prescripteur').selectOption({ label: 'France Travail' });
    await page.getByLabel('Financement').selectOption({ label: 'CPF' });
    await page
      .getByLabel('Expérience professionnelle ou extra-professionnelle')
      .fill('Agent de propreté, 4 ans.');
    await page.getByRole('checkbox', { name: /Le candidat a donné son accord/ }).check();
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.waitForURL(/\/dossiers\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { level: 1, name: /Maëlys/ }).waitFor();
    expect(await page.getByText('Öztürk-Çelik').count()).toBeGreaterThan(0);
    await page.getByText('a ouvert le dossier').waitFor();
    expect(await page.getByText('Karim Haddad a ouvert le dossier').count()).toBe(1);
    await expectAccessible(page);
  });

  // The demo holds an Öztürk-N’Diaye too: the two words single out this one.
  it('finds the new dossier in the list by typing the name without accents', async () => {
    const dossierUrl = page.url();
    await page.goto(`${stack.webUrl}/dossiers`);
    await page.getByLabel('Rechercher un candidat').fill('ozturk celik');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/q=ozturk\+celik/);
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole('link').click();
    await page.waitForURL(dossierUrl);
    expect(page.url()).toBe(dossierUrl);
    await expectAccessible(page);
  });

  it('opening the same person again shows their dossier and asks before opening another', async () => {
    const firstUrl = page.url();
    await page.goto(`${stack.webUrl}/dossiers/nouveau`);
    // Written differently (case, accents, dash): the same person for the network.
    await page.getByLabel('Prénom', { exact: true }).fill('MAELYS');
    await page.getByLabel("Nom d'usage").fill('ozturk celik');
    await page.getByLabel('Date de naissance').fill('1992-06-15');
    await page.getByLabel('Certification').selectOption({ label: 'CléA' });
    await page.getByLabel("Organisme d'évaluation").selectOption({ label: 'Alpha Paris Nord (Saint-Denis)' });
    await page.getByRole('radio', { name: "Demandeur d'emploi" }).check();
    await page.getByLabel('Prescripteur').selectOption({ label: 'France Travail' });
    await page.getByLabel('Financement').selectOption({ label: 'CPF' });
    await page.getByLabel('Expérience professionnelle ou extra-professionnelle').fill('Agent de propreté.');
    await page.getByRole('checkbox', { name: /Le candidat a donné son accord/ }).check();
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();

    const notice = page.getByRole('region', { name: 'Cette personne est déjà connue du réseau' });
    await notice.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('doublon');
    expect(page.url()).toMatch(/\/dossiers\/nouveau$/);
    const existing = notice.getByRole('link', { name: /Dossier CléA ouvert le \d{2}\/\d{2}\/\d{4}/ });
    expect(await existing.count()).toBe(1);
    expect(new URL(firstUrl).pathname).toBe(await existing.getAttribute('href'));
    expect(await notice.getByText('Ouvert', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await notice.getByRole('button', { name: 'Ouvrir quand même un nouveau dossier' }).click();
    await page.waitForURL(/\/dossiers\/[0-9A-Z]{26}$/);
    expect(page.url()).not.toBe(firstUrl);
    await page.getByRole('heading', { level: 1, name: /MAELYS/ }).waitFor();
  });
});
