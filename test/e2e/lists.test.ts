/// <reference lib="dom" />
/**
 * End to end in Chromium (issue 17): the dossiers list and the certificate register of the demo say
 * where the page sits in the whole list ("1–25 sur N"), sort by date from an accessible header and
 * export the filtered list as a CSV file for Excel; axe-core finds no serious violation.
 * Screenshots go to /tmp/h8-shots when SOCLE_SHOTS_DIR is unset (test-results otherwise).
 */
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

/** `12/03/2026` → a sortable `2026-03-12` (the list's dates as French readers see them). */
const isoOf = (french: string) => french.trim().split('/').reverse().join('-');

/** Clicks the export button and reads the file the browser saved. */
const exportedFile = async (page: Page, button: string) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
};

const csvLines = (bytes: Buffer) => bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Dossiers list: /dossiers', () => {
  it('shows the position in the whole list, sorts by opening day and exports the filtered list', async () => {
    // Prepare: the network's total, as the API counts it.
    const token = await demoToken(stack, 'admin@alpha.demo');
    const { total } = expectStatus(await stack.api.call('GET', '/totals/dossiers', { token }), 200, 'total');
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act: the list, newest first
    await page.goto(`${stack.webUrl}/dossiers`);
    const status = page.locator('p.results');
    await status.waitFor();
    const firstText = await status.textContent();
    const header = page.getByRole('columnheader', { name: /Ouvert le/ });
    const firstSort = await header.getAttribute('aria-sort');
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'dossiers-list.png'), fullPage: true });

    // Act: oldest first, from the header's button
    await header.getByRole('button').click();
    await page.waitForURL(/order=oldest/);
    const oldestSort = await page.getByRole('columnheader', { name: /Ouvert le/ }).getAttribute('aria-sort');
    const openedDays = (await page.locator('tbody tr td:nth-child(5)').allTextContents()).map(isoOf);
    const caption = await page.locator('caption').textContent();

    // Act: the export of the list filtered on a status
    await page.getByLabel('Statut').selectOption('certified');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/status=certified/);
    await page.waitForURL(/order=oldest/);
    await status.filter({ hasText: /dossiers?\.$/ }).waitFor();
    const certifiedShown = await page.locator('tbody tr').count();
    const file = await exportedFile(page, 'Exporter la liste (CSV pour Excel)');
    const announced = await page
      .getByText(/^Fichier dossiers-\d{4}-\d{2}-\d{2}\.csv enregistré\.$/)
      .textContent();
    await page.screenshot({ path: join(SHOTS, 'dossiers-list-oldest-certified.png'), fullPage: true });

    // Assess
    expect(firstText).toBe(
      total > 25
        ? `1–25 sur ${total.toLocaleString('fr-FR')} dossiers.`
        : `${total} dossier${total > 1 ? 's' : ''}.`,
    );
    expect(firstSort).toBe('descending');
    expect(oldestSort).toBe('ascending');
    expect(openedDays).toEqual([...openedDays].sort());
    expect(caption).toContain('du plus ancien au plus récent');
    expect(file.name).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(file.bytes);
    expect(lines[0]).toBe('Nom;Prénom;Date de naissance;Certification;Organisme;Statut;Ouvert le;Échéance');
    expect(lines.length - 1).toBeGreaterThanOrEqual(certifiedShown);
    expect(lines.slice(1).every((line) => line.split(';')[5] === 'Certifié')).toBe(true);
    expect(announced).toBeTruthy();
  });
});

describe('Register: /certificats', () => {
  it('shows the total, sorts by issue day and exports the register', async () => {
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(`${stack.webUrl}/certificats`);
    const status = page.locator('p.results');
    await status.waitFor();
    const text = await status.textContent();
    const header = page.getByRole('columnheader', { name: /Délivré le/ });
    const before = await header.getAttribute('aria-sort');
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'register.png'), fullPage: true });
    await header.getByRole('button').click();
    await page.waitForURL(/order=oldest/);
    const issued = (await page.locator('tbody tr td:nth-child(5)').allTextContents()).map(isoOf);
    const file = await exportedFile(page, 'Exporter le registre (CSV pour Excel)');
    const lines = csvLines(file.bytes);

    expect(text).toMatch(/^(1–25 sur [\d\u202f]+ certificats|\d+ certificats?)\.$/);
    expect(before).toBe('descending');
    expect(await page.getByRole('columnheader', { name: /Délivré le/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(issued).toEqual([...issued].sort());
    expect(file.name).toMatch(/^registre-des-certificats-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('Code;Nom;Prénom;Certification;Région;Délivré le;Statut;Révoqué le');
    expect(lines.slice(1).every((line) => /^CLEA-/.test(line))).toBe(true);
  });
});

describe('Whole lists: /organismes and /utilisateurs', () => {
  it('sort exactly by any sortable column, each header saying its order', async () => {
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(`${stack.webUrl}/organismes`);
    const city = page.getByRole('columnheader', { name: /^Ville/ });
    await city.waitFor();
    const nameBefore = await page.getByRole('columnheader', { name: /^Nom/ }).getAttribute('aria-sort');
    await city.getByRole('button').click();
    const cities = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    const cityAscending = await city.getAttribute('aria-sort');
    await city.getByRole('button').click();
    const citiesDown = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'organisms-by-city.png'), fullPage: true });

    await page.goto(`${stack.webUrl}/utilisateurs`);
    const email = page.getByRole('columnheader', { name: /^Adresse e-mail/ });
    await email.getByRole('button').click();
    const emails = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    await expectAccessible(page);

    const french = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    expect(nameBefore).toBe('ascending');
    expect(cityAscending).toBe('ascending');
    expect(await page.getByRole('columnheader', { name: /^Nom/ }).getAttribute('aria-sort')).toBe('none');
    expect(cities).toEqual([...cities].sort(french.compare));
    expect(citiesDown).toEqual([...cities].reverse());
    expect(emails.length).toBeGreaterThan(1);
    expect(emails).toEqual([...emails].sort(french.compare));
  });
});

describe('Référentiels: versions named as people name them', () => {
  it('shows "Référentiel CléA 2018", never the file label, in the list and on the version page', async () => {
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');
    await page.goto(`${stack.webUrl}/referentiels`);
    const link = page.getByRole('link', { name: /^Référentiel CléA \d{4}$/ }).first();
    await link.waitFor();
    const listText = await page.locator('main').textContent();
    await link.click();
    const heading = page.getByRole('heading', { level: 1, name: /^Référentiel CléA \d{4}$/ });
    await heading.waitFor();
    const pageText = await page.locator('main').textContent();
    await page.screenshot({ path: join(SHOTS, 'referentiel-version.png') });

    expect(listText).not.toMatch(/reconstructed|\d{4}-[a-z]/);
    expect(pageText).not.toMatch(/reconstructed/);
    expect(await page.title()).toMatch(/^Référentiel CléA \d{4} – Socle$/);
  });
});
