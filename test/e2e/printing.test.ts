/// <reference lib="dom" />
/**
 * End to end in Chromium (issue 17): the national admin prints a batch of paper copies from
 * /exemplaires-papier (selection, ONE PDF with the certificates then their address labels, checked,
 * then "Marquer comme imprimés"), and reads the consolidated national usage statement on
 * /tarifs/releve-national (every network, a month or a year, CSV for Excel). axe finds nothing serious.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const SHOTS = process.env.SOCLE_SHOTS_DIR ?? 'test-results';
const NATIONAL = 'national@certifpro.demo';
let stack: E2eStack;
let current: Page | undefined;

const newPage = async () => {
  const context = await stack.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  current = await context.newPage();
  return current;
};

/** Clicks a button that downloads a file and returns the file the browser saved. */
const downloaded = async (page: Page, button: string | RegExp) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path) };
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startE2eStack();
}, 240_000);
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Paper copies printed in batches: /exemplaires-papier', () => {
  it('prints the selected copies as one PDF with their labels, then marks them printed', async () => {
    // Prepare: two more requested copies, each requested by its own network's admin. The register
    // reads one year at a time: the demo's certificates span the last years.
    const national = await demoToken(stack, NATIONAL);
    const free: string[] = [];
    for (let year = new Date().getFullYear(); year >= new Date().getFullYear() - 3; year--) {
      const page = expectStatus(
        await stack.api.call('GET', `/certificates?year=${year}&limit=100`, { token: national }),
        200,
        'register',
      );
      for (const c of page.items as { code: string; status: string; paperCopy?: unknown }[]) {
        if (!c.paperCopy && c.status === 'valid') free.push(c.code);
      }
    }
    const admins = await Promise.all(
      ['alpha', 'sud', 'ouest', 'outremer'].map((slug) => demoToken(stack, `admin@${slug}.demo`)),
    );
    const addresses = [
      { name: 'Inès Marchand', addressLine: '12 rue des Lilas', postalCode: '42000', city: 'Saint-Étienne' },
      { name: 'Paul Girard', addressLine: '5 allée des Tilleuls', postalCode: '80000', city: 'Amiens' },
    ];
    const codes: string[] = [];
    for (const code of free) {
      if (codes.length === addresses.length) break;
      for (const token of admins) {
        const requested = await stack.api.call('POST', `/certificates/${code}/paper-copy`, {
          token,
          body: { recipient: addresses[codes.length] },
        });
        if (requested.status === 200) {
          codes.push(code);
          break;
        }
      }
    }
    expect(codes).toHaveLength(2);
    const page = await newPage();
    await loginAs(page, stack.webUrl, NATIONAL);

    // Act: select the two copies, print them
    await page.goto(`${stack.webUrl}/exemplaires-papier`);
    for (const code of codes) {
      await page
        .getByRole('checkbox', { name: new RegExp(`Sélectionner l'exemplaire du certificat ${code}`) })
        .check();
    }
    const selectedText = await page
      .getByRole('region', { name: 'Imprimer un lot' })
      .getByText(/sélectionnés/)
      .textContent();
    const pdf = await downloaded(page, 'Imprimer la sélection (PDF)');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    const markButton = page.getByRole('button', { name: /Marquer comme imprimés/ });
    await markButton.waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'print-batch.png'), fullPage: true });

    // Act: the sheets are fine: mark the batch printed
    await markButton.click();
    await page.getByText('2 exemplaires sont marqués comme imprimés').waitFor();
    const toSend = page.getByRole('region', { name: /À envoyer/ });
    const statuses = [];
    for (const code of codes) {
      statuses.push(
        expectStatus(await stack.api.call('GET', `/certificates/${code}`, { token: national }), 200, 'cert')
          .paperCopy.status,
      );
    }

    // Assess
    expect(selectedText).toContain('2 exemplaires sélectionnés');
    expect(pdf.name).toMatch(/^exemplaires-papier-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pages).toHaveLength(3);
    for (const code of codes) expect(text).toContain(code);
    expect(pages[2]).toContain('42000 SAINT-ETIENNE');
    expect(pages[2]).toContain('5 allée des Tilleuls');
    expect(pages[2]).toContain('80000 AMIENS');
    expect(statuses).toEqual(['printed', 'printed']);
    for (const code of codes) expect(await toSend.getByRole('link', { name: code }).count()).toBe(1);
  });
});

describe('Consolidated national usage statement: /tarifs/releve-national', () => {
  it('lists every network for the year with the totals, and exports it for Excel', async () => {
    const page = await newPage();
    await loginAs(page, stack.webUrl, NATIONAL);

    // Act: from the tariffs page, the year
    await page.goto(`${stack.webUrl}/tarifs`);
    await page.getByRole('link', { name: /Relevé d'utilisation national/ }).click();
    await page.getByRole('heading', { level: 1, name: "Relevé d'utilisation national" }).waitFor();
    const year = String(new Date().getFullYear());
    await page.getByLabel('Période').selectOption(year);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(new RegExp(`periode=${year}`));
    const heading = await page.getByRole('heading', { level: 2, name: /Par réseau/ }).textContent();
    const networks = await page
      .locator('section[aria-labelledby="titre-reseaux"] tbody th')
      .allTextContents();
    const total = await page.locator('section[aria-labelledby="titre-reseaux"] tfoot').textContent();
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'national-statement.png'), fullPage: true });
    const csv = await downloaded(page, /CSV pour Excel/);

    // Assess
    expect(heading).toContain(`année ${year}`);
    expect(networks).toEqual(expect.arrayContaining(['Réseau Alpha Formation', 'GRETA Sud Compétences']));
    expect(total).toMatch(/Tous les réseaux.*€/s);
    expect(csv.name).toBe(`releve-national-${year}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Réseau;Période;Certification;Prestation;Quantité;Prix unitaire (€);Montant (€)');
    expect(lines.at(-1)).toMatch(new RegExp(`^Tous les réseaux;année ${year};Total;;;;`));
  });
});
