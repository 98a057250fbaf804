/**
 * End to end in Chromium: the national admin finds a certificate in the register of its year, opens it,
 * revokes it with a reason and the public verification page shows it revoked at once (SPEC §5).
 * The register and the certificate page are checked with axe-core.
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
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;
/** A certificate issued by a closed demo jury session, with the year of that session. */
let certified: { code: string; lastName: string; year: string };

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  return current;
};

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
  certified = {
    code: dossier.certificateCode,
    lastName: dossier.candidate.lastName,
    year: String(dossier.juryDecision.sessionDate).slice(0, 4),
  };
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Register of certificates: /certificats', () => {
  it('lets the national admin find a certificate, revoke it, and verification shows it revoked', async () => {
    // Prepare
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act: the register of the year of the demo juries, searched by the holder's name.
    await page.getByRole('link', { name: 'Certificats', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificats' }).waitFor();
    await page.getByLabel('Année de délivrance').selectOption(certified.year);
    await page.getByLabel('Rechercher un titulaire').fill(certified.lastName);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/year=/);
    const link = page.getByRole('link', { name: certified.code });
    await link.waitFor();
    const rows = await page.getByRole('table').locator('tbody tr').count();
    await expectAccessible(page);
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Certificat ${certified.code}` }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Révoquer', exact: true }).click();
    await page.getByRole('button', { name: 'Révoquer le certificat' }).click();
    await page.getByText('champ obligatoire').first().waitFor();
    await page.getByLabel('Motif de la révocation').fill('Fraude constatée lors de l’évaluation');
    await page.getByRole('button', { name: 'Révoquer le certificat' }).click();
    await page.getByText(`Confirmez-vous la révocation du certificat ${certified.code} ?`).waitFor();
    await page.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await page.getByText('Le certificat a été révoqué').waitFor();
    const details = await page.locator('dl.details').textContent();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Voir la page publique de vérification' }).click();
    await page.getByRole('heading', { level: 2, name: 'Certificat révoqué' }).waitFor();
    const summary = await page.locator('.summary').textContent();

    // Assess
    expect(rows).toBeGreaterThan(0);
    expect(details).toContain('Fraude constatée lors de l’évaluation');
    expect(summary).toContain('révoqué');
  });
});
