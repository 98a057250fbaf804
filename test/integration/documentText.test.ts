/**
 * What documents show (issue 17): no internal identifier reaches a person. Every kind of PDF the API
 * hands out (certificate, portfolio, subject-access export, jury minutes, usage statement) is rendered
 * by the real handlers from data written through the API, and its text, its metadata and its links
 * must hold no ULID, no dotted event key, no ISO date, no region code, no référentiel file label and no
 * `localhost`: the certificate's link and QR code point to the configured public URL, even with a
 * local WEB_PORT set.
 */
import { pageTexts } from '../../packages/documents/src/testing/pdfText.ts';
import { PDFDocument, PDFName, PDFDict, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

const PUBLIC_WEB_URL = 'https://clea.certifpro.example.fr';

/** What must never be printed, by name (each documented in the file's comment). */
const FORBIDDEN: [string, RegExp][] = [
  ['ULID', /\b[0-9A-HJKMNP-TV-Z]{26}\b/],
  [
    'event key',
    /\b[a-z]+(?:_[a-z]+)*\.[a-z]+_[a-z_]+\b|\b(?:dossier|candidate|certificate|jury_session|user|tenant)\.[a-z_]+\b/,
  ],
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['localhost', /localhost|127\.0\.0\.1/],
  ['region code', /\brégion \d{2,3}\b/i],
  ['référentiel file label', /reconstructed/],
];

/** Text a person reads: the lines drawn, the document's title and subject, its links. */
const readableText = async (bytes: Uint8Array): Promise<{ text: string; links: string[] }> => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const links = doc
    .getPages()
    .flatMap((page) => page.node.Annots()?.asArray() ?? [])
    .map((ref) => doc.context.lookup(ref))
    .map((annot) => (annot instanceof PDFDict ? annot.lookupMaybe(PDFName.of('A'), PDFDict) : undefined))
    .map((action) => action?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText())
    .filter((uri): uri is string => typeof uri === 'string');
  const text = [doc.getTitle() ?? '', doc.getSubject() ?? '', ...doc.getPages().flatMap(pageTexts), ...links]
    .join('\n')
    .replace(/\u00a0/g, ' ');
  return { text, links };
};

/** What a test finds that a person should not read: `[kind, match]` pairs, empty when clean. */
const internalIdsIn = (text: string): string[] => {
  // Web addresses and email addresses legitimately hold dots and digits.
  const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
  return FORBIDDEN.flatMap(([kind, pattern]) => {
    const found = (kind === 'localhost' ? text : prose).match(new RegExp(pattern.source, 'gi'));
    return found ? [`${kind}: ${[...new Set(found)].join(', ')}`] : [];
  });
};

let api: TestApi;
let world: World;
let jury: Jury;
let code = '';
let dossierId = '';
let sessionId = '';
const webPortBefore = process.env.WEB_PORT;
const publicUrlBefore = process.env.PUBLIC_WEB_URL;

const pdf = async (path: string, token: string): Promise<Uint8Array> => {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  expect(response.headers.get('content-type')).toContain('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
};

beforeAll(async () => {
  process.env.PUBLIC_WEB_URL = PUBLIC_WEB_URL;
  process.env.WEB_PORT = '5199';
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  ({
    dossier: { id: dossierId },
    code,
  } = await certifyThroughJury(api, world.a, jury, {
    firstName: 'Amandine',
    lastName: 'Étienne',
  }));
  const sessions = expectStatus(
    await api.call('GET', '/jury/sessions', { token: jury.secretary.token }),
    200,
    'sessions',
  );
  sessionId = (sessions.items ?? sessions).find((s: { status: string }) => s.status === 'closed').id;
}, 180_000);

afterAll(async () => {
  if (webPortBefore === undefined) delete process.env.WEB_PORT;
  else process.env.WEB_PORT = webPortBefore;
  if (publicUrlBefore === undefined) delete process.env.PUBLIC_WEB_URL;
  else process.env.PUBLIC_WEB_URL = publicUrlBefore;
  await api?.stop();
});

describe('Documents as a person reads them', () => {
  it('the certificate: no internal id, its link and QR code on the configured public URL', async () => {
    const { text, links } = await readableText(
      await pdf(`/certificates/${encodeURIComponent(code)}/certificate.pdf`, world.a.tokens.advisor),
    );

    expect(internalIdsIn(text)).toEqual([]);
    expect(text).toContain('Île-de-France');
    expect(links).toContain(`${PUBLIC_WEB_URL}/verifier/${code}`);
  });

  it('the portfolio: the référentiel by its name, no internal id', async () => {
    const { text } = await readableText(
      await pdf(`/dossiers/${dossierId}/portfolio.pdf`, world.a.tokens.advisor),
    );

    expect(internalIdsIn(text)).toEqual([]);
    expect(text).toContain('Référentiel CléA 2018');
  });

  it('the subject-access export: its history in words, no internal id', async () => {
    const detail = expectStatus(
      await api.call('GET', `/dossiers/${dossierId}`, { token: world.a.tokens.admin }),
      200,
      'dossier',
    );
    const candidateId = detail.dossier.candidateId as string;
    const { text } = await readableText(
      await pdf(`/candidates/${candidateId}/export.pdf`, world.a.tokens.admin),
    );

    expect(internalIdsIn(text)).toEqual([]);
    expect(text).toContain('Ouverture du dossier');
    expect(text).toContain('Certification');
  });

  it('the usage statement: no internal id', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const { text } = await readableText(
      await pdf(`/statements/${month}/statement.pdf`, world.a.tokens.admin),
    );

    expect(internalIdsIn(text)).toEqual([]);
  });

  it('the jury minutes: no internal id', async () => {
    const { text } = await readableText(
      await pdf(`/jury/sessions/${sessionId}/minutes.pdf`, jury.secretary.token),
    );

    expect(internalIdsIn(text)).toEqual([]);
    expect(text).toContain('Île-de-France');
  });

  it('the checks themselves catch what they look for', () => {
    expect(
      internalIdsIn(
        'Réf. 01JAZNJY74SB33NTS68B6PHGED, dossier.portfolio_issued, jury du 2026-10-14, région 11, version 2018-reconstructed, http://localhost:5173/verifier',
      ),
    ).toHaveLength(6);
    expect(
      internalIdsIn('Délivré le 14 octobre 2026, critère 1.2.3, https://clea.example.fr/verifier, a@b.fr'),
    ).toEqual([]);
  });
});
