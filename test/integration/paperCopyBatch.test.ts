/**
 * Paper copies printed in batches (issue 17): one PDF with the certificates then their address
 * labels, in the order chosen; marking the batch printed is all or nothing; the bounds are 400s
 * naming the field. And the consolidated national usage statement: every network, a month or a
 * year, on screen, as CSV and as PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PRINT_BATCH } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, evaluate, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
/** Three certificates of network A, each with a requested paper copy, in the order requested. */
let codes: string[];

const recipients = [
  {
    name: 'Inès Marchand',
    addressLine: '12 rue des Lilas\nBâtiment B',
    postalCode: '42000',
    city: 'Saint-Étienne',
  },
  { name: 'Łukasz Öztürk', addressLine: '3 place du Marché', postalCode: '75011', city: 'Paris' },
  { name: 'Amandine Roux', addressLine: '8 chemin des Écoliers', postalCode: '69003', city: 'Lyon' },
];

/** The PDF as a reader sees it (poppler's pdftotext, reading order, page breaks as form feeds). */
const pdfText = (bytes: Uint8Array, mode: '-layout' | '-raw' = '-layout'): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'batch-')), 'batch.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' });
};

/** The raw bytes: `api.call` decodes bodies as text, which a PDF does not survive. */
const download = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown) => {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

/** Certifies one dossier per last name in one session of region 11's jury; their codes, in order. */
const certifyAll = async (lastNames: readonly string[]): Promise<string[]> => {
  const jury = await buildJury(api, world.nationalToken, '11');
  const dossiers = [];
  for (const lastName of lastNames) {
    const opened = expectStatus(
      await api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: dossierOpen(world.a.organismId, { lastName }),
      }),
      201,
      'open',
    ).dossier;
    const { dossier } = await evaluate(api, world.a.tokens.evaluator, opened.id, { notAcquired: [] });
    dossiers.push(
      expectStatus(
        await api.call('POST', `/dossiers/${dossier.id}/jury-submission`, {
          token: world.a.tokens.advisor,
          body: { dossierVersion: dossier.version },
        }),
        200,
        'submit',
      ),
    );
  }
  const members = [jury.employer, jury.employee];
  const session = expectStatus(
    await api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: {
        date: sessionDay('11'),
        startTime: '09:00',
        place: 'Paris',
        memberIds: members.map((m) => m.userId),
      },
    }),
    201,
    'session',
  );
  const path = `/jury/sessions/${session.id}`;
  const secretary = { token: jury.secretary.token };
  const ids = dossiers.map((d) => d.id as string);
  expectStatus(
    await api.call('POST', `${path}/agenda`, { ...secretary, body: { dossierIds: ids } }),
    200,
    'agenda',
  );
  expectStatus(
    await api.call('PUT', `${path}/attendance`, {
      ...secretary,
      body: { version: session.version, presentMemberIds: members.map((m) => m.userId) },
    }),
    200,
    'attendance',
  );
  for (const id of ids) {
    for (const member of members) {
      expectStatus(
        await api.call('POST', `${path}/dossiers/${id}/vote`, {
          token: member.token,
          body: { vote: 'certify' },
        }),
        200,
        'vote',
      );
    }
    expectStatus(
      await api.call('POST', `${path}/dossiers/${id}/decision`, {
        ...secretary,
        body: { decision: 'certified' },
      }),
      200,
      'decide',
    );
  }
  expectStatus(await api.call('POST', `${path}/close`, secretary), 200, 'close');
  const found = [];
  for (const id of ids) {
    const { dossier } = (await api.call('GET', `/dossiers/${id}`, { token: world.a.tokens.advisor })).body;
    found.push(dossier.certificateCode as string);
  }
  return found;
};

const queue = async (status: 'requested' | 'printed') =>
  (await api.call('GET', `/paper-copies?status=${status}`, { token: world.nationalToken })).body.items as {
    code: string;
    paperCopy: { requestedAt: string; status: string };
  }[];

const copiesOf = async (wanted: readonly string[]) => {
  const items = await queue('requested');
  return wanted.map((code) => {
    const item = items.find((c) => c.code === code);
    if (!item) throw new Error(`${code} is not waiting to be printed`);
    return { code, requestedAt: item.paperCopy.requestedAt };
  });
};

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  codes = await certifyAll(['Marchand', 'Öztürk', 'Roux']);
  for (const [i, code] of codes.entries()) {
    expectStatus(
      await api.call('POST', `/certificates/${code}/paper-copy`, {
        token: world.a.tokens.advisor,
        body: { recipient: recipients[i] },
      }),
      200,
      'request paper copy',
    );
  }
}, 180_000);
afterAll(() => api.stop());

describe('Batch printing', () => {
  it('gives one PDF: the three certificates in the order chosen, then a sheet of their labels', async () => {
    const order = [codes[2], codes[0], codes[1]] as string[];
    const { response, bytes } = await download('POST', '/paper-copies/print-batch.pdf', world.nationalToken, {
      codes: order,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const pages = pdfText(bytes)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages).toHaveLength(4);
    // Certificates in the order chosen, each with its code.
    for (const [i, code] of order.entries()) expect(pages[i]).toContain(code);
    expect(pages[0]).toMatch(/Roux/);
    // Then the labels, in the same order: French postal format, town in capitals without accents.
    const labels = pages[3] as string;
    for (const line of [
      'Amandine Roux',
      '8 chemin des Écoliers',
      '69003 LYON',
      'Inès Marchand',
      '12 rue des Lilas',
      'Bâtiment B',
      '42000 SAINT-ETIENNE',
      'Łukasz Öztürk',
      '75011 PARIS',
    ]) {
      expect(labels).toContain(line);
    }
    // In drawing order (two labels side by side share text lines in the layout mode).
    const drawn = pdfText(bytes, '-raw').split('\f')[3] as string;
    expect(drawn.indexOf('Amandine Roux')).toBeLessThan(drawn.indexOf('Inès Marchand'));
    expect(drawn.indexOf('Inès Marchand')).toBeLessThan(drawn.indexOf('Łukasz Öztürk'));
    // Generating the PDF marks nothing.
    expect((await queue('requested')).map((c) => c.code)).toEqual(expect.arrayContaining(codes));
  });

  it('refuses a copy changed meanwhile with 409 naming it, and marks none of the batch', async () => {
    const batch = await copiesOf(codes);
    // Someone prints the second one alone in the meantime.
    expectStatus(
      await api.call('PATCH', `/certificates/${codes[1]}/paper-copy`, {
        token: world.nationalToken,
        body: { status: 'printed' },
      }),
      200,
      'print one',
    );
    const refused = await api.call('POST', '/paper-copies/printed', {
      token: world.nationalToken,
      body: { copies: batch },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('paper_copy_state');
    expect(refused.body.message).toContain(codes[1]);
    const still = (await queue('requested')).map((c) => c.code);
    expect(still).toContain(codes[0]);
    expect(still).toContain(codes[2]);
    // A PDF asked for with a copy no longer waiting is refused the same way, naming it.
    const pdf = await api.call('POST', '/paper-copies/print-batch.pdf', {
      token: world.nationalToken,
      body: { codes },
    });
    expect(pdf.status).toBe(409);
    expect(pdf.body.message).toContain(codes[1]);
    // Undo the single print: the copy is requested again, under the same request.
    expectStatus(
      await api.call('PATCH', `/certificates/${codes[1]}/paper-copy`, {
        token: world.nationalToken,
        body: { status: 'requested' },
      }),
      200,
      'unprint',
    );
  });

  it('marks the whole batch printed in one go, then it waits to be sent', async () => {
    const batch = await copiesOf(codes);
    const marked = await api.call('POST', '/paper-copies/printed', {
      token: world.nationalToken,
      body: { copies: batch },
    });
    expect(marked.status).toBe(200);
    expect(marked.body.items.map((c: { paperCopy: { status: string } }) => c.paperCopy.status)).toEqual([
      'printed',
      'printed',
      'printed',
    ]);
    const printed = (await queue('printed')).map((c) => c.code);
    expect(printed).toEqual(expect.arrayContaining(codes));
    // Marking the same batch again: nothing is waiting any more.
    const again = await api.call('POST', '/paper-copies/printed', {
      token: world.nationalToken,
      body: { copies: batch },
    });
    expect(again.status).toBe(409);
  });

  it('refuses an empty, oversized or repeated batch with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ codes: [] }, 'codes'],
      [{ codes: Array.from({ length: MAX_PRINT_BATCH + 1 }, (_, i) => `CLEA-${i}`) }, 'codes'],
      [{ codes: [codes[0], codes[0]] }, 'codes'],
    ];
    for (const [body, field] of cases) {
      const response = await api.call('POST', '/paper-copies/print-batch.pdf', {
        token: world.nationalToken,
        body,
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    const tooMany = await api.call('POST', '/paper-copies/printed', {
      token: world.nationalToken,
      body: {
        copies: Array.from({ length: MAX_PRINT_BATCH + 1 }, (_, i) => ({ code: `C${i}`, requestedAt: 'x' })),
      },
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('copies');
  });

  it('is the national body’s: a network admin is refused', async () => {
    const response = await api.call('POST', '/paper-copies/printed', {
      token: world.a.tokens.admin,
      body: { copies: [{ code: codes[0], requestedAt: 'x' }] },
    });
    expect(response.status).toBe(403);
  });
});

describe('National usage statement', () => {
  const month = () => new Date().toISOString().slice(0, 7);

  it('lists every network with its billable volumes, priced like its own statement, and the totals', async () => {
    const national = expectStatus(
      await api.call('GET', `/national-statement/${month()}`, { token: world.nationalToken }),
      200,
      'national',
    );
    for (const tenantId of [world.a.tenantId, world.b.tenantId]) {
      const own = expectStatus(
        await api.call('GET', `/tenants/${tenantId}/statements/${month()}`, { token: world.nationalToken }),
        200,
        'network statement',
      );
      const row = national.networks.find((n: { tenant: { id: string } }) => n.tenant.id === tenantId);
      expect(row.totalCents).toBe(own.totalCents);
    }
    const a = national.networks.find((n: { tenant: { id: string } }) => n.tenant.id === world.a.tenantId);
    const certificates = a.lines.find(
      (l: { certification: string; item: string }) => l.certification === 'clea' && l.item === 'certificate',
    );
    expect(certificates.quantity).toBeGreaterThanOrEqual(3);
    const sum = national.networks.reduce((s: number, n: { totalCents: number }) => s + n.totalCents, 0);
    expect(national.total.totalCents).toBe(sum);
    // The year holds this month at least.
    const year = expectStatus(
      await api.call('GET', `/national-statement/${month().slice(0, 4)}`, { token: world.nationalToken }),
      200,
      'year',
    );
    expect(year.months).toHaveLength(12);
    expect(year.total.totalCents).toBeGreaterThanOrEqual(national.total.totalCents);
  });

  it('exports it as CSV for French Excel and as PDF', async () => {
    const csv = await download('GET', `/national-statement/${month()}/statement.csv`, world.nationalToken);
    expect(csv.response.status).toBe(200);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFRéseau;Période;Certification;Prestation;Quantité;Prix unitaire (€);Montant (€)',
    );
    expect(text).toContain('Réseau A;');
    expect(text).toContain('Tous les réseaux;');
    const pdf = await download('GET', `/national-statement/${month()}/statement.pdf`, world.nationalToken);
    expect(pdf.response.status).toBe(200);
    const read = pdfText(pdf.bytes);
    expect(read).toContain('Relevé d’utilisation national');
    expect(read).toContain('Réseau A');
    expect(read).toContain('Tous les réseaux');
    expect(read).not.toMatch(/\d{4}-\d{2}/);
  });

  it('refuses a malformed period (400 naming it) and anyone but the national admin', async () => {
    const bad = await api.call('GET', '/national-statement/2026-13', { token: world.nationalToken });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('period');
    const network = await api.call('GET', `/national-statement/${month()}`, { token: world.a.tokens.admin });
    expect(network.status).toBe(403);
  });
});
