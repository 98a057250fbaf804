/**
 * End to end in Chromium: the network admin opens "Données à effacer" from the navigation, reads the
 * retention in force (the demo's: 1 year, set by the seed through the real setting), sees a
 * candidate certified more than a year ago, follows the link to the dossier's data protection
 * section, where erasure happens. Checked with axe-core.
 */
import { DueErasureList, ofName } from '@socle/domain';
import { DEMO_RETENTION_YEARS } from '@socle/tooling/local/seed';
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
let adminToken: string;

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  return current;
};

/** `2025-03-04` → `04/03/2025`. */
const frenchDate = (day: string) => day.split('-').reverse().join('/');

beforeAll(async () => {
  stack = await startE2eStack();
  adminToken = await demoToken(stack, 'admin@alpha.demo');
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Données à effacer (/reseau/protection-des-donnees)', () => {
  it('lists the candidates due for erasure and leads to the dossier where erasure happens', async () => {
    // Prepare: what the API says is due in Réseau Alpha (the demo must hold some).
    const due = DueErasureList.parse(
      expectStatus(
        await stack.api.call('GET', '/data-protection/due-erasures?limit=25', { token: adminToken }),
        200,
        'due erasures',
      ),
    );
    const [oldest] = due.items;
    if (!oldest) throw new Error('the demo seed has no candidate due for erasure in Réseau Alpha');
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    // Act: from the navigation.
    await page.getByRole('link', { name: 'Données à effacer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Données personnelles à effacer' }).waitFor();
    // Assess: the rule in force, the table, the dates in French.
    expect(due.retentionYears).toBe(DEMO_RETENTION_YEARS);
    await page.getByText(`conservées ${DEMO_RETENTION_YEARS} an après la dernière activité`).waitFor();
    const table = page.getByRole('table', { name: /Candidats dont les données sont à effacer/ });
    const row = table.getByRole('row', {
      name: new RegExp(`${oldest.lastName.toUpperCase()} ${oldest.firstName}`),
    });
    await row.first().waitFor();
    const cells = await row.first().getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual([frenchDate(oldest.lastActivityOn), frenchDate(oldest.dueOn)]);
    expect(await table.getByRole('row').count()).toBe(due.items.length + 1);
    await expectAccessible(page);
    // Act: to the dossier's data protection section.
    await row
      .first()
      .getByRole('link', { name: `Ouvrir le dossier ${ofName(`${oldest.firstName} ${oldest.lastName}`)}` })
      .click();
    // Assess
    await page.waitForURL(`${stack.webUrl}/dossiers/${oldest.dossierId}#titre-rgpd`);
    const section = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
    await section.getByRole('button', { name: 'Effacer les données' }).waitFor();
    await expectAccessible(page);
  });
});
