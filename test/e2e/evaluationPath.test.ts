/// <reference lib="dom" />
/**
 * End to end in Chromium, a candidate's path: the evaluator fills the whole preliminary grid with the
 * keyboard only (training needed), the restitution shows strengths before gaps, a trainer who did not
 * evaluate builds the plan from the gaps, and the final evaluation, showing only the trained criteria
 * and warning that the plan's hours are not done, makes the dossier eligible for a jury. The grid, restitution and plan pages are checked with axe-core.
 */
import { regionToday } from '@socle/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

let stack: E2eStack;
let current: Page | undefined;

const newPage = async (browser: Browser) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return context.newPage();
};

/**
 * Today in the demo organisms' region (Paris time): a sequence is recorded once it happened, never
 * in the future nor before the dossier's opening (a demo dossier may have been opened yesterday).
 */
const today = () => regionToday('11', new Date());

/** The criterion holding the focus, or undefined when focus is outside the grid's criteria. */
const focusedCriterion = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-criterion]')?.dataset.criterion);

const criterionCodes = (page: Page) =>
  page
    .locator('[data-criterion]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.criterion ?? ''));

/** Adds one sequence (mouse and typing are fine here: only the criteria are filled keyboard-only). */
const addSequence = async (page: Page, minutes: number) => {
  await page.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await page.getByLabel('Date', { exact: true }).fill(today());
  await page.getByLabel('Heure de début').fill('09:00');
  await page.getByLabel('Durée en minutes').fill(String(minutes));
};

/** From the sequence's mode, Tab leads into the grid: no click on any criterion. */
const tabIntoGrid = async (page: Page) => {
  await page.getByLabel('Mode').focus();
  for (let i = 0; i < 6 && !(await focusedCriterion(page)); i++) await page.keyboard.press('Tab');
};

/** Presses one shortcut per criterion, checking that each moves focus to the next criterion. */
const fillWithKeyboard = async (page: Page, codes: readonly string[], keyOf: (code: string) => string) => {
  for (const [i, code] of codes.entries()) {
    expect(await focusedCriterion(page)).toBe(code);
    await page.keyboard.press(keyOf(code));
    if (i < codes.length - 1) expect(await focusedCriterion(page)).toBe(codes[i + 1]);
  }
};

const autosaved = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^Enregistré à \d{1,2}:\d{2}/ })
    .waitFor({ timeout: 10_000 });

let dossierUrl = '';
let gapCount = 0;

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Evaluation path: preliminary, restitution, training, final', () => {
  it('lets the evaluator fill the whole grid with the keyboard, with live mastery and autosave', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'eval@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers?status=opened`);
    const row = page.getByRole('table').locator('tbody tr').first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(/\/dossiers\/[0-9A-Z]{26}$/);
    dossierUrl = page.url();

    // Act: start, one sequence, then the grid with A / N / E only
    await page.getByRole('button', { name: "Commencer l'évaluation préalable" }).click();
    await page.waitForURL(/\/evaluations\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { level: 1, name: /Évaluation préalable/ }).waitFor();
    await page.getByText('Raccourcis :').waitFor();
    await addSequence(page, 180);
    const codes = await criterionCodes(page);
    const gaps = codes.filter((c) => c.startsWith('1.1.'));
    gapCount = gaps.length;
    const summary = page.getByRole('region', { name: 'Synthèse de la grille' });
    const before = await summary.textContent();
    await tabIntoGrid(page);
    await fillWithKeyboard(page, codes, (code) => (code === gaps[0] ? 'e' : gaps.includes(code) ? 'n' : 'a'));
    await autosaved(page);

    // Assess
    expect(codes.length).toBeGreaterThanOrEqual(106);
    expect(await page.getByRole('radio', { name: 'Acquis', exact: true, checked: true }).count()).toBe(
      codes.length - gapCount,
    );
    expect(await page.getByRole('radio', { name: 'Non acquis', exact: true, checked: true }).count()).toBe(
      gapCount - 1,
    );
    expect(before).toContain('Domaines maîtrisés : 0/7');
    expect(await summary.textContent()).toContain('Domaines maîtrisés : 6/7');
    expect(await summary.textContent()).toContain(`Critères renseignés : ${codes.length}/${codes.length}`);
    const firstSubdomain = page.getByRole('region', { name: /^1\.1 / });
    expect(await firstSubdomain.textContent()).toContain(`0/${gapCount} acquis – non maîtrisé`);
    await expectAccessible(page);
  });

  it('keeps the answers after a reload and submits with the outcome announced', async () => {
    // Prepare
    const page = current as Page;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Évaluation préalable/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Non acquis', exact: true, checked: true }).count()).toBe(
      gapCount - 1,
    );

    // Act
    await page.getByRole('button', { name: "Valider l'évaluation" }).click();
    const dialog = page.getByRole('dialog', { name: "Valider l'évaluation ?" });
    await dialog.waitFor();
    const outcome = await dialog.textContent();
    await dialog.getByRole('button', { name: 'Confirmer la validation' }).click();
    await page.waitForURL(/\/restitution$/);

    // Assess
    expect(outcome).toContain('une formation est nécessaire');
  });

  it('shows the restitution with the strengths before the gaps', async () => {
    // Prepare
    const page = current as Page;
    await page.getByRole('heading', { level: 1, name: "Restitution de l'évaluation" }).waitFor();

    // Act
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();

    // Assess
    const strengths = headings.indexOf('Ce que vous maîtrisez');
    const gaps = headings.indexOf("Ce qu'il vous reste à travailler");
    expect(strengths).toBeGreaterThanOrEqual(0);
    expect(gaps).toBeGreaterThan(strengths);
    expect(await page.getByText('Un plan de formation individuel vous est proposé').count()).toBe(1);
    await expectAccessible(page);
  });

  it('lets the advisor choose where the training happens', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'conseil@alpha.demo');
    await page.goto(dossierUrl);

    // Act
    await page.getByRole('button', { name: 'Modifier le dossier' }).click();
    await page
      .getByLabel('Organisme de formation')
      .selectOption({ label: 'Alpha Formation Amiens (Amiens)' });
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Les modifications du dossier ont été enregistrées.').waitFor();

    // Assess
    const path = await page.getByRole('region', { name: 'Évaluation et formation' }).textContent();
    expect(path).toContain('Alpha Formation Amiens');
  });

  it("shows the edit form to the network admin too, as the API's updateDossier allows", async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');
    await page.goto(dossierUrl);

    // Act
    await page.getByRole('button', { name: 'Modifier le dossier' }).click();
    await page.getByLabel('Commune').fill('Amiens');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();

    // Assess
    await page.getByText('Les modifications du dossier ont été enregistrées.').waitFor();
    expect(await page.getByRole('button', { name: 'Modifier le dossier' }).count()).toBe(1);
  });

  it('lets a trainer who did not evaluate build the plan from the gaps and record attendance', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'formation@alpha.demo');
    await page.goto(dossierUrl);
    await page.getByRole('link', { name: 'Construire le plan de formation' }).click();
    await page.waitForURL(/\/formation$/);
    await page.getByRole('group', { name: 'Critères visés' }).waitFor();
    await expectAccessible(page);

    // Act
    const targeted = await page
      .getByRole('group', { name: 'Critères visés' })
      .getByRole('checkbox', { checked: true })
      .count();
    const organism = await page.getByLabel('Organisme de formation').inputValue();
    const organismLabel = await page
      .getByLabel('Organisme de formation')
      .locator(`option[value="${organism}"]`)
      .textContent();
    await page.getByLabel('Objectifs pédagogiques').fill('Comprendre un message oral et en rendre compte.');
    await page.getByLabel('Heures de formation prévues').fill('20');
    await page.getByLabel('Date', { exact: true }).fill(today());
    await page.getByLabel('Heures prévues').fill('3');
    await page.getByLabel(/^Thème/).fill('Écoute active');
    await page.getByRole('button', { name: 'Créer le plan de formation' }).click();
    await page.getByText('Le plan de formation a été créé.').waitFor();
    await page.getByRole('button', { name: /Saisir la présence/ }).click();
    await page.getByLabel('Heures suivies').fill('3');
    await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
    await page.getByText('La présence à la séance 1 a été enregistrée.').waitFor();

    // Assess
    expect(targeted).toBe(gapCount);
    expect(organismLabel).toBe('Alpha Formation Amiens (Amiens)');
    expect(await page.getByText('3 h suivies sur 20 h prévues').count()).toBe(1);
    await expectAccessible(page);
  });

  it('runs the final evaluation on the trained criteria only, which makes the dossier eligible', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'eval@alpha.demo');
    await page.goto(dossierUrl);

    // Act
    await page.getByRole('button', { name: "Commencer l'évaluation finale" }).click();
    await page.waitForURL(/\/evaluations\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { level: 1, name: /Évaluation finale/ }).waitFor();
    const lead = (await page.locator('p.lead').textContent())?.replace(/\s+/g, ' ');
    const hoursWarning = (await page.getByText(/^Formation incomplète/).textContent())?.replace(/\s+/g, ' ');
    const domainHeadings = await page.getByRole('heading', { level: 2, name: /^Domaine / }).allTextContents();
    await addSequence(page, 60);
    const codes = await criterionCodes(page);
    await tabIntoGrid(page);
    await fillWithKeyboard(page, codes, () => 'a');
    await autosaved(page);
    const summary = await page.getByRole('region', { name: 'Synthèse de la grille' }).textContent();
    await expectAccessible(page);
    await page.getByRole('button', { name: "Valider l'évaluation" }).click();
    const dialog = page.getByRole('dialog', { name: "Valider l'évaluation ?" });
    await dialog.waitFor();
    const outcome = await dialog.textContent();
    await dialog.getByRole('button', { name: 'Confirmer la validation' }).click();
    await page.waitForURL(/\/restitution$/);
    await page.goto(dossierUrl);
    await page.getByRole('heading', { name: 'Statut', level: 2 }).waitFor();

    // Assess: only the plan's criteria (all in 1.1), the rest of the grid is not on the screen
    expect(codes.length).toBe(gapCount);
    expect(codes.every((c) => c.startsWith('1.1.'))).toBe(true);
    expect(domainHeadings).toHaveLength(1);
    expect(domainHeadings[0]).toMatch(/^Domaine 1 /);
    expect(lead).toContain('Seuls les critères travaillés en formation sont évalués');
    expect(hoursWarning).toContain('le plan prévoit 20 h de formation, 3 h ont été suivies');
    expect(summary).toContain('Domaines maîtrisés : 7/7');
    expect(outcome).toContain('éligible au jury');
    expect(await page.getByText('Éligible au jury', { exact: true }).count()).toBeGreaterThan(0);
  });
});
