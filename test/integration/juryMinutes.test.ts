/**
 * The procès-verbal of a jury session through the API: only once the session is closed, and only to
 * the jury of the session's region (the same visibility as the session itself).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../../packages/documents/src/testing/pdfText.ts';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay, submittedDossier as submitEligible } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;
let sessionId: string;
let sessionDate: string;

/** The PDF as a reader sees it (poppler's pdftotext, reading order). */
const pdfText = (bytes: Uint8Array): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), 'pv.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

const minutesPath = () => `/jury/sessions/${sessionId}/minutes.pdf`;

/** The raw bytes: `api.call` decodes bodies as text, which a PDF does not survive. */
const fetchPdf = async (token: string) => {
  const response = await fetch(`${api.url}${minutesPath()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

/** An eligible dossier of network A (region 11), presented to the jury. */
const submittedDossier = (lastName: string) => submitEligible(api, world, { lastName });

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  const certified = await submittedDossier('Öztürk-N’Diaye');
  const adjourned = await submittedDossier('Abad');
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        date: sessionDay('11'),
        startTime: '09:30',
        place: 'Préfecture, Paris',
        memberIds: [jury.employer.userId, jury.employee.userId],
      },
    }),
    201,
    'plan session',
  );
  sessionId = session.id;
  sessionDate = session.date;
  const path = `/jury/sessions/${sessionId}`;
  const secretary = { token: jury.secretary.token };
  await api.call('POST', `${path}/agenda`, {
    ...secretary,
    body: { dossierIds: [certified.id, adjourned.id] },
  });
  await api.call('PUT', `${path}/attendance`, {
    ...secretary,
    body: { version: session.version, presentMemberIds: [jury.employer.userId, jury.employee.userId] },
  });
  for (const member of [jury.employer, jury.employee]) {
    for (const [dossier, vote] of [
      [certified, 'certify'],
      [adjourned, 'adjourn'],
    ] as const) {
      expectStatus(
        await api.call('POST', `${path}/dossiers/${dossier.id}/vote`, {
          token: member.token,
          body: { vote },
        }),
        200,
        'vote',
      );
    }
  }
  expectStatus(
    await api.call('POST', `${path}/dossiers/${certified.id}/decision`, {
      ...secretary,
      body: { decision: 'certified' },
    }),
    200,
    'certify',
  );
  expectStatus(
    await api.call('POST', `${path}/dossiers/${adjourned.id}/decision`, {
      ...secretary,
      body: { decision: 'adjourned', reason: 'Domaine 3 non maîtrisé.' },
    }),
    200,
    'adjourn',
  );
});
afterAll(() => api.stop());

describe('GET /jury/sessions/{sessionId}/minutes.pdf', () => {
  it('refuses the minutes of a session that is not closed yet', async () => {
    // Act
    const response = await api.call('GET', minutesPath(), { token: jury.secretary.token });

    // Assess
    expect([response.status, response.body.error]).toEqual([409, 'session_not_closed']);
  });

  it('gives the secretary the PDF of a closed session', async () => {
    // Prepare
    expectStatus(
      await api.call('POST', `/jury/sessions/${sessionId}/close`, { token: jury.secretary.token }),
      200,
      'close',
    );

    // Act
    const { response, bytes } = await fetchPdf(jury.secretary.token);

    // Assess
    expect({
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      magic: Buffer.from(bytes.subarray(0, 5)).toString('latin1'),
    }).toEqual({
      status: 200,
      type: 'application/pdf',
      disposition: `attachment; filename="proces-verbal-11-${sessionDate}.pdf"`,
      magic: '%PDF-',
    });
  });

  it('prints the decisions of the session', async () => {
    // Act
    const { bytes } = await fetchPdf(jury.employer.token);
    const doc = await PDFDocument.load(bytes);
    const texts = doc.getPages().flatMap(pageTexts);

    // Assess
    expect(texts).toEqual(expect.arrayContaining(['Abad', 'Öztürk-N’Diaye', 'Certifié', 'Ajourné']));
  });

  it('states per candidate who was present and who voted what, in French, without ids or ISO dates', async () => {
    // Act
    const { bytes } = await fetchPdf(jury.secretary.token);
    const text = pdfText(bytes).replace(/\s+/g, ' ');

    // Assess: both members present and voting on each candidate, one way for one, the other for the other.
    expect(text).toMatch(/Présents : Marc Jury\w+, Marc Jury\w+/);
    expect(text).toMatch(/Pour certifier : Marc Jury\w+, Marc Jury\w+ · pour ajourner : —/);
    expect(text).toMatch(/Pour certifier : — · pour ajourner : Marc Jury\w+, Marc Jury\w+/);
    expect(text).toContain('2 votants, 2 voix requises');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const user of [jury.employer, jury.employee, jury.secretary])
      expect(text).not.toContain(user.userId);
  });

  it('hides the minutes from a jury of another region, a member not on the session and networks', async () => {
    // Prepare
    const foreign = await buildJury(api, world.nationalToken, '84');
    const callers = [
      foreign.secretary.token,
      foreign.employer.token,
      jury.bystander.token,
      world.a.tokens.admin,
    ];

    // Act
    const statuses = await Promise.all(
      callers.map(async (token) => (await api.call('GET', minutesPath(), { token })).status),
    );

    // Assess
    expect(statuses).toEqual(callers.map(() => 404));
  });
});
