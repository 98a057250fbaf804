/**
 * Lists staff work with (issue 17), on DynamoDB Local through the API: totals under the list's
 * filters, pages that never lead to an empty page, both key orders, "Prénom NOM" as well as
 * "NOM Prénom", and the CSV exports of the dossiers and of the register (Excel's BOM and `;`,
 * French headers and dates, no internal id, organism-bound staff limited to their organisms).
 */
import { randomUUID } from 'node:crypto';
import { regionToday } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { dossierOpen, organismCreate } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
/** A name no other test uses: the search and total tests count exactly these dossiers. */
const family = `Ébrard${randomUUID().slice(0, 6)}`;
const opened: string[] = [];
let otherOrganismId: string;

/** Reads a file the API sends as bytes (the text decoder of `api.call` would drop the BOM). */
const download = async (path: string, token: string) => {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const ids = (body: { items: { id: string }[] }) => body.items.map((d) => d.id);

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  const { admin } = world.b.tokens;
  otherOrganismId = expectStatus(
    await api.call('POST', '/organisms', { token: admin, body: organismCreate() }),
    201,
    'organism',
  ).id;
  // An advisor of both organisms opens three in the world's organism (the trainer's), one elsewhere.
  const advisor = await api.tokenFor({
    userId: world.b.userIds.advisor,
    tenantId: world.b.tenantId,
    roles: ['advisor'],
    organisms: [world.b.organismId, otherOrganismId],
  });
  for (const [firstName, organismId] of [
    ['Amandine', world.b.organismId],
    ['Inès', world.b.organismId],
    ['=SOMME(A1)', world.b.organismId],
    ['Hugo', otherOrganismId],
  ] as const) {
    const body = dossierOpen(organismId, { firstName, lastName: family });
    opened.push(
      expectStatus(await api.call('POST', '/dossiers', { token: advisor, body }), 201, 'open').dossier.id,
    );
  }
}, 120_000);
afterAll(() => api.stop());

describe('Dossiers list', () => {
  it('finds a candidate by "Prénom NOM" as by "NOM Prénom", in any case and without accents', async () => {
    const token = world.b.tokens.admin;
    const plainFamily = family.replace('É', 'e').toUpperCase();
    for (const q of [`Inès ${family}`, `${family} Inès`, `ines ${plainFamily}`, `${plainFamily}   INES`]) {
      const found = await api.call('GET', `/dossiers?q=${encodeURIComponent(q)}`, { token });
      expect(ids(found.body), q).toEqual([opened[1]]);
    }
    const nobody = await api.call('GET', `/dossiers?q=${encodeURIComponent(`Zoé ${family}`)}`, { token });
    expect(nobody.body.items).toEqual([]);
  });

  it('counts the list under its filters, as many as its pages hold', async () => {
    const token = world.b.tokens.admin;
    const q = encodeURIComponent(family);
    const total = await api.call('GET', `/totals/dossiers?q=${q}`, { token });
    expect(total.body).toEqual({ total: 4, approximate: false });
    const inOrganism = await api.call('GET', `/totals/dossiers?q=${q}&organismId=${otherOrganismId}`, {
      token,
    });
    expect(inOrganism.body).toEqual({ total: 1, approximate: false });
    const whole = await api.call('GET', '/totals/dossiers', { token });
    const everything = await api.call('GET', '/dossiers?limit=100', { token });
    expect(whole.body.total).toBe(everything.body.items.length);
  });

  it('gives organism-bound staff the total and the file of their organisms only', async () => {
    const token = world.b.tokens.trainer;
    const q = encodeURIComponent(family);
    const total = await api.call('GET', `/totals/dossiers?q=${q}`, { token });
    expect(total.body).toEqual({ total: 3, approximate: false });
    const { bytes } = await download(`/dossiers.csv?q=${q}`, token);
    const text = utf8(bytes);
    expect(text).toContain(';Amandine;');
    expect(text).not.toContain('Hugo');
  });

  it('offers no next page when no other dossier follows, even when filters dropped the rest', async () => {
    const token = world.b.tokens.admin;
    // The newest three match; the network's older dossiers are read and dropped by the filter.
    const page = await api.call(
      'GET',
      `/dossiers?q=${encodeURIComponent(family)}&organismId=${world.b.organismId}&limit=3`,
      {
        token,
      },
    );
    expect(ids(page.body)).toEqual([opened[2], opened[1], opened[0]]);
    expect(page.body.cursor).toBeUndefined();
    // A full page with more behind it has a cursor, and the next page is not empty.
    const first = await api.call('GET', `/dossiers?q=${encodeURIComponent(family)}&limit=2`, { token });
    expect(first.body.cursor).toBeDefined();
    const next = await api.call(
      'GET',
      `/dossiers?q=${encodeURIComponent(family)}&limit=2&cursor=${first.body.cursor}`,
      { token },
    );
    expect(ids(next.body)).toEqual([opened[1], opened[0]]);
    expect(next.body.cursor).toBeUndefined();
  });

  it('lists oldest first on request, the exact reverse of newest first, across pages', async () => {
    const token = world.b.tokens.admin;
    const q = encodeURIComponent(family);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call(
        'GET',
        `/dossiers?q=${q}&order=oldest&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token,
        },
      );
      seen.push(...ids(page.body));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen).toEqual(opened);
    const refused = await api.call('GET', '/dossiers?order=name', { token });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('order');
  });

  it('exports the list as CSV for Excel: BOM, `;`, French headers and dates, guarded cells, no id', async () => {
    const token = world.b.tokens.admin;
    const { response, bytes } = await download(
      `/dossiers.csv?q=${encodeURIComponent(family)}&order=oldest`,
      token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const today = regionToday(undefined, new Date());
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="dossiers-${today}.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = utf8(bytes).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;Date de naissance;Certification;Organisme;Statut;Ouvert le;Échéance');
    const [day, month, year] = [today.slice(8), today.slice(5, 7), today.slice(0, 4)];
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${family.toUpperCase()};Amandine;12/04/1988;CléA;[^;]+;Ouvert;${day}/${month}/${year};$`,
        ),
      ),
      expect.stringMatching(/;Inès;/),
      // A cell Excel would run as a formula is neutralised.
      expect.stringMatching(/;'=SOMME\(A1\);/),
      expect.stringMatching(/;Hugo;/),
    ]);
    for (const id of [...opened, world.b.organismId, otherOrganismId]) expect(utf8(bytes)).not.toContain(id);
  });

  it('refuses bad filters in French with the field named, and another network sees none of these', async () => {
    const bad = await api.call('GET', '/dossiers.csv?status=nope', { token: world.b.tokens.admin });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
    const other = await api.call('GET', `/totals/dossiers?q=${encodeURIComponent(family)}`, {
      token: world.a.tokens.admin,
    });
    expect(other.body).toEqual({ total: 0, approximate: false });
  });
});

describe('Certificate register', () => {
  let code: string;
  beforeAll(async () => {
    const jury = await buildJury(api, world.nationalToken, '11');
    ({ code } = await certifyThroughJury(api, world.a, jury, { firstName: 'Élodie', lastName: family }));
  }, 300_000);

  it('finds, counts and exports the certificate by "Prénom NOM" and "NOM Prénom"', async () => {
    const token = world.a.tokens.admin;
    for (const q of [`Elodie ${family}`, `${family} élodie`]) {
      const found = await api.call('GET', `/certificates?q=${encodeURIComponent(q)}`, { token });
      expect(
        found.body.items.map((c: { code: string }) => c.code),
        q,
      ).toEqual([code]);
      expect(found.body.cursor).toBeUndefined();
      const total = await api.call('GET', `/totals/certificates?q=${encodeURIComponent(q)}`, { token });
      expect(total.body).toEqual({ total: 1, approximate: false });
    }
    const { response, bytes } = await download(`/certificates.csv?q=${encodeURIComponent(family)}`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="registre-des-certificats-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = utf8(bytes).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Code;Nom;Prénom;Certification;Région;Délivré le;Statut;Révoqué le');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${code};${family.toUpperCase()};Élodie;CléA;Île-de-France;\\d{2}/\\d{2}/\\d{4};Valide;$`,
        ),
      ),
    ]);
  });

  it('gives the other network an empty register and staff without the register role a 403', async () => {
    const total = await api.call('GET', `/totals/certificates?q=${encodeURIComponent(family)}`, {
      token: world.b.tokens.admin,
    });
    expect(total.body).toEqual({ total: 0, approximate: false });
    const advisor = await api.call('GET', '/certificates.csv', { token: world.a.tokens.advisor });
    expect(advisor.status).toBe(403);
  });
});
