/// <reference lib="dom" />
/**
 * End to end in Chromium on a phone, the public verification page (SPEC §5): an employer opens the
 * QR code of a certificate issued by a demo jury, sees that it is valid and confirms the holder's
 * name; typos and unknown codes are told apart; an Open Badge is checked; the quota is announced.
 * Also measures the JavaScript the page loads (the target is 60 KB gzip at most).
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CROCKFORD_ALPHABET, certificateCodeFrom } from '@socle/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { demoToken, expectAccessible, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;

/** A certificate issued by a closed demo jury session, with what its network knows of the holder. */
let certified: { code: string; firstName: string; lastName: string; birthDate: string };
let adminToken = '';
/**
 * Uncaught errors and hydration warnings of the last page opened. (Other console messages are
 * expected: the 400 and 404 answers, and SvelteKit's own history warning in the e2e build.)
 */
let pageProblems: string[] = [];

/** A mid-range phone, held upright. */
const newPhonePage = async () => {
  const context = await stack.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  current = await context.newPage();
  pageProblems = [];
  current.on('console', (message) => {
    if (/hydrat/i.test(message.text())) pageProblems.push(message.text());
  });
  current.on('pageerror', (error) => pageProblems.push(error.message));
  return current;
};

/** The code with one symbol of its random part replaced by another: what a typo looks like. */
const withTypo = (code: string) => {
  const index = 5; // `CLEA-7QX4-…`: the first symbol after the prefix
  const symbol = code[index] as string;
  const other = CROCKFORD_ALPHABET[(CROCKFORD_ALPHABET.indexOf(symbol) + 1) % CROCKFORD_ALPHABET.length];
  return `${code.slice(0, index)}${other}${code.slice(index + 1)}`;
};

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

beforeAll(async () => {
  stack = await startE2eStack();
  adminToken = await demoToken(stack, 'admin@alpha.demo');
  const dossiers = expectStatus(
    await stack.api.call('GET', '/dossiers?status=certified', { token: adminToken }),
    200,
    'certified dossiers',
  );
  const dossier = dossiers.items.find((d: { certificateCode?: string }) => d.certificateCode);
  if (!dossier) throw new Error('the demo seed has no certified dossier in Réseau Alpha');
  certified = { code: dossier.certificateCode, ...dossier.candidate };
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Public verification: /verifier', () => {
  it('checks the code of a QR code at once and confirms the holder by last name', async () => {
    // Prepare
    const page = await newPhonePage();

    // Act
    await page.goto(`${stack.webUrl}/verifier/${certified.code}`);
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();
    const focused = await focusedText(page);
    const summary = await page.locator('.summary').textContent();
    const filled = await page.getByLabel('Code du certificat').inputValue();
    await expectAccessible(page);
    // Case and accents do not matter: what an employer types from a sheet of paper.
    const typed = certified.lastName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    await page.getByLabel('Nom de famille du titulaire').fill(typed);
    await page.getByRole('button', { name: "Confirmer l'identité" }).click();
    await page.getByText(`Le nom correspond : ${certified.firstName} ${certified.lastName}`).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Nom de famille du titulaire').fill('Personne');
    await page.getByRole('button', { name: "Confirmer l'identité" }).click();
    await page.getByText('Le nom ne correspond pas au titulaire de ce certificat.').waitFor();

    // Assess
    expect(filled).toBe(certified.code);
    expect(focused).toBe('Certificat valide');
    expect(summary).toContain('Ce certificat CléA est valide.');
    expect(summary).toMatch(
      new RegExp(
        `Délivré le \\d{1,2} \\S+ \\d{4} par le jury de la région .+ à ${certified.firstName} ${certified.lastName[0]}\\.`,
      ),
    );
    expect(summary).not.toContain(certified.lastName);
  });

  it('tells a probable typo from an unknown code on the prerendered page', async () => {
    // Prepare
    const page = await newPhonePage();
    const html = await (await fetch(`${stack.webUrl}/verifier`)).text();
    const unknown = certificateCodeFrom('clea', randomBytes(8));

    // Act
    await page.goto(`${stack.webUrl}/verifier`);
    const input = page.getByLabel('Code du certificat');
    // Lower case and spaces, as typed on a phone.
    await input.fill(withTypo(certified.code).toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Faute de frappe probable' }).waitFor();
    const typo = await page.locator('#resultat + p').textContent();
    const focused = await focusedText(page);
    await expectAccessible(page);
    await input.fill(unknown);
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Certificat introuvable' }).waitFor();
    const notFound = await page.locator('#resultat + p').textContent();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);

    // Assess: the script took over the prerendered form (no reload with `?code=`), without a warning.
    expect(page.url()).toBe(`${stack.webUrl}/verifier`);
    expect(pageProblems).toEqual([]);
    expect(html).toContain('<label for="code">Code du certificat</label>');
    expect(typo?.replace(/\s+/g, ' ').trim()).toBe(
      'Ce code contient probablement une faute de frappe : un caractère est erroné ou deux caractères sont inversés.',
    );
    expect(focused).toBe('Faute de frappe probable');
    expect(notFound).toBe('Aucun certificat ne correspond à ce code. Vérifiez chaque caractère.');
    expect(width).toBeLessThanOrEqual(390);
    expect(await page.getByRole('heading', { name: "Confirmer l'identité du titulaire" }).count()).toBe(0);
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    // Prepare
    const page = await newPhonePage();
    await page.setViewportSize({ width: 320, height: 640 });

    // Act
    await page.goto(`${stack.webUrl}/verifier/${certified.code}`);
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);

    // Assess
    expect(width).toBeLessThanOrEqual(320);
    await expectAccessible(page);
  });

  it('says so when the verification cannot reach the service', async () => {
    // Prepare
    const page = await newPhonePage();
    await page.route('**/public/certificates/**', (route) => route.abort('internetdisconnected'));

    // Act
    await page.goto(`${stack.webUrl}/verifier/${certified.code}`);
    await page.getByRole('heading', { level: 2, name: 'Vérification impossible' }).waitFor();
    const message = await page.locator('#resultat + p').textContent();

    // Assess
    expect(message).toBe(
      "La vérification n'a pas pu aboutir : vérifiez votre connexion à Internet, puis réessayez.",
    );
  });

  it('loads no zod, no sign-in code and at most 60 KB of gzipped JavaScript', async () => {
    // Prepare
    const page = await newPhonePage();
    const pending: Promise<{ url: string; raw: number; gzip: number; body: string }>[] = [];
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.endsWith('.js')) return;
      pending.push(
        response.body().then((body) => ({
          url: response.url(),
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          body: body.toString('utf8'),
        })),
      );
    });

    // Act
    await page.goto(`${stack.webUrl}/verifier`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Vérifier', exact: true }).waitFor();
    const scripts = await Promise.all(pending);
    const raw = scripts.reduce((sum, s) => sum + s.raw, 0);
    const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `/verifier JavaScript: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`,
    );

    // Assess
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts.filter((s) => /ZodError|oauth4webapi|socle\.session/.test(s.body)).map((s) => s.url),
    ).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });

  it('checks an Open Badge pasted as a JWT, and refuses a tampered one', async () => {
    // Prepare
    const { credential } = expectStatus(
      await stack.api.call('GET', `/certificates/${certified.code}/credential`, { token: adminToken }),
      200,
      'export credential',
    );
    const [header, payload, signature] = (credential as string).split('.') as [string, string, string];
    const middle = Math.floor(signature.length / 2);
    const flipped = signature[middle] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload}.${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
    const page = await newPhonePage();
    await page.goto(`${stack.webUrl}/verifier`);
    const textarea = page.getByLabel('Certificat numérique', { exact: true });

    // Act
    await textarea.fill(credential);
    await page.getByRole('button', { name: 'Vérifier le certificat numérique' }).click();
    await page.getByRole('heading', { level: 3, name: 'Certificat numérique authentique' }).waitFor();
    const valid = await page.locator('.outcome').last().textContent();
    await expectAccessible(page);
    await textarea.fill(tampered);
    await page.getByRole('button', { name: 'Vérifier le certificat numérique' }).click();
    await page.getByRole('heading', { level: 3, name: 'Certificat numérique non valide' }).waitFor();
    const invalid = await page.locator('.outcome').last().textContent();

    // Assess
    expect(valid).toContain('Ce certificat CléA est valide.');
    expect(valid).toContain(certified.code);
    expect(invalid).toContain('La signature ne correspond pas');
  });

  it('says when to retry once the quota of verifications is used up', async () => {
    // Prepare: a small quota (the test API's is large), used up by this process, which shares the
    // browser's loopback address; the window is a fixed minute, so not too close to its end.
    const limit = process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '3';
    onTestFinished(() => {
      if (limit === undefined) delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
      else process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = limit;
    });
    let retryAfter = 0;
    while (retryAfter < 10) {
      const { status, headers } = await stack.api.call('GET', `/public/certificates/${certified.code}`);
      if (status !== 429) continue;
      retryAfter = Number(headers.get('retry-after'));
      if (retryAfter < 10) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    }
    const page = await newPhonePage();

    // Act
    await page.goto(`${stack.webUrl}/verifier/${certified.code}`);
    await page.getByRole('heading', { level: 2, name: 'Trop de vérifications' }).waitFor();
    const message = await page.locator('#resultat + p').textContent();
    const focused = await focusedText(page);

    // Assess
    expect(message).toMatch(
      /^Trop de vérifications depuis votre connexion\. Réessayez dans \d+ secondes?\.$/,
    );
    expect(focused).toBe('Trop de vérifications');
  });
});
