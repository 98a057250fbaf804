/**
 * End to end in Chromium: the national dashboard (figures, map of the 18 regions, filter by a region
 * chosen on the map, CSV for Excel equal to the API's answer) and a network's usage statement (lines
 * on screen, PDF download). SPEC §6. Both pages are checked with axe-core.
 */
import { readFile } from 'node:fs/promises';
import { formatEuros, regions, toCsv, volumesTable } from '@socle/domain';
import type { UsageStatement, VolumesResponse } from '@socle/domain';
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

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  return current;
};

const tokenOf = (email: string) => demoToken(stack, email);

/** The dashboards' default period: the last 12 months, this one (in Paris) included. */
const lastTwelveMonths = () => {
  const to = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
  const [year, month] = to.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 - 11;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
};

/** A key figure as shown (`1 234` with French spaces) → its number. */
const figure = async (page: Page, counter: string) =>
  Number((await page.locator(`[data-counter="${counter}"] dd`).textContent())?.replace(/\D/g, ''));

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('National dashboard: /statistiques', () => {
  it('shows the figures, filters to a region chosen on the map, and exports the CSV the API answers', async () => {
    // Prepare: the API's answers for the default period, nationally and per region.
    const { from, to } = lastTwelveMonths();
    const token = await tokenOf('national@certifpro.demo');
    const volumes = (query: string): Promise<VolumesResponse> =>
      stack.api
        .call('GET', `/stats/volumes?from=${from}&to=${to}&${query}`, { token })
        .then((r) => expectStatus(r, 200, `volumes ${query}`));
    const national = await volumes('groupBy=region');
    // A region holding some but not all of the dossiers, so filtering to it changes the figures.
    const region = national.rows
      .filter((r) => r.counts.opened > 0 && r.counts.opened < national.total.counts.opened)
      .sort((a, b) => b.counts.opened - a.counts.opened)[0];
    if (!region) throw new Error('the demo seed has dossiers in one region only');
    const regional = await volumes(`groupBy=region&region=${region.key}`);
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act: the dashboard, then the region chosen on the map, then the CSV for Excel.
    await page.getByRole('link', { name: 'Statistiques', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques nationales' }).waitFor();
    const openedBefore = await figure(page, 'opened');
    const certifiedBefore = await figure(page, 'certified');
    const mapRegions = page.locator('.region-map path[role="button"]');
    const labels = await mapRegions.evaluateAll((paths) =>
      paths.map((p) => ({
        label: p.getAttribute('aria-label') ?? '',
        hasShape: (p.getAttribute('d') ?? '').length > 20,
      })),
    );
    await expectAccessible(page);
    const regionName = regions.find((r) => r.code === region.key)?.name ?? region.key;
    await page.getByRole('button', { name: new RegExp(`^${regionName} : `) }).click();
    await page.waitForURL(new RegExp(`region=${region.key}`));
    await page
      .getByText(`Chiffres affichés : De`)
      .filter({ hasText: regionName })
      .waitFor({ state: 'attached' });
    const openedAfter = await figure(page, 'opened');
    const certifiedAfter = await figure(page, 'certified');
    const pressed = await page
      .getByRole('button', { name: new RegExp(`^${regionName} : `) })
      .getAttribute('aria-pressed');
    const tableRows = await page.locator('table.volumes tbody tr').count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV pour Excel' }).click(),
    ]);
    const bytes = await readFile((await download.path()) as string);
    const text = bytes.toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    await expectAccessible(page);

    // Assess: every region drawn and labelled; figures are the API's, before and after the filter.
    expect(labels).toHaveLength(18);
    for (const r of regions) {
      expect(labels.find((l) => l.label.startsWith(`${r.name} : `))?.hasShape, r.name).toBe(true);
    }
    expect(openedBefore).toBe(national.total.counts.opened);
    expect(certifiedBefore).toBe(national.total.counts.certified);
    expect(openedAfter).toBe(regional.total.counts.opened);
    expect(certifiedAfter).toBe(regional.total.counts.certified);
    expect(openedAfter).not.toBe(openedBefore);
    expect(pressed).toBe('true');
    expect(tableRows).toBe(1);
    expect(download.suggestedFilename()).toBe(`socle-volumes-${from}_${to}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]?.split(';')[0]).toBe('Région');
    expect(lines[1]?.split(';').slice(0, 2)).toEqual([regionName, String(regional.rows[0]?.counts.opened)]);
    expect(lines.at(-1)?.split(';').slice(0, 2)).toEqual(['Total', String(regional.total.counts.opened)]);
    expect(text).toBe(toCsv(volumesTable(regional), { dialect: 'excel' }));
  });
});

describe('Usage statements: /reseau/releves', () => {
  it('shows the month of a network with its lines and downloads the PDF', async () => {
    // Prepare: the latest month in which Réseau Alpha had billable events.
    const { from, to } = lastTwelveMonths();
    const token = await tokenOf('admin@alpha.demo');
    const monthly: VolumesResponse = expectStatus(
      await stack.api.call('GET', `/stats/volumes?from=${from}&to=${to}&groupBy=month`, { token }),
      200,
      'network volumes',
    );
    const month = monthly.rows.filter((r) => r.counts.preliminaryDone + r.counts.certified > 0).at(-1)?.key;
    if (!month) throw new Error('Réseau Alpha has no billable event in the last 12 months');
    const statement: UsageStatement = expectStatus(
      await stack.api.call('GET', `/statements/${month}`, { token }),
      200,
      'statement',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act
    await page.getByRole('link', { name: 'Relevés', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: "Relevés d'utilisation" }).waitFor();
    await page.getByLabel('Mois du relevé').selectOption(month);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(new RegExp(`mois=${month}`));
    const table = page.getByRole('table', { name: /Prestations facturables/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    const total = (await table.locator('tfoot td').textContent())?.trim();
    await expectAccessible(page);
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/statements/${month}/statement.pdf`)),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF', exact: true }).click(),
    ]);
    const pdf = await readFile((await download.path()) as string);

    // Assess
    expect(rows).toBe(statement.lines.length);
    expect(total).toBe(formatEuros(statement.totalCents));
    expect(statement.totalCents).toBeGreaterThan(0);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('Fee schedules: /tarifs', () => {
  it('lets the national admin set fees in euros from next month, sent in cents, and reload on a conflict', async () => {
    // Prepare
    const token = await tokenOf('national@certifpro.demo');
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act: a malformed amount first, then a decimal comma.
    await page.getByRole('link', { name: 'Tarifs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tarifs' }).waitFor();
    const month = await page.getByLabel('Applicable à partir de').inputValue();
    const field = page
      .getByRole('group', { name: 'CléA', exact: true })
      .getByLabel('Par évaluation préalable');
    await field.fill('vingt');
    await page.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    const error = await page.locator('.error-summary').textContent();
    const focused = await page.evaluate(() => document.activeElement?.id);
    await field.fill('25,5');
    await page.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    await page.getByText('ont été enregistrés').waitFor();
    const firstRow = await page
      .getByRole('table', { name: /Grilles tarifaires/ })
      .locator('tbody tr')
      .first()
      .textContent();
    await expectAccessible(page);
    const fees = expectStatus(await stack.api.call('GET', '/fees', { token }), 200, 'fees');
    // Someone else changes the same schedule meanwhile: saving again is a conflict, offered to reload.
    const theirs = structuredClone(fees.items[0].fees);
    theirs.clea.preliminaryEvaluation = 3000;
    expectStatus(
      await stack.api.call('PUT', `/fees/${month}`, {
        token,
        body: { fees: theirs, version: fees.items[0].version },
      }),
      200,
      'concurrent change',
    );
    await field.fill('26');
    await page.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    await page.getByText("Ces tarifs ont été modifiés par quelqu'un d'autre").waitFor();
    await page.getByRole('button', { name: 'Recharger' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Ces tarifs ont été modifiés' })
      .waitFor({ state: 'detached' });
    const reloaded = await field.inputValue();

    // Assess
    expect(error).toContain('montant en euros');
    expect(focused).toBe(await field.getAttribute('id'));
    expect(firstRow).toContain('25,50');
    expect(fees.items[0]).toMatchObject({
      effectiveFrom: month,
      fees: { clea: { preliminaryEvaluation: 2550 } },
    });
    expect(reloaded).toBe('30,00');
  });
});
