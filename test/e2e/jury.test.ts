/// <reference lib="dom" />
/**
 * End to end in Chromium, a regional jury: the national admin invites the secretary, a network
 * presents eligible dossiers, the secretary plans a session, builds its agenda from the pipeline and
 * records attendance, each member votes in their own browser (one declares a link instead), the
 * secretary decides and closes the session, and the network advisor finds the certificate code on the
 * dossier. The session pages are checked with axe-core as each role sees them.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofName } from '@socle/domain';
import {
  demoToken,
  expectAccessible,
  loginAs,
  screenshotOnFailure,
  startE2eStack,
} from '../support/e2eStack.ts';
import type { E2eStack } from '../support/e2eStack.ts';
import { sessionDay } from '../support/jury.ts';
import { dossierOpen, unique } from '../support/samples.ts';
import { evaluate, expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;

const REGION = '11';
const tag = unique();
const people = {
  secretary: { email: `secretariat.${tag}@jury.test`, firstName: 'Agnès', lastName: 'Fontaine' },
  employer: { email: `employeur.${tag}@jury.test`, firstName: 'Hélène', lastName: 'Garnier' },
  employee: { email: `salarie.${tag}@jury.test`, firstName: 'Youssef', lastName: 'Amrani' },
};
const certifiedCandidate = { firstName: 'Inès', lastName: 'Marchand' };
const adjournedCandidate = { firstName: 'Bruno', lastName: 'Lemaire' };
const certifiedName = `${certifiedCandidate.firstName} ${certifiedCandidate.lastName}`;
const adjournedName = `${adjournedCandidate.firstName} ${adjournedCandidate.lastName}`;

const newPage = async (browser: Browser) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
  return context.newPage();
};

const tokenOfEmail = (email: string) => demoToken(stack, email);

/** An eligible dossier of Réseau Alpha in Île-de-France: opened by the advisor, fully acquired. */
const eligibleDossier = async (candidate: { firstName: string; lastName: string }) => {
  const advisor = await tokenOfEmail('conseil@alpha.demo');
  const organisms = expectStatus(
    await stack.api.call('GET', '/organisms', { token: advisor }),
    200,
    'organisms',
  );
  const paris = organisms.items.find((o: { name: string }) => o.name === 'Alpha Paris Nord');
  const opened = expectStatus(
    await stack.api.call('POST', '/dossiers', { token: advisor, body: dossierOpen(paris.id, candidate) }),
    201,
    'open dossier',
  ).dossier;
  const evaluator = await tokenOfEmail('eval@alpha.demo');
  const { dossier } = await evaluate(stack.api, evaluator, opened.id, { notAcquired: [] });
  expect(dossier.status).toBe('eligible');
  return { id: dossier.id as string, version: dossier.version as number, advisor };
};

/** A day relative to today in Île-de-France, where the sessions sit (the server judges dates there). */
const inDays = (days: number) => sessionDay('11', days);

let certifiedDossierId = '';
let adjournedDossierId = '';
let sessionUrl = '';
let certificateCode = '';

beforeAll(async () => {
  stack = await startE2eStack();
});
afterAll(() => stack?.stop());
screenshotOnFailure(() => current);

describe('Regional jury: from the pipeline to the certificate', () => {
  it('lets the national admin see the regions and invite the secretary of a jury', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');
    await page.getByRole('link', { name: 'Jurys', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Jurys régionaux' }).waitFor();
    const rows = await page.getByRole('table').locator('tbody tr').count();
    await page.getByRole('cell', { name: 'Chargement…' }).first().waitFor({ state: 'detached' });
    await expectAccessible(page);

    // Act
    await page.getByRole('link', { name: 'Île-de-France' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jury de la région Île-de-France' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(people.secretary.email);
    await page.getByLabel('Prénom').fill(people.secretary.firstName);
    await page.getByLabel('Nom de famille').fill(people.secretary.lastName);
    await page.getByRole('radio', { name: /^Secrétaire/ }).check();
    await page.getByLabel('Début du mandat').fill('2026-01-01');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.getByText(`Secrétaire invité : Agnès Fontaine (${people.secretary.email}).`).waitFor();

    const row = await page.getByRole('row', { name: /FONTAINE Agnès/ }).textContent();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'FONTAINE Agnès' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agnès Fontaine' }).waitFor();
    await page.getByLabel('Fin du mandat').fill('2028-12-31');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Les modifications ont été enregistrées.').waitFor();

    // Assess
    expect(rows).toBe(18);
    expect(row).toContain('Secrétaire');
    expect(await page.locator('dl').textContent()).toContain("jusqu'au 31/12/2028");
    await expectAccessible(page);
  });

  it('lets the advisor present an eligible dossier to the jury of its region', async () => {
    // Prepare: the members are invited through the API; two eligible dossiers, one presented by the API
    const national = await tokenOfEmail('national@certifpro.demo');
    for (const [person, college] of [
      [people.employer, 'employer'],
      [people.employee, 'employee'],
    ] as const) {
      expectStatus(
        await stack.api.call('POST', `/juries/${REGION}/members`, {
          token: national,
          body: { ...person, role: 'jury_member', college, termFrom: '2026-01-01', links: [] },
        }),
        201,
        'invite member',
      );
    }
    const certified = await eligibleDossier(certifiedCandidate);
    const adjourned = await eligibleDossier(adjournedCandidate);
    certifiedDossierId = certified.id;
    adjournedDossierId = adjourned.id;
    expectStatus(
      await stack.api.call('POST', `/dossiers/${adjourned.id}/jury-submission`, {
        token: adjourned.advisor,
        body: { dossierVersion: adjourned.version },
      }),
      200,
      'submit to jury',
    );
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'conseil@alpha.demo');
    await page.goto(`${stack.webUrl}/dossiers/${certified.id}`);
    const jury = page.getByRole('region', { name: 'Jury' });
    await jury.waitFor();

    // Act
    await jury.getByRole('button', { name: 'Présenter au jury de la région' }).click();
    await jury.getByRole('button', { name: 'Confirmer la présentation' }).click();
    await page.getByText('Le dossier est présenté au jury de la région Île-de-France.').waitFor();

    // Assess
    expect(await jury.textContent()).toMatch(/Présenté au jury le \d{2}\/\d{2}\/\d{4}/);
    expect(await jury.getByRole('button', { name: 'Présenter au jury de la région' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('lets the secretary plan a session, build its agenda from the pipeline and record attendance', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, people.secretary.email);
    await page.getByRole('link', { name: 'Dossiers en attente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers en attente du jury' }).waitFor();
    const pipeline = await page.getByRole('table').textContent();
    await expectAccessible(page);

    // Act: plan
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Planifier une session' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill(inDays(7));
    await page.getByLabel('Heure de début').fill('09:30');
    await page.getByLabel('Lieu').fill(`Maison de la formation, salle ${tag}`);
    await page.getByRole('checkbox', { name: 'Hélène Garnier' }).check();
    const oneCollege = await page.getByText(/convoqués :/).textContent();
    await page.getByRole('checkbox', { name: 'Youssef Amrani' }).check();
    const parity = await page.getByText(/convoqués :/).textContent();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Planifier la session' }).click();
    await page.waitForURL(/\/jury\/sessions\/[0-9A-Z]{26}$/);
    sessionUrl = page.url();
    await page.getByText(/^La session du .* est planifiée\.$/).waitFor();

    // Act: the session moves to today (a jury deliberates on its day, never before)
    await page.getByRole('button', { name: 'Reporter ou modifier la session' }).click();
    await page.getByLabel('Date', { exact: true }).fill(inDays(-1));
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const pastDate = await page
      .getByText(/est passé : une session se planifie/)
      .first()
      .textContent();
    await page.getByLabel('Date', { exact: true }).fill(inDays(0));
    await page.getByLabel('Lien de visioconférence').fill('http://visio.exemple.fr/jury');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const notHttps = await page
      .getByText(/https:\/\/ attendu/)
      .first()
      .textContent();
    await page.getByLabel('Lien de visioconférence').fill('https://visio.exemple.fr/jury');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText(/^La session est reportée au /).waitFor();

    // Act: agenda from the pipeline
    await page.getByRole('checkbox', { name: 'MARCHAND Inès' }).check();
    await page.getByRole('checkbox', { name: 'LEMAIRE Bruno' }).check();
    await page.getByRole('button', { name: /^Inscrire à l'ordre du jour/ }).click();
    await page.getByText("2 dossiers inscrits à l'ordre du jour.").waitFor();

    // Act: the agenda sent to the members, once
    await page.getByRole('button', { name: "Envoyer l'ordre du jour aux membres" }).click();
    const published = await page
      .getByText(/^L'ordre du jour \(2 dossiers\) est envoyé par e-mail/)
      .textContent();
    await page.getByRole('button', { name: "Envoyer l'ordre du jour aux membres" }).click();
    const sentTwice = await page.getByRole('alert').filter({ hasText: 'déjà été envoyé' }).textContent();

    // Act: attendance, with the quorum followed live
    const attendance = page.getByRole('region', { name: 'Présence' });
    const before = await attendance.getByRole('status').first().textContent();
    await attendance.getByRole('checkbox', { name: /Hélène Garnier/ }).check();
    const halfway = await attendance.getByRole('status').first().textContent();
    await attendance.getByRole('checkbox', { name: /Youssef Amrani/ }).check();
    await attendance.getByRole('button', { name: 'Enregistrer la présence' }).click();
    await page.getByText('Présence enregistrée : 2 membres présents.').waitFor();

    // Assess
    expect(pipeline).toContain('MARCHAND Inès');
    expect(pipeline).toContain('LEMAIRE Bruno');
    expect(pastDate).toContain('est passé');
    expect(pastDate).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(notHttps).toBeTruthy();
    // Opened (attendance recorded): no more rescheduling or cancelling.
    expect(await page.getByRole('button', { name: 'Reporter ou modifier la session' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Annuler la session' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: "Envoyer l'ordre du jour aux membres" }).count()).toBe(0);
    expect(published).toMatch(/aux? .*membres? convoqués?\.$/);
    expect(sentTwice).toContain('Cet ordre du jour a déjà été envoyé aux membres.');
    expect(oneCollege).toContain('il faut au moins un membre de chaque collège');
    expect(parity).toContain('composition paritaire');
    expect(before).toContain('Le jury ne peut pas encore délibérer');
    expect(halfway).toContain('Le jury ne peut pas encore délibérer');
    expect(await attendance.textContent()).toContain('Le jury peut délibérer.');
    const agenda = page.getByRole('table', { name: /^Ordre du jour/ });
    expect(await agenda.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page);
    // The session page as each role sees it, kept for review next to the failure screenshots.
    await page.screenshot({ path: 'test-results/jury-session-secretary-planned.png', fullPage: true });
  });

  it('lets each member vote from their own browser', async () => {
    // Prepare
    const employer = await newPage(stack.browser);
    const employee = await newPage(stack.browser);
    current = employer;
    await loginAs(employer, stack.webUrl, people.employer.email);
    await loginAs(employee, stack.webUrl, people.employee.email);
    await employer.getByRole('link', { name: 'Mes sessions' }).click();
    await employer.getByRole('heading', { level: 1, name: 'Mes sessions' }).waitFor();
    await expectAccessible(employer);

    // Act: the employer votes on both candidates
    await employer.goto(sessionUrl);
    await employer.getByRole('button', { name: `Examiner le dossier ${ofName(certifiedName)}` }).click();
    let panel = employer.getByRole('region', { name: `Dossier d’${certifiedName}` });
    await panel.getByRole('table', { name: /^Maîtrise des domaines/ }).waitFor();
    await expectAccessible(employer);
    await panel.getByRole('button', { name: 'Favorable à la certification' }).click();
    await panel.getByText('Votre vote est enregistré : favorable à la certification.').waitFor();
    const pressed = await panel
      .getByRole('button', { name: 'Favorable à la certification' })
      .getAttribute('aria-pressed');
    await employer.getByRole('button', { name: `Examiner le dossier ${ofName(adjournedName)}` }).click();
    panel = employer.getByRole('region', { name: `Dossier ${ofName(adjournedName)}` });
    await panel.getByRole('button', { name: "Favorable à l'ajournement" }).click();
    await panel.getByText("Votre vote est enregistré : favorable à l'ajournement.").waitFor();

    // Act: the employee votes for the first, and declares a link with the second
    current = employee;
    await employee.goto(sessionUrl);
    await employee.getByRole('button', { name: `Examiner le dossier ${ofName(certifiedName)}` }).click();
    panel = employee.getByRole('region', { name: `Dossier d’${certifiedName}` });
    await panel.getByRole('button', { name: 'Favorable à la certification' }).click();
    await panel.getByText('Votre vote est enregistré : favorable à la certification.').waitFor();
    await employee.getByRole('button', { name: `Examiner le dossier ${ofName(adjournedName)}` }).click();
    panel = employee.getByRole('region', { name: `Dossier ${ofName(adjournedName)}` });
    await panel.getByRole('button', { name: "Favorable à l'ajournement" }).click();
    await panel.getByText("Votre vote est enregistré : favorable à l'ajournement.").waitFor();
    await employee.screenshot({ path: 'test-results/jury-session-member.png', fullPage: true });

    // Assess
    expect(pressed).toBe('true');
    expect(
      await panel.getByRole('button', { name: "Favorable à l'ajournement" }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expectAccessible(employee);
  });

  it('lets the secretary record only the outcome of the votes, with the tally and the rule shown, and close', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, people.secretary.email);
    await page.goto(sessionUrl);
    const agenda = page.getByRole('table', { name: /^Ordre du jour/ });
    await agenda.waitFor();
    const votes = await agenda.getByRole('row', { name: /MARCHAND Inès/ }).textContent();

    // Act: both voted to certify the first candidate: adjourning them is refused, certifying recorded
    await page.getByRole('button', { name: `Examiner le dossier ${ofName(certifiedName)}` }).click();
    let panel = page.getByRole('region', { name: `Dossier d’${certifiedName}` });
    const tally = await panel.locator('form.decision').textContent();
    await panel.getByRole('radio', { name: 'Ajourné' }).check();
    await panel.getByLabel("Motif de l'ajournement").fill('Le secrétariat préférerait ajourner.');
    await panel.getByRole('button', { name: 'Enregistrer l’issue du vote' }).click();
    const againstVotes = await panel.getByRole('alert').first().textContent();
    await panel.getByRole('radio', { name: 'Certifié' }).check();
    await panel.getByRole('button', { name: 'Enregistrer l’issue du vote' }).click();
    await panel.getByText(`Issue du vote enregistrée pour ${certifiedName} : certifié.`).waitFor();

    // Act: the second has no majority to certify; the adjournment needs a reason
    await page.getByRole('button', { name: `Examiner le dossier ${ofName(adjournedName)}` }).click();
    panel = page.getByRole('region', { name: `Dossier ${ofName(adjournedName)}` });
    await panel.getByRole('radio', { name: 'Certifié' }).check();
    await panel.getByRole('button', { name: 'Enregistrer l’issue du vote' }).click();
    const noMajority = await panel.getByRole('alert').first().textContent();
    await panel.getByRole('radio', { name: 'Ajourné' }).check();
    await panel.getByRole('button', { name: 'Enregistrer l’issue du vote' }).click();
    const missingReason = await panel.getByText(/Motif de l'ajournement : champ obligatoire/).textContent();
    await panel.getByLabel("Motif de l'ajournement").fill('Mise en situation professionnelle à compléter.');
    await panel.getByRole('button', { name: 'Enregistrer l’issue du vote' }).click();
    await panel.getByText(`Issue du vote enregistrée pour ${adjournedName} : ajourné.`).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/jury-session-secretary-decided.png', fullPage: true });

    // Act: close
    await page.getByRole('button', { name: 'Clore la session' }).click();
    const dialog = page.getByRole('dialog', { name: /^Clore la session du/ });
    const confirmation = await dialog.textContent();
    await dialog.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await page.getByText('La session est close : 1 certificat émis, 1 ajournement.').waitFor();
    const certificates = page.getByRole('table', { name: 'Certificats émis (1)' });
    certificateCode = (await certificates.locator('tbody td').first().textContent())?.trim() ?? '';
    const focused = await page.evaluate(() => document.activeElement?.id);
    const [minutes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le procès-verbal (PDF)' }).click(),
    ]);
    const pdf = await readFile(await minutes.path());

    // Assess
    expect(votes).toContain('2');
    expect(tally).toContain('2 votants');
    expect(tally).toContain('majorité absolue des votants');
    expect(againstVotes).toContain('Les votes ne donnent pas la majorité requise');
    expect(noMajority).toContain('Les votes ne donnent pas la majorité requise');
    expect(missingReason).toBeTruthy();
    expect(focused).toBe('titre-session-close');
    expect(confirmation).toContain('figées');
    expect(confirmation).toContain('Un certificat sera émis pour le candidat certifié.');
    expect(certificateCode).toMatch(/^CLEA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/);
    expect(minutes.suggestedFilename()).toMatch(/^proces-verbal-11-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/jury-session-secretary-closed.png', fullPage: true });
  });

  it('shows the certificate code on the dossier page, and the next steps of the adjourned one', async () => {
    // Prepare
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, 'conseil@alpha.demo');

    // Act
    await page.goto(`${stack.webUrl}/dossiers/${certifiedDossierId}`);
    const jury = page.getByRole('region', { name: 'Jury' });
    await jury.waitFor();
    const certified = await jury.textContent();
    await expectAccessible(page);
    await page.goto(`${stack.webUrl}/dossiers/${adjournedDossierId}`);
    const adjourned = page.getByRole('region', { name: 'Jury' });
    await adjourned.getByRole('button', { name: 'Présenter à nouveau au jury' }).waitFor();

    // Assess
    expect(certified).toContain(`Certificat ${certificateCode}`);
    expect(await adjourned.getByRole('button', { name: 'Reprendre la formation' }).count()).toBe(1);
    expect(await page.getByText('Ajourné', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('lets the secretary cancel a session with a reason until it opens', async () => {
    // Prepare: a session planned for next week, nothing on its agenda
    const page = await newPage(stack.browser);
    current = page;
    await loginAs(page, stack.webUrl, people.secretary.email);
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Planifier une session' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill(inDays(7));
    await page.getByLabel('Heure de début').fill('14:00');
    await page.getByLabel('Lieu').fill(`Salle ${tag}-bis`);
    await page.getByRole('checkbox', { name: 'Hélène Garnier' }).check();
    await page.getByRole('checkbox', { name: 'Youssef Amrani' }).check();
    await page.getByRole('button', { name: 'Planifier la session' }).click();
    await page.waitForURL(/\/jury\/sessions\/[0-9A-Z]{26}$/);

    // Act
    await page.getByRole('button', { name: 'Annuler la session' }).click();
    await page.getByRole('button', { name: "Confirmer l'annulation" }).click();
    const missing = await page
      .getByText(/Motif de l'annulation : champ obligatoire/)
      .first()
      .textContent();
    await page.getByLabel("Motif de l'annulation").fill('Salle indisponible, nouvelle date à fixer.');
    await page.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await page.getByText(/^La session est annulée/).waitFor();

    // Assess
    expect(missing).toBeTruthy();
    expect(await page.getByText('Annulée', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('dl.details').textContent()).toContain(
      'Salle indisponible, nouvelle date à fixer.',
    );
    expect(await page.getByRole('button', { name: 'Annuler la session' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Clôture de la session' }).count()).toBe(0);
    await expectAccessible(page);
  });
});
