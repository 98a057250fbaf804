/**
 * End to end in Chromium, a database outage during an evaluation: with the stack's own DynamoDB Local
 * paused (SIGSTOP), the evaluator's marks cannot be saved (the API answers 503), yet they are kept in
 * the browser; a reload restores them with a notice and, the database back, saves them.
 */
import { startDynamoLocal } from '@socle/testing';
import type { DynamoLocal } from '@socle/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken, loginAs, screenshotOnFailure, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';

// The stall is the subject: the deployed per-attempt timeout, not the suite's longer one.
delete process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS;

let dynamo: DynamoLocal;
let stack: E2eStack;
let current: Page | undefined;

const newPage = async (browser: Browser) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return context.newPage();
};

/** The grid's pending-marks entries in the browser's localStorage. */
const keptEntries = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('socle.grille.')));

beforeAll(async () => {
  // Its own DynamoDB Local: pausing the shared one would stall every other test file.
  dynamo = await startDynamoLocal();
  stack = await startE2eStack({ dynamoEndpoint: dynamo.endpoint });
}, 240_000);
afterAll(async () => {
  if (dynamo) process.kill(dynamo.pid, 'SIGCONT');
  await stack?.stop();
  await dynamo?.stop();
});
screenshotOnFailure(() => current);

describe('Evaluation grid during a database outage', () => {
  it('keeps the marks made while the API answers 503, restores them after a reload and saves them', async () => {
    // Arrange: a preliminary evaluation started while the database answers.
    const page = await newPage(stack.browser);
    current = page;
    page.on('dialog', (dialog) => void dialog.accept());
    await loginAs(page, stack.webUrl, 'eval@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers?status=opened`);
    const row = page.getByRole('table').locator('tbody tr').first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(/\/dossiers\/[0-9A-Z]{26}$/);
    await page.getByRole('button', { name: "Commencer l'évaluation préalable" }).click();
    await page.waitForURL(/\/evaluations\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { level: 1, name: /Évaluation préalable/ }).waitFor();
    const [, dossierId, evaluationId] = /\/dossiers\/([0-9A-Z]{26})\/evaluations\/([0-9A-Z]{26})$/.exec(
      page.url(),
    ) as RegExpExecArray;
    const acquired = page.getByRole('radio', { name: 'Acquis', exact: true });

    // Act: the database stalls; two criteria are marked; the autosave meets a 503.
    process.kill(dynamo.pid, 'SIGSTOP');
    await acquired.nth(0).check();
    await acquired.nth(1).check();
    await page.getByText("Erreur d'enregistrement – nouvel essai…").waitFor({ timeout: 15_000 });
    const keptDuringOutage = await keptEntries(page);
    // The database is back; the page is reloaded before the autosave's next try (3 s later).
    process.kill(dynamo.pid, 'SIGCONT');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Évaluation préalable/ }).waitFor();
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'réponses non enregistrées ont été restaurées' });
    await notice.waitFor();
    const checkedAfterReload = await page
      .getByRole('radio', { name: 'Acquis', exact: true, checked: true })
      .count();
    await page
      .getByRole('status')
      .filter({ hasText: /^Enregistré à \d{1,2}:\d{2}/ })
      .waitFor({ timeout: 10_000 });

    // Assess
    expect(keptDuringOutage).toEqual([`socle.grille.${evaluationId}`]);
    expect(await notice.textContent()).toContain('2 réponses non enregistrées ont été restaurées');
    expect(checkedAfterReload).toBe(2);
    expect(await keptEntries(page)).toEqual([]);
    const token = await demoToken(stack, 'eval@alpha.demo');
    const saved = await stack.api.call('GET', `/dossiers/${dossierId}/evaluations/${evaluationId}`, {
      token,
    });
    expect(saved.status).toBe(200);
    const statuses = Object.values(saved.body.results as Record<string, { status: string }>).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(['acquired', 'acquired']);
  });
});
