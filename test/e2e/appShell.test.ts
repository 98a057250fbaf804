/// <reference lib="dom" />
/**
 * The app shell and what screens show (issue 17), in Chromium on the demo: a French 404 inside the
 * app with its navigation, an "Accès refusé" page that leads back, dossier and restitution texts
 * without internal identifiers or jargon (elision, French dates, no event keys, no deadline once
 * certified, the same evaluation date on both), and CléA numérique not offered before its référentiel
 * is published. Each page stays axe-clean.
 */
import { CURRENT_CONSENT_TEXT_VERSION } from '@socle/domain';
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
import { evaluate } from '../support/world.ts';

let stack: E2eStack;
let page: Page;
let advisorToken = '';
let evaluatorToken = '';
/** Amandine's dossier, opened by the first dossier test and evaluated by the restitution test. */
let amandineDossierId = '';

/** What a person must never read on a page: internal codes, ISO dates, region codes, "(s)". */
const INTERNAL = [
  /\b[0-9A-HJKMNP-TV-Z]{26}\b/,
  /\b(?:dossier|candidate|certificate|training_plan|jury_session|user)\.[a-z_]+\b/,
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\brégion \d{2,3}\b/i,
  /\w\(s\)/,
  /\bde « [AEIOUÉÈÀ]/,
];

const longDate = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field
const api = async (method: string, path: string, body?: unknown, token = advisorToken): Promise<any> => {
  const response = await fetch(`${stack.api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

const mainText = async () => (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');

beforeAll(async () => {
  stack = await startE2eStack();
  advisorToken = await demoToken(stack, 'conseil@alpha.demo');
  evaluatorToken = await demoToken(stack, 'eval@alpha.demo');
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await loginAs(page, stack.webUrl, 'conseil@alpha.demo');
}, 300_000);
afterAll(() => stack?.stop());
screenshotOnFailure(() => page);

describe('The app shell', () => {
  it('answers an unknown address with a French 404 inside the app, navigation included', async () => {
    await page.goto(`${stack.webUrl}/cette-adresse-n-existe-pas`);

    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Dossiers' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: "Aller à l'accueil" }).getAttribute('href')).toBe(
      '/dossiers',
    );
    expect(await page.title()).toBe('Page introuvable – Socle');
    await expectAccessible(page);
  });

  it('leads back from "Accès refusé" to the page the user came from', async () => {
    await page.goto(`${stack.webUrl}/dossiers`);
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).waitFor();
    // An address the advisor's role does not open, followed from inside the app.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '/reseaux';
      link.textContent = 'réseaux';
      document.querySelector('main')?.append(link);
      link.click();
    });

    await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
    const back = page.getByRole('link', { name: 'Revenir à la page précédente' });
    expect(await back.getAttribute('href')).toBe('/dossiers');
    await expectAccessible(page);
    await back.click();
    await page.waitForURL(`${stack.webUrl}/dossiers`);
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).waitFor();
  });

  it('does not offer CléA numérique before its référentiel is published, and says when it will open', async () => {
    await page.goto(`${stack.webUrl}/dossiers/nouveau`);
    const certification = page.getByLabel('Certification');
    await certification.waitFor();

    const options = await certification.locator('option').allInnerTexts();
    expect(options).toContain('CléA');
    expect(options).not.toContain('CléA numérique');
    expect(
      await page
        .getByText("CléA numérique : ouverture dès la publication de son référentiel par Certif'Pro.")
        .count(),
    ).toBe(1);
    await expectAccessible(page);
  });
});

describe('What the dossier and its restitution show', () => {
  it('names the candidate with elision: « Dossier d’Amandine … »', async () => {
    const organisms = (await api('GET', '/organisms')).items as { id: string; capabilities: string[] }[];
    const advisor = await api('GET', '/me');
    const evaluator = await api('GET', '/me', undefined, evaluatorToken);
    // An organism of both the advisor and the evaluator, so that the evaluator can evaluate her later.
    const organism = organisms.find(
      (o) =>
        o.capabilities.includes('evaluation') &&
        advisor.organisms.includes(o.id) &&
        evaluator.organisms.includes(o.id),
    );
    const { dossier } = await api('POST', '/dossiers', {
      confirmDuplicate: true,
      candidate: {
        firstName: 'Amandine',
        lastName: 'Leroy',
        birthDate: '1990-03-02',
        email: 'amandine.leroy@exemple.fr',
        postalCode: '93200',
        city: 'Saint-Denis',
      },
      dossier: {
        certification: 'clea',
        organismId: organism?.id,
        candidateStatus: 'job_seeker',
        prescriber: 'france_travail',
        funding: 'cpf',
        onWorkingTime: false,
        modules: [],
        experience: 'Vendeuse, 3 ans.',
        consent: { given: true, textVersion: CURRENT_CONSENT_TEXT_VERSION },
      },
    });

    amandineDossierId = dossier.id;
    await page.goto(`${stack.webUrl}/dossiers/${dossier.id}`);

    await page.getByRole('heading', { level: 1, name: 'Dossier d’Amandine Leroy' }).waitFor();
    expect(await page.title()).toBe('Dossier d’Amandine Leroy – Socle');
  });

  it('a certified dossier: no deadline, a timeline in words, French dates, no internal code', async () => {
    const certified = (await api('GET', '/dossiers?status=certified&limit=1')).items[0];
    if (!certified?.deadline) throw new Error('the demo holds no certified dossier with a deadline');

    await page.goto(`${stack.webUrl}/dossiers/${certified.id}`);
    await page.getByRole('heading', { level: 2, name: 'Historique' }).waitFor();
    await page.locator('.timeline li').first().waitFor();

    const text = await mainText();
    expect(text).not.toContain('Échéance');
    expect(text).toContain('a certifié le candidat');
    expect(text).toMatch(/Nouveau statut : « Certifié » \(auparavant « À l'ordre du jour d'un jury »\)/);
    expect(text).toMatch(/jury du \d{1,2}(er)? [a-zéû]+ \d{4}/i);
    for (const pattern of INTERNAL) expect(text, String(pattern)).not.toMatch(pattern);
    await expectAccessible(page);
  });

  it('the restitution dates the evaluation as the dossier does and speaks without jargon', async () => {
    if (!amandineDossierId) throw new Error('the dossier test did not open Amandine’s dossier');
    // A preliminary evaluation with gaps: theme 1.1 not shown at all, one competence of 3.1 missing.
    await evaluate(stack.api, evaluatorToken, amandineDossierId, {
      notAcquired: ['1.1.1', '1.1.2', '3.1.1'],
    });
    const { dossier } = await api('GET', `/dossiers/${amandineDossierId}`);
    expect(dossier.status).toBe('in_training');

    await page.goto(`${stack.webUrl}/dossiers/${amandineDossierId}/restitution`);
    await page.getByRole('heading', { level: 1, name: "Restitution de l'évaluation" }).waitFor();

    const text = await mainText();
    expect(text).toContain(`Évaluation préalable du ${longDate(dossier.preliminaryEvaluatedOn)}`);
    expect(text).toContain('vous avez montré');
    expect(text).not.toMatch(/\d+\/\d+ acquis|non maîtrisé|requis/);
    // The référentiel's criteria are quoted as published ("la/les victime(s)"): only the page's own words
    // are held to "(s)"-free French.
    for (const pattern of INTERNAL.filter((p) => !p.test('victime(s)')))
      expect(text, String(pattern)).not.toMatch(pattern);
    await expectAccessible(page);
  });
});
