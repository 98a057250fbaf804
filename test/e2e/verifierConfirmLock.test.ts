/// <reference lib="dom" />
/**
 * End to end in Chromium, the holder confirmation of /verifier: the last name is the only thing
 * asked (no birth date), and once too many wrong names were tried the page says, in French, that
 * confirmation is paused for this certificate while the certificate itself stays shown as valid.
 */
import { CONFIRMATION_LIMITS } from '@socle/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken, expectAccessible, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;
let certified: { code: string; firstName: string; lastName: string };

beforeAll(async () => {
  stack = await startE2eStack();
  const token = await demoToken(stack, 'admin@alpha.demo');
  const dossiers = expectStatus(
    await stack.api.call('GET', '/dossiers?status=certified', { token }),
    200,
    'certified dossiers',
  );
  const dossier = dossiers.items.find((d: { certificateCode?: string }) => d.certificateCode);
  if (!dossier) throw new Error('the demo seed has no certified dossier in Réseau Alpha');
  certified = { code: dossier.certificateCode, ...dossier.candidate };
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Holder confirmation on /verifier', () => {
  it('asks the last name only, and tells in French when the code is locked after wrong names', async () => {
    // Prepare
    const context = await stack.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${stack.webUrl}/verifier/${certified.code}`);
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();
    /** One attempt, answered: the form ignores a submit while the previous one is under way. */
    const confirm = async (lastName: string) => {
      await page.getByLabel('Nom de famille du titulaire').fill(lastName);
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/confirm')),
        page.getByRole('button', { name: "Confirmer l'identité" }).click(),
      ]);
    };
    // Act
    const birthDateFields = await page.getByLabel(/naissance/i).count();
    for (let n = 0; n < CONFIRMATION_LIMITS.maxMisses; n++) {
      await confirm(`Inconnu${n}`);
    }
    await confirm(certified.lastName);
    const notice = page.getByText(/Trop de tentatives de confirmation pour ce certificat/);
    await notice.waitFor();
    // Assess
    expect(birthDateFields).toBe(0);
    expect(await page.getByText('Le nom ne correspond pas au titulaire de ce certificat.').count()).toBe(0);
    expect(await notice.textContent()).toMatch(/Réessayez dans \d+ minutes\. Le certificat reste vérifiable/);
    expect(await page.getByText(`Le nom correspond`).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).count()).toBe(1);
    await expectAccessible(page);
  });
});
