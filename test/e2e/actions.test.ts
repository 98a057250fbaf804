/// <reference lib="dom" />
/**
 * End to end in Chromium, issue 17 "Actions": deactivating a person is confirmed in an accessible
 * dialog that says what it does; the tariff editor only offers months whose statements are open.
 * Every page is checked with axe-core, dialogs open.
 */
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
import { unique, userInvite } from '../support/samples.ts';
import { expectStatus } from '../support/world.ts';

let stack: E2eStack;
let current: Page | undefined;

const newPage = async () => {
  const context = await stack.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  current = await context.newPage();
  return current;
};

beforeAll(async () => {
  stack = await startE2eStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

screenshotOnFailure(() => current);

/** Opens the deactivation dialog, checks what it says, cancels, then confirms. */
const deactivateThroughDialog = async (page: Page, button: string, name: string) => {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: `Désactiver ${name} ?` });
  await dialog.waitFor();
  const text = await dialog.textContent();
  const focusedInside = await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')));
  await expectAccessible(page);
  // Escape cancels: nothing is sent and focus returns to the button.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const focusBack = await page.evaluate(() => document.activeElement?.textContent?.trim());
  await page.getByRole('button', { name: button }).click();
  await dialog.getByRole('button', { name: 'Confirmer la désactivation' }).click();
  return { text, focusedInside, focusBack };
};

describe('Deactivating a person asks for confirmation and says what it does', () => {
  it('staff user: the network admin confirms in a dialog, then the user is disabled', async () => {
    // Prepare: a fresh advisor of Alpha, invited through the API.
    const admin = await demoToken(stack, 'admin@alpha.demo');
    const organisms = expectStatus(
      await stack.api.call('GET', '/organisms', { token: admin }),
      200,
      'organisms',
    );
    const invite = {
      ...userInvite(['advisor'], [organisms.items[0].id]),
      firstName: 'Léa',
      lastName: 'Perrin',
    };
    const user = expectStatus(
      await stack.api.call('POST', '/users', { token: admin, body: invite }),
      201,
      'invite',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act
    await page.goto(`${stack.webUrl}/utilisateurs/${user.id}`);
    await page.getByRole('heading', { level: 1, name: 'Léa Perrin' }).waitFor();
    const before = expectStatus(
      await stack.api.call('GET', `/users/${user.id}`, { token: admin }),
      200,
      'user',
    );
    const seen = await deactivateThroughDialog(page, "Désactiver l'utilisateur", 'Léa Perrin');
    await page.getByText("L'utilisateur a été désactivé.").waitFor();
    const after = expectStatus(
      await stack.api.call('GET', `/users/${user.id}`, { token: admin }),
      200,
      'user',
    );

    // Assess
    expect(seen.text).toContain('prend fin dans la minute');
    expect(seen.text).toContain('historique sont conservés');
    expect(seen.text).toContain('réactiver');
    expect(seen.focusedInside).toBe(true);
    expect(seen.focusBack).toBe("Désactiver l'utilisateur");
    expect(before.status).toBe('active');
    expect(after.status).toBe('disabled');
    await page.getByRole('button', { name: "Réactiver l'utilisateur" }).waitFor();
  });

  it('jury member: the national admin confirms in a dialog, then the member is inactive', async () => {
    // Prepare
    const national = await demoToken(stack, 'national@certifpro.demo');
    const tag = unique();
    const member = expectStatus(
      await stack.api.call('POST', '/juries/11/members', {
        token: national,
        body: {
          email: `membre.${tag}@jury.test`,
          firstName: 'Rémi',
          lastName: 'Caron',
          role: 'jury_member',
          college: 'employer',
          termFrom: '2026-01-01',
          links: [],
        },
      }),
      201,
      'member',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act
    await page.goto(`${stack.webUrl}/jurys/11/${member.userId}`);
    await page.getByRole('heading', { level: 1, name: /Rémi Caron/ }).waitFor();
    const seen = await deactivateThroughDialog(page, 'Désactiver la personne', 'Rémi Caron');
    await page.getByText('La personne est désactivée.').waitFor();

    // Assess
    expect(seen.text).toContain('prend fin dans la minute');
    expect(seen.text).toContain('votes passés restent au procès-verbal');
    expect(seen.text).toContain('réactiver');
    expect(seen.focusBack).toBe('Désactiver la personne');
    await page.getByRole('button', { name: 'Réactiver la personne' }).waitFor();
  });
});

describe('A paper copy request starts from the candidate address', () => {
  it("prefills the candidate's name, postal code and commune; staff complete and may change them", async () => {
    // Prepare: a certificate of Alpha from the demo, and what its dossier knows of the candidate.
    const admin = await demoToken(stack, 'admin@alpha.demo');
    const dossiers = expectStatus(
      await stack.api.call('GET', '/dossiers?status=certified', { token: admin }),
      200,
      'certified dossiers',
    );
    // The demo requests a copy for each certificate: one is sent first (a lost letter), so a new
    // request is offered.
    const national = await demoToken(stack, 'national@certifpro.demo');
    const queue = expectStatus(
      await stack.api.call('GET', '/paper-copies?status=requested', { token: national }),
      200,
      'queue',
    );
    const alpha = dossiers.items.filter((d: { certificateCode?: string }) => d.certificateCode);
    const dossier = alpha.find((d: { certificateCode: string }) =>
      queue.items.some((c: { code: string }) => c.code === d.certificateCode),
    ) as { id: string; certificateCode: string } | undefined;
    if (!dossier) throw new Error('the demo seed has no requested paper copy in Réseau Alpha');
    for (const status of ['printed', 'sent']) {
      expectStatus(
        await stack.api.call('PATCH', `/certificates/${dossier.certificateCode}/paper-copy`, {
          token: national,
          body: { status },
        }),
        200,
        status,
      );
    }
    const detail = expectStatus(
      await stack.api.call('GET', `/dossiers/${dossier.id}`, { token: admin }),
      200,
      'dossier',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act
    await page.goto(`${stack.webUrl}/certificats/${dossier.certificateCode}`);
    await page.getByRole('button', { name: 'Demander un exemplaire papier' }).click();
    await page.getByText('repris du dossier du candidat').waitFor();
    const values = {
      name: await page.getByLabel('Destinataire').inputValue(),
      addressLine: await page.getByLabel('Adresse', { exact: true }).inputValue(),
      postalCode: await page.getByLabel('Code postal').inputValue(),
      city: await page.getByLabel('Commune').inputValue(),
    };
    await expectAccessible(page);
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText("L'exemplaire papier est demandé").waitFor();
    const saved = expectStatus(
      await stack.api.call('GET', `/certificates/${dossier.certificateCode}`, { token: admin }),
      200,
      'certificate',
    );

    // Assess
    const candidate = detail.candidate;
    expect(values).toEqual({
      name: `${candidate.firstName} ${candidate.lastName}`,
      addressLine: '',
      postalCode: candidate.postalCode ?? '',
      city: candidate.city ?? '',
    });
    expect(candidate.postalCode).toMatch(/^\d{5}$/);
    expect(saved.paperCopy.recipient).toMatchObject({
      addressLine: '12 rue des Lilas',
      postalCode: candidate.postalCode,
      city: candidate.city,
    });
  });
});

describe('Paper copies: "printed" can be undone until "sent"', () => {
  it('the national admin undoes a print on /exemplaires-papier: the copy goes back to "À imprimer"', async () => {
    // Prepare: a requested copy, printed through the API.
    const national = await demoToken(stack, 'national@certifpro.demo');
    const queue = expectStatus(
      await stack.api.call('GET', '/paper-copies?status=requested', { token: national }),
      200,
      'queue',
    );
    const code: string = queue.items[0].code;
    expectStatus(
      await stack.api.call('PATCH', `/certificates/${code}/paper-copy`, {
        token: national,
        body: { status: 'printed' },
      }),
      200,
      'print',
    );
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');

    // Act
    await page.goto(`${stack.webUrl}/exemplaires-papier`);
    const toSend = page.getByRole('region', { name: /À envoyer/ });
    await toSend.getByRole('button', { name: `Annuler l'impression : ${code}` }).click();
    await page.getByText(`L'impression de l'exemplaire papier du certificat ${code} est annulée`).waitFor();
    const inToPrint = await page
      .getByRole('region', { name: /À imprimer/ })
      .getByRole('link', { name: code })
      .count();
    const inToSend = await toSend.getByRole('link', { name: code }).count();
    await expectAccessible(page);
    const after = expectStatus(
      await stack.api.call('GET', `/certificates/${code}`, { token: national }),
      200,
      'cert',
    );

    // Assess
    expect(inToPrint).toBe(1);
    expect(inToSend).toBe(0);
    expect(after.paperCopy.status).toBe('requested');
  });
});

describe('Erasure of several due candidates after one confirmation', () => {
  it('erases each selected candidate on its own and reports a refusal per candidate', async () => {
    // Prepare: two due candidates of Alpha; one has a certificate whose paper copy is on its way, so
    // its erasure must wait (refused) while the other is erased.
    const admin = await demoToken(stack, 'admin@alpha.demo');
    const due = expectStatus(
      await stack.api.call('GET', '/data-protection/due-erasures?limit=25', { token: admin }),
      200,
      'due',
    ).items as { candidateId: string; dossierId: string; firstName: string; lastName: string }[];
    const national = await demoToken(stack, 'national@certifpro.demo');
    const certificateOf = async (c: (typeof due)[number]) =>
      expectStatus(await stack.api.call('GET', `/dossiers/${c.dossierId}`, { token: admin }), 200, 'dossier')
        .dossier.certificateCode as string | undefined;
    const [blocked] = due;
    const nameOf = (c: (typeof due)[number]) => `${c.firstName} ${c.lastName}`;
    // Another person (the demo may list namesakes): the summary names each one.
    const free = due.find(
      (c) => blocked && c.candidateId !== blocked.candidateId && nameOf(c) !== nameOf(blocked),
    );
    if (!blocked || !free) throw new Error('the demo needs two due candidates in Réseau Alpha');
    // The blocked one: a copy in progress (requested now if it has none).
    const blockedCode = await certificateOf(blocked);
    if (!blockedCode) throw new Error('the oldest due candidate of the demo should be certified');
    const requested = await stack.api.call('POST', `/certificates/${blockedCode}/paper-copy`, {
      token: admin,
      body: { recipient: { name: 'Test', addressLine: '1 rue Haute', postalCode: '75001', city: 'Paris' } },
    });
    expect([200, 409]).toContain(requested.status);
    // The free one: any copy of theirs is sent first.
    const freeCode = await certificateOf(free);
    if (freeCode) {
      for (const status of ['printed', 'sent']) {
        await stack.api.call('PATCH', `/certificates/${freeCode}/paper-copy`, {
          token: national,
          body: { status },
        });
      }
      const copy = expectStatus(
        await stack.api.call('GET', `/certificates/${freeCode}`, { token: admin }),
        200,
        'cert',
      ).paperCopy;
      expect(copy?.status ?? 'sent').toBe('sent');
    }
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'admin@alpha.demo');

    // Act
    await page.getByRole('link', { name: 'Données à effacer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Données personnelles à effacer' }).waitFor();
    for (const c of [blocked, free])
      await page.getByLabel(`Sélectionner ${c.firstName} ${c.lastName}`).check();
    await page.getByRole('button', { name: /Effacer les données des candidats sélectionnés \(2\)/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer les données de 2 candidats ?' });
    await dialog.waitFor();
    const listed = await dialog.getByRole('listitem').allTextContents();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: "Confirmer l'effacement" }).click();
    const summary = page.getByRole('region', { name: "Bilan de l'effacement" });
    await summary.waitFor();
    const summaryText = await summary.textContent();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'));
    await expectAccessible(page);
    const after = expectStatus(
      await stack.api.call('GET', '/data-protection/due-erasures?limit=25', { token: admin }),
      200,
      'due after',
    ).items.map((c: { candidateId: string }) => c.candidateId);

    // Assess
    expect(listed).toEqual(
      expect.arrayContaining([
        `${blocked.firstName} ${blocked.lastName}`,
        `${free.firstName} ${free.lastName}`,
      ]),
    );
    expect(summaryText).toContain('Données effacées pour 1 candidat.');
    expect(summaryText).toContain('Effacement impossible pour 1 candidat');
    expect(summaryText).toContain(`${free.firstName} ${free.lastName} : données effacées`);
    expect(summaryText).toContain(`${blocked.firstName} ${blocked.lastName} :`);
    expect(focused).toBe('titre-bilan');
    expect(after).not.toContain(free.candidateId);
    expect(after).toContain(blocked.candidateId);
  });
});

describe('The tariff editor offers no month whose statements are issued', () => {
  it('lists this month first and says why ended months are not offered', async () => {
    const page = await newPage();
    await loginAs(page, stack.webUrl, 'national@certifpro.demo');
    await page.getByRole('link', { name: 'Tarifs', exact: true }).click();
    const select = page.getByLabel('Applicable à partir de');
    await select.waitFor();
    const months = await select
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const thisMonth = new Intl.DateTimeFormat('fr-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    const description = await select.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    await expectAccessible(page);
    expect(months.every((m) => m >= thisMonth)).toBe(true);
    expect(months).toContain(thisMonth);
    expect(description).toContain('Les mois terminés ne sont pas proposés : leurs relevés sont déjà émis.');
  });
});
