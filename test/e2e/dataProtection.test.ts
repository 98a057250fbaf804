/**
 * End to end in Chromium: a network admin exports a candidate's data (GDPR access) from the dossier
 * page, is told in French why an open dossier cannot be erased, then erases a withdrawn candidate
 * past the retention, confirmed by the last name; the national admin sets the retention on
 * /reseaux. Checked with axe-core.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, listLogins, platformScopeFor, tableName } from '@socle/data';
import { DEMO_RETENTION_YEARS } from '@socle/tooling/local/seed';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;
let adminToken: string;
let tenantId: string;

const newPage = async () => {
  const context = await stack.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  current = await context.newPage();
  return current;
};

interface ListedDossier {
  id: string;
  version: number;
  organismId: string;
  candidate: { lastName: string };
}

/** A dossier of Réseau Alpha in a status (in one of `organisms`, when given). */
const dossierIn = async (status: string, organisms?: readonly string[]) => {
  const list = expectStatus(
    await stack.api.call('GET', `/dossiers?status=${status}&limit=100`, { token: adminToken }),
    200,
    `${status} dossiers`,
  );
  const dossier = (list.items as ListedDossier[]).find((d) => !organisms || organisms.includes(d.organismId));
  if (!dossier) throw new Error(`the demo seed has no ${status} dossier for this in Réseau Alpha`);
  return dossier;
};

beforeAll(async () => {
  stack = await startE2eStack();
  const login = (await listLogins()).find((l) => l.email === 'admin@alpha.demo');
  if (!login?.tenantId) throw new Error('no login admin@alpha.demo');
  tenantId = login.tenantId;
  adminToken = await stack.api.issuer.issueAccessToken(login);
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Data protection on the dossier page', () => {
  it('exports the data as a PDF, and explains in French why an open dossier cannot be erased', async () => {
    // Prepare
    const dossier = await dossierIn('opened');
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers/${dossier.id}`);
    const section = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
    await section.waitFor();
    await expectAccessible(page);
    // Act: the PDF export.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Exporter les données (PDF lisible)' }).click(),
    ]);
    // Assess
    expect(download.suggestedFilename()).toMatch(/^donnees-personnelles-[a-z-]+\.pdf$/);
    await section.getByText("L'export PDF a été téléchargé").waitFor();
    await page.getByText('a exporté les données du candidat (droit d’accès RGPD)').first().waitFor();
    // Act: erasure is refused, with the reason, and the focus moves to the explanation.
    await section.getByRole('button', { name: 'Effacer les données' }).click();
    const refusal = section.getByRole('alert');
    await refusal.waitFor();
    // Assess
    expect(await refusal.textContent()).toContain("L'effacement n'est pas possible aujourd'hui");
    expect(await refusal.textContent()).toContain('est en cours (statut « Ouvert »)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Effacement des données du candidat',
    );
    await expectAccessible(page);
  });

  it('erases a withdrawn candidate past the retention, once the last name is typed', async () => {
    // Prepare: a withdrawn dossier whose last activity is four years old (withdrawn by an advisor of
    // its organism).
    const advisor = (await listLogins()).find((l) => l.tenantId === tenantId && l.roles.includes('advisor'));
    if (!advisor) throw new Error('no advisor in Réseau Alpha');
    const open = await dossierIn('opened', advisor.organisms);
    expectStatus(
      await stack.api.call('POST', `/dossiers/${open.id}/withdraw`, {
        token: await stack.api.issuer.issueAccessToken(advisor),
        body: { version: open.version, reason: 'Déménagement' },
      }),
      200,
      'withdraw',
    );
    const longAgo = new Date(Date.now() - 4 * 366 * 86_400_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(platformScopeFor(tenantId), open.id),
        UpdateExpression: 'SET statusChangedAt = :at, updatedAt = :at',
        ExpressionAttributeValues: { ':at': longAgo },
      }),
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers/${open.id}`);
    const section = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
    await section.getByRole('button', { name: 'Effacer les données' }).click();
    const field = section.getByLabel('Nom de famille du candidat');
    await field.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('effacement-lastName');
    // Act: a wrong name first, then the right one.
    await field.fill('Personne');
    await section.getByRole('button', { name: 'Effacer définitivement' }).click();
    await section.getByText('ne correspond pas au nom du candidat').first().waitFor();
    await expectAccessible(page);
    await field.fill(open.candidate.lastName);
    await section.getByRole('button', { name: 'Effacer définitivement' }).click();
    // Assess: back to the network's due erasures, told so, and the dossier is gone.
    await page.waitForURL(`${stack.webUrl}/reseau/protection-des-donnees`);
    await page.getByText('Les données du candidat ont été effacées (1 dossier).').waitFor();
    expect((await stack.api.call('GET', `/dossiers/${open.id}`, { token: adminToken })).status).toBe(404);
  });
});

describe('Retention setting on /reseaux', () => {
  it('lets the national admin set the retention, with errors announced on the field', async () => {
    // Prepare
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');
    await page.goto(`${stack.webUrl}/reseaux`);
    const section = page.getByRole('region', { name: 'Protection des données : durée de conservation' });
    const field = section.getByLabel('Durée de conservation (années)');
    await field.waitFor();
    // The demo's retention, set by the seed (the default 3 years would leave no candidate due).
    expect(await field.inputValue()).toBe(String(DEMO_RETENTION_YEARS));
    // Act
    await field.fill('12');
    await section.getByRole('button', { name: 'Enregistrer la durée' }).click();
    await section.getByText('dix ans au plus').first().waitFor();
    await field.fill('4');
    await section.getByRole('button', { name: 'Enregistrer la durée' }).click();
    // Assess
    const saved = page.getByText('Durée de conservation enregistrée : 4 ans.');
    await saved.waitFor();
    // The settings reload (the form is re-created for the new version) must not take the notice away.
    await page.waitForLoadState('networkidle');
    await section.getByRole('button', { name: 'Enregistrer la durée' }).waitFor();
    expect(await saved.isVisible()).toBe(true);
    await expectAccessible(page);
    const settings = await stack.api.call('GET', '/data-protection/settings', { token: adminToken });
    expect(settings.body).toMatchObject({ retentionYears: 4, version: 2 });
  });
});
