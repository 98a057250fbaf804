/// <reference lib="dom" />
/**
 * End to end in Chromium, what a person meets typing a certificate code (issue 17): the help text's
 * example is a code whose check character is valid; a code without `CLEA-` or without its last
 * character gets a hint saying what to add, not "faute de frappe"; a found certificate has its own
 * shareable address; a code issued before the check character changed (mod-37, `$` included) still
 * verifies; the public pages name the certifier and link to the legal, accessibility and contact
 * pages; the certificate page offers the Open Badge as a file and a link, never raw JWT text.
 */
import { readFile } from 'node:fs/promises';
import { CERTIFICATE_CODE_EXAMPLE, parseCertificateCode } from '@socle/domain';
import { decodeJwt } from 'jose';
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
import { oldStyleCode, storeUnderOldCode } from '../support/oldCodes.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;
let code = '';
const oldCode = oldStyleCode({ checkSymbols: '$' });

const newPage = async (viewport = { width: 390, height: 844 }) => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport, acceptDownloads: true });
  current = await context.newPage();
  return current;
};

const verify = async (page: Page, typed: string) => {
  await page.getByLabel('Code du certificat').fill(typed);
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
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
  code = dossier.certificateCode;
  await storeUnderOldCode(code, oldCode);
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Typing a code on /verifier', () => {
  it('shows an example whose check character is valid (looked up, not a typo)', async () => {
    // Prepare
    const page = await newPage();
    await page.goto(`${stack.webUrl}/verifier`);

    // Act
    const example = await page.locator('#code-aide .example').textContent();
    await verify(page, example ?? '');
    await page.getByRole('heading', { level: 2, name: 'Certificat introuvable' }).waitFor();

    // Assess
    expect(example).toBe(CERTIFICATE_CODE_EXAMPLE);
    expect(parseCertificateCode(example ?? '')).toMatchObject({ ok: true, scheme: 'damm' });
  });

  it('gives back a missing CLEA- and gives the result its own shareable address', async () => {
    // Prepare
    const page = await newPage();
    await page.goto(`${stack.webUrl}/verifier`);

    // Act
    await verify(page, code.slice(5).toLowerCase());
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();
    const address = page.url();
    const shared = await page.getByLabel('Lien vers cette vérification').inputValue();
    await expectAccessible(page);
    const reopened = await newPage();
    await reopened.goto(shared);
    await reopened.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();

    // Assess
    expect(address).toBe(`${stack.webUrl}/verifier/${code}`);
    expect(shared).toBe(address);
    expect(await reopened.getByLabel('Code du certificat').inputValue()).toBe(code);
  });

  it('says what is missing instead of "faute de frappe"', async () => {
    // Prepare
    const page = await newPage();
    await page.goto(`${stack.webUrl}/verifier`);

    // Act: the last character left out, then an old code without its prefix.
    await verify(page, code.slice(0, -2));
    await page.getByRole('heading', { level: 2, name: 'Code incomplet' }).waitFor();
    const missingCheck = await page.locator('#resultat + p').textContent();
    await expectAccessible(page);
    await verify(page, oldCode.slice(5));
    await page.getByText('Il manque le début du code').waitFor();
    const missingPrefix = await page.locator('#resultat + p').textContent();

    // Assess
    expect(missingCheck).toContain('Il manque le dernier caractère du code');
    expect(missingPrefix).toContain('ajoutez « CLEA- »');
    expect(await page.getByText('Faute de frappe probable').count()).toBe(0);
  });

  it('still verifies a code issued with the old check symbol ($), from its QR code address too', async () => {
    // Prepare
    const page = await newPage();

    // Act
    await page.goto(`${stack.webUrl}/verifier/${encodeURIComponent(oldCode)}`);
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();
    const summary = await page.locator('.details').textContent();
    await page.goto(`${stack.webUrl}/verifier`);
    await verify(page, oldCode.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('heading', { level: 2, name: 'Certificat valide' }).waitFor();

    // Assess
    expect(oldCode).toMatch(/\$$/);
    expect(summary).toContain(oldCode);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/verifier/${oldCode}`);
  });
});

describe('Public pages', () => {
  it('name the certifier and link to the legal notice, the accessibility statement and contact', async () => {
    // Prepare
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${stack.webUrl}/verifier`);
    const footer = page.locator('footer');

    // Act and assess: each link opens a French page with its title, accessible.
    expect(await footer.textContent()).toContain("opéré pour Certif'Pro");
    const links = [
      ['Mentions légales et données personnelles', 'Mentions légales et données personnelles'],
      ['Accessibilité : partiellement conforme', "Déclaration d'accessibilité"],
      ['Contact', 'Contact'],
    ] as const;
    for (const [link, heading] of links) {
      await page.goto(`${stack.webUrl}/verifier`);
      await footer.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page);
    }
    expect(await page.getByRole('link', { name: "Retour à la vérification d'un certificat" }).count()).toBe(
      1,
    );
    // Static: readable before any script runs.
    const html = await (await fetch(`${stack.webUrl}/accessibilite`)).text();
    expect(html).toContain('partiellement conforme');
  });
});

describe('Certificate page: the Open Badge', () => {
  it('is a .jwt file to download and a link to share, never raw JWT text', async () => {
    // Prepare
    const page = await newPage({ width: 1280, height: 900 });
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(`${stack.webUrl}/certificats/${code}`);
    const section = page.getByRole('region', { name: 'Open Badge' });
    await section.waitFor();

    // Act
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: "Télécharger l'Open Badge (fichier .jwt)" }).click(),
    ]);
    const content = await readFile((await download.path()) as string, 'utf8');
    const link = await section.getByLabel('Lien de vérification à partager').inputValue();
    await expectAccessible(page);

    // Assess
    expect(download.suggestedFilename()).toBe(`certificat-${code}.jwt`);
    expect((decodeJwt(content).vc as { type: string[] }).type).toContain('OpenBadgeCredential');
    expect(link).toBe(`${stack.webUrl}/verifier/${code}`);
    expect(await section.locator('textarea').count()).toBe(0);
    expect(await section.textContent()).not.toContain('eyJ');
  });
});
