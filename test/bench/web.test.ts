/**
 * Web: the JavaScript a first visit loads for `/verifier` and for the evaluation grid (each file
 * gzipped at level 9, as a CDN would serve it), and Lighthouse's performance and accessibility
 * scores for `/verifier` and the sign-in page (mobile preset, simulated throttling), on the
 * production build served locally, in Debian's Chromium.
 */
import { gzipSync } from 'node:zlib';
import { freePort } from '@socle/testing';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2eStack } from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import buildWeb from '../support/webBuildGlobalSetup.ts';
import { printSummary } from './support/summary.ts';
import type { SummaryRow } from './support/summary.ts';

const VERIFIER_JS_TARGET_KB = 60;

let stack: E2eStack;

interface Script {
  url: string;
  raw: number;
  gzip: number;
}

/** Every script the page loads while `navigate` runs (HTTP cache off), gzipped one by one. */
const scriptsLoadedBy = async (page: Page, navigate: () => Promise<unknown>): Promise<Script[]> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending: Promise<Script>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (!new URL(response.url()).pathname.endsWith('.js')) return;
    pending.push(
      response.body().then((body) => ({
        url: response.url(),
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      })),
    );
  };
  page.on('response', onResponse);
  await navigate();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return Promise.all(pending);
};

const kb = (scripts: Script[], key: 'raw' | 'gzip') => scripts.reduce((sum, s) => sum + s[key], 0) / 1024;

/** Lighthouse's scores (0-100) for a page, in a Chromium of its own reached over its debugging port. */
const lighthouseScores = async (url: string) => {
  const port = await freePort();
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
    ],
  });
  try {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`no Lighthouse result for ${url}`);
    const { categories, runtimeError, audits } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    };
  } finally {
    await browser.close();
  }
};

beforeAll(async () => {
  buildWeb();
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());

describe('Bench: web', () => {
  it('measures the JavaScript of /verifier and of the grid, and Lighthouse scores', async () => {
    const rows: SummaryRow[] = [];

    // /verifier: a first visit, no session.
    const visitor = await stack.browser.newPage();
    const verifier = await scriptsLoadedBy(visitor, () => visitor.goto(`${stack.webUrl}/verifier`));
    await visitor.close();
    rows.push({
      measure: '/verifier JavaScript (gzip)',
      value: kb(verifier, 'gzip'),
      unit: 'KB',
      target: VERIFIER_JS_TARGET_KB,
      note: `${verifier.length} files, ${kb(verifier, 'raw').toFixed(1)} KB raw`,
    });

    // The grid: an evaluator starts a preliminary evaluation, then the grid page is loaded afresh.
    const evaluator = await stack.browser.newPage();
    await loginAs(evaluator, stack.webUrl, 'eval@alpha.demo');
    await evaluator.goto(`${stack.webUrl}/dossiers?status=opened`);
    await evaluator.getByRole('table').locator('tbody tr').first().getByRole('link').click();
    await evaluator.waitForURL(/\/dossiers\/[0-9A-Z]{26}$/);
    await evaluator.getByRole('button', { name: "Commencer l'évaluation préalable" }).click();
    await evaluator.waitForURL(/\/evaluations\/[0-9A-Z]{26}$/);
    const grid = await scriptsLoadedBy(evaluator, async () => {
      await evaluator.reload();
      await evaluator.getByRole('region', { name: 'Synthèse de la grille' }).waitFor();
    });
    await evaluator.close();
    rows.push({
      measure: 'evaluation grid JavaScript (gzip)',
      value: kb(grid, 'gzip'),
      unit: 'KB',
      note: `${grid.length} files, ${kb(grid, 'raw').toFixed(1)} KB raw (app shell included)`,
    });

    // Lighthouse, mobile preset.
    for (const [name, path] of [
      ['/verifier', '/verifier'],
      ['sign-in page', '/connexion'],
    ] as const) {
      const scores = await lighthouseScores(`${stack.webUrl}${path}`);
      rows.push(
        {
          measure: `${name} Lighthouse performance`,
          value: scores.performance,
          unit: 'score',
          note: `LCP ${Math.round(scores.lcpMs)} ms, TBT ${Math.round(scores.tbtMs)} ms (simulated mobile)`,
        },
        { measure: `${name} Lighthouse accessibility`, value: scores.accessibility, unit: 'score' },
      );
    }

    printSummary('Web: JavaScript per page and Lighthouse scores (production build, local server)', rows);
    expect(verifier.length).toBeGreaterThan(0);
    expect(grid.length).toBeGreaterThan(verifier.length);
  });
});
