/// <reference lib="dom" />
/**
 * No internal text reaches a person (issue 17), in Chromium on the demo: every role's main screen,
 * and the first record it lists, read as the user reads it (the body's text) holds no ULID, no event
 * key, no ISO date, no raw region code and none of the English words that leaked before.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;

/** What a person must never read, each with the name a failure reports. */
const INTERNAL: readonly (readonly [string, RegExp])[] = [
  ['identifier', /\b[0-9A-HJKMNP-TV-Z]{26}\b/g],
  ['event key', /\b(?:dossier|candidate|certificate|training_plan|jury_session|evaluation|user)\.[a-z_]+\b/g],
  ['code name', /\b[a-z]+_[a-z_]+\b/g],
  ['ISO date', /\b\d{4}-\d{2}(?:-\d{2})?\b/g],
  ['region code', /\brégion \d{2,3}\b/gi],
  // "de Amandine", "de « Évaluation… »", and the reverse "d’Youssef" (a y before a vowel is a consonant).
  ['elision', /\bde (?:« )?[AEIOUÉÈÀ][a-zà-ÿ]|\bd[’']Y[aeiouéè]/g],
  ['English', /\b(?:reconstructed|undefined|null|NaN|pending|draft|submitted|true|false|Loading|Error)\b/g],
];

/** Each leak as `kind: «…text around it…»`; empty when the text is clean. */
const leaksIn = (text: string): string[] =>
  INTERNAL.flatMap(([kind, pattern]) =>
    [...text.matchAll(pattern)].map((m) => {
      const at = m.index ?? 0;
      return `${kind}: «${text.slice(Math.max(0, at - 25), at + m[0].length + 25).replace(/\s+/g, ' ')}»`;
    }),
  );

/** The page's text as its reader gets it (non-breaking spaces as spaces). */
const bodyText = async (page: Page) => (await page.innerText('body')).replace(/[\u00a0\u202f]/g, ' ');

const pageAs = async (email?: string) => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  if (email) await loginAs(current, stack.webUrl, email);
  return current;
};

/** Waits for the page's heading and the end of its loading, then returns its leaks. */
const leaksOn = async (page: Page) => {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  return leaksIn(await bodyText(page));
};

/** The records the main table links to (dossiers, sessions, networks…), at most `max`. */
const rowLinks = async (page: Page, max = 6) => {
  await page.locator('main table tbody a[href]').first().waitFor();
  const hrefs = await page
    .locator('main table tbody a[href]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return [...new Set(hrefs)].slice(0, max);
};

beforeAll(async () => {
  stack = await startE2eStack();
}, 300_000);
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('The leak detector', () => {
  it('names what it finds', () => {
    expect(
      leaksIn(
        'Référentiel 2018-reconstructed, jury du 2026-10-14 (région 11), texte 2026-01, dossier.portfolio_issued, 01J6GMRM4KGPAD84A5HG5K75A5',
      ).map((leak) => leak.split(':')[0]),
    ).toEqual(['identifier', 'event key', 'code name', 'ISO date', 'ISO date', 'region code', 'English']);
    expect(leaksIn('Dossier de Amandine, dossier d’Youssef').map((leak) => leak.split(':')[0])).toEqual([
      'elision',
      'elision',
    ]);
    expect(
      leaksIn(
        'Jury du 14 octobre 2026, Île-de-France, dossier d’Amandine, de Youssef, d’Yves, « Évaluation »',
      ),
    ).toEqual([]);
  });
});

describe("Every role's main screen, as its user reads it", () => {
  const screens = [
    { role: 'national admin', email: 'national@certifpro.demo', home: /\/reseaux$/ },
    { role: 'network admin', email: 'admin@alpha.demo', home: /\/organismes$/ },
    { role: 'advisor', email: 'conseil@alpha.demo', home: /\/dossiers$/ },
    { role: 'evaluator', email: 'eval@alpha.demo', home: /\/dossiers$/ },
    { role: 'trainer', email: 'formation@alpha.demo', home: /\/dossiers$/ },
    { role: 'jury secretary', email: 'secretariat.11@jury.demo', home: /\/jury\/sessions$/ },
    { role: 'jury member', email: 'employeur1.11@jury.demo', home: /\/jury\/sessions$/ },
  ];

  for (const { role, email, home } of screens) {
    it(`the ${role}: the home page and the records it lists`, async () => {
      const page = await pageAs(email);
      expect(page.url()).toMatch(home);
      expect(await leaksOn(page)).toEqual([]);

      for (const href of await rowLinks(page)) {
        await page.goto(href);
        expect({ page: new URL(href).pathname, leaks: await leaksOn(page) }).toEqual({
          page: new URL(href).pathname,
          leaks: [],
        });
      }
    });
  }

  it("the advisor's form to open a dossier (the consent text's version)", async () => {
    const page = await pageAs('conseil@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers/nouveau`);
    await page.getByText('À lire au candidat', { exact: false }).waitFor();
    expect(await leaksOn(page)).toEqual([]);
  });

  it('an employer on /verifier: the form and a certificate', async () => {
    const token = await demoToken(stack, 'national@certifpro.demo');
    const register = expectStatus(await stack.api.call('GET', '/certificates', { token }), 200, 'register');
    const code: string = register.items[0].code;
    const page = await pageAs();

    await page.goto(`${stack.webUrl}/verifier`);
    expect(await leaksOn(page)).toEqual([]);

    await page.goto(`${stack.webUrl}/verifier/${code}`);
    // The result, once the code is checked: its details name the holder.
    await page.getByText('Titulaire', { exact: true }).waitFor();
    expect(await leaksOn(page)).toEqual([]);
  });
});
