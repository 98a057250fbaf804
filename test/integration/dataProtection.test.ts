/**
 * Data protection through the API (SPEC §7): a candidate's export (JSON and PDF, tenant-scoped,
 * audited), the retention setting, and erasure: refused while a dossier is open or the retention
 * runs, then complete (candidate gone, personal fields gone, the register still verifying with the
 * same public contract, audit trails intact). Resumable after a crash, in the data layer.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  actingOn,
  db,
  eraseCandidate,
  keys,
  listAuditEvents,
  platformScopeFor,
  tableName,
} from '@socle/data';
import type { WriteContext } from '@socle/data';
import { SubjectAccessExport, systemClock } from '@socle/domain';
import { PDFDocument } from 'pdf-lib';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../../packages/documents/src/testing/pdfText.ts';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
});
afterAll(() => api.stop());

const LAST_NAME = 'Öztürk-N’Diaye';

/**
 * What a candidate's identity looks like in any stored or returned text. The first name is not in
 * it: the register and the jury minutes keep it, with the last initial (what verification shows).
 */
const personalMarkers = ['Öztürk', '1988-04-12', 'lukasz@example.org', '06 12 34 56 78', '75011'];

const trailOf = async (tenantId: string, dossierId: string) =>
  (await listAuditEvents({ ...keys.dossierAuditTrail(platformScopeFor(tenantId), dossierId), limit: 100 }))
    .items;

const storedItem = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;

/** Moves a dossier's last activity `years` back in time, as if it had closed then. */
const backdate = async (tenantId: string, dossierId: string, years: number) => {
  const at = new Date(Date.now() - (years * 365 + 2) * 86_400_000).toISOString();
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.dossier(platformScopeFor(tenantId), dossierId),
      UpdateExpression: 'SET statusChangedAt = :at, updatedAt = :at',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
};

const fetchPdf = async (path: string, token: string) => {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

describe('GET /candidates/{candidateId}/export', () => {
  it('gives the network admin everything held about the candidate, and audits the export', async () => {
    // Prepare
    const { a } = world;
    const detail = (await api.call('GET', `/dossiers/${a.dossierId}`, { token: a.tokens.admin })).body;
    const evaluations = (
      await api.call('GET', `/dossiers/${a.dossierId}/evaluations`, { token: a.tokens.admin })
    ).body.items;
    // Act
    const response = await api.call('GET', `/candidates/${a.candidateId}/export`, { token: a.tokens.admin });
    // Assess: the documented shape, with every record of the candidate.
    expect(response.status).toBe(200);
    const exported = SubjectAccessExport.parse(response.body);
    expect(exported.candidate).toEqual(detail.candidate);
    expect(exported.network.id).toBe(a.tenantId);
    expect(exported.dossiers).toHaveLength(1);
    const [entry] = exported.dossiers;
    expect(entry?.dossier).toMatchObject({ id: a.dossierId, candidate: detail.dossier.candidate });
    expect(entry?.evaluations.map((e) => e.id)).toEqual(evaluations.map((e: { id: string }) => e.id));
    expect(Object.keys(entry?.evaluations[0]?.results ?? {}).length).toBeGreaterThan(50);
    expect(entry?.trainingPlan?.objectives).toBe('Écouter et comprendre ; calcul.');
    expect(entry?.organism?.id).toBe(a.organismId);
    expect(entry?.auditTrail.map((e) => e.action)).toContain('dossier.opened');
    // The trail says which role acted, never which person.
    expect(entry?.auditTrail.every((e) => Object.keys(e.actor).join() === 'roles')).toBe(true);
    expect(exported.retention).toEqual({ retentionYears: 3, erasableFrom: null });
    // The export itself is in the dossier's trail and the network's.
    const trail = await trailOf(a.tenantId, a.dossierId);
    expect(trail[0]).toMatchObject({ action: 'candidate.data_exported', summary: 'export JSON' });
    const tenantTrail = await listAuditEvents({ ...keys.tenantAuditTrail(a.tenantId), limit: 100 });
    expect(tenantTrail.items[0]).toMatchObject({
      action: 'candidate.data_exported',
      entity: { type: 'candidate', id: a.candidateId },
    });
  });

  it("answers 404 for another network's candidate, and writes nothing", async () => {
    // Prepare
    const before = await trailOf(world.a.tenantId, world.a.dossierId);
    // Act
    const json = await api.call('GET', `/candidates/${world.a.candidateId}/export`, {
      token: world.b.tokens.admin,
    });
    const pdf = await fetchPdf(`/candidates/${world.a.candidateId}/export.pdf`, world.b.tokens.admin);
    // Assess
    expect(json.status).toBe(404);
    expect(pdf.response.status).toBe(404);
    expect(await trailOf(world.a.tenantId, world.a.dossierId)).toEqual(before);
  });

  it('is for the network admin only: an advisor of the organism gets 403', async () => {
    const response = await api.call('GET', `/candidates/${world.a.candidateId}/export`, {
      token: world.a.tokens.advisor,
    });
    expect(response.status).toBe(403);
  });
});

describe('GET /candidates/{candidateId}/export.pdf', () => {
  it('renders the export as a French PDF that parses, audited as a PDF export', async () => {
    // Act
    const { response, bytes } = await fetchPdf(
      `/candidates/${world.a.candidateId}/export.pdf`,
      world.a.tokens.admin,
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="donnees-personnelles-/,
    );
    const doc = await PDFDocument.load(bytes);
    const text = doc
      .getPages()
      .flatMap(pageTexts)
      .join('\n')
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('Vos données personnelles');
    expect(text).toContain(LAST_NAME);
    expect(text).toContain('lukasz@example.org');
    expect(text).toContain('Écouter et comprendre ; calcul.');
    expect((await trailOf(world.a.tenantId, world.a.dossierId))[0]).toMatchObject({ summary: 'export PDF' });
  });
});

describe('Retention setting', () => {
  it('defaults to 3 years, is set by the national admin with its version, and is audited', async () => {
    // Prepare
    const initial = await api.call('GET', '/data-protection/settings', { token: world.a.tokens.admin });
    expect(initial.body).toEqual({ retentionYears: 3, version: 0 });
    // Act
    const set = await api.call('PUT', '/data-protection/settings', {
      token: world.nationalToken,
      body: { retentionYears: 2 },
    });
    const stale = await api.call('PUT', '/data-protection/settings', {
      token: world.nationalToken,
      body: { retentionYears: 4 },
    });
    const tooLong = await api.call('PUT', '/data-protection/settings', {
      token: world.nationalToken,
      body: { retentionYears: 11, version: 1 },
    });
    const byNetwork = await api.call('PUT', '/data-protection/settings', {
      token: world.a.tokens.admin,
      body: { retentionYears: 1, version: 1 },
    });
    // Assess
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ retentionYears: 2, version: 1 });
    expect(stale.status).toBe(409);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields[0]).toMatchObject({ path: 'retentionYears', message: 'dix ans au plus' });
    expect(byNetwork.status).toBe(403);
    const platformTrail = await listAuditEvents({ ...keys.platformAuditTrail(), limit: 100 });
    expect(platformTrail.items.map((e) => e.action)).toContain('data_protection.retention_set');
    // Put back the default for the other tests.
    const reset = await api.call('PUT', '/data-protection/settings', {
      token: world.nationalToken,
      body: { retentionYears: 3, version: 1 },
    });
    expect(reset.status).toBe(200);
  });
});

describe('POST /candidates/{candidateId}/erasure', () => {
  it('refuses while a dossier is open, with the reason in French (409)', async () => {
    // Act
    const assessment = await api.call('GET', `/candidates/${world.a.candidateId}/erasure`, {
      token: world.a.tokens.admin,
    });
    const response = await api.call('POST', `/candidates/${world.a.candidateId}/erasure`, {
      token: world.a.tokens.admin,
      body: { lastName: LAST_NAME },
    });
    // Assess
    expect(assessment.body).toMatchObject({ erasable: false, erasableFrom: null, retentionYears: 3 });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('dossier_active');
    expect(response.body.message).toContain('est en cours (statut « En formation »)');
    expect(
      (await api.call('GET', `/dossiers/${world.a.dossierId}`, { token: world.a.tokens.admin })).status,
    ).toBe(200);
  });

  describe('a certified candidate', () => {
    let dossierId: string;
    let candidateId: string;
    let code: string;
    let publicBefore: unknown;
    let trailBefore: Awaited<ReturnType<typeof trailOf>>;
    let sessionId: string;

    beforeAll(async () => {
      const certified = await certifyThroughJury(api, world.a, jury, { lastName: LAST_NAME });
      dossierId = certified.dossier.id;
      candidateId = certified.dossier.candidateId;
      code = certified.code;
      sessionId = (await storedItem(keys.dossierCertificate(platformScopeFor(world.a.tenantId), dossierId)))
        ?.sessionId as string;
      publicBefore = (await api.call('GET', `/public/certificates/${code}`)).body;
      // A paper copy sent to the candidate: its address is personal data too.
      const token = world.a.tokens.admin;
      expectStatus(
        await api.call('POST', `/certificates/${code}/paper-copy`, {
          token,
          body: {
            recipient: {
              name: `Łukasz ${LAST_NAME}`,
              addressLine: '12 rue des Lilas',
              postalCode: '75011',
              city: 'Paris',
            },
          },
        }),
        200,
        'request paper copy',
      );
    });

    it('refuses while a paper copy is on its way, then during the retention, saying until when', async () => {
      // Act
      const pending = await api.call('POST', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: LAST_NAME },
      });
      for (const status of ['printed', 'sent']) {
        expectStatus(
          await api.call('PATCH', `/certificates/${code}/paper-copy`, {
            token: world.nationalToken,
            body: { status },
          }),
          200,
          `paper copy ${status}`,
        );
      }
      const retained = await api.call('POST', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: LAST_NAME },
      });
      // Assess
      expect(pending.status).toBe(409);
      expect(pending.body.message).toContain('Un exemplaire papier du certificat');
      expect(retained.status).toBe(409);
      expect(retained.body.error).toBe('retention_running');
      expect(retained.body.message).toMatch(
        /est conservé jusqu'au \d{2}\/\d{2}\/\d{4} \(3 ans après sa dernière activité/,
      );
      expect((await api.call('GET', `/dossiers/${dossierId}`, { token: world.a.tokens.admin })).status).toBe(
        200,
      );
    });

    it('erases the candidate once the retention has run, confirmed by their last name', async () => {
      // Prepare
      await backdate(world.a.tenantId, dossierId, 3);
      trailBefore = await trailOf(world.a.tenantId, dossierId);
      const assessment = await api.call('GET', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
      });
      expect(assessment.body).toMatchObject({ erasable: true, blockers: [] });
      // Act
      const wrongName = await api.call('POST', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: 'Durand' },
      });
      const erased = await api.call('POST', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: 'OZTURK-n’diaye' },
      });
      // Assess
      expect(wrongName.status).toBe(400);
      expect(wrongName.body.fields).toEqual([
        { path: 'lastName', message: 'ne correspond pas au nom du candidat' },
      ]);
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({
        candidateId,
        dossiers: [{ id: dossierId, status: 'certified' }],
        certificates: [code],
      });
    });

    it('leaves no candidate, no dossier to read, and nothing personal in what remains', async () => {
      const scope = platformScopeFor(world.a.tenantId);
      const token = world.a.tokens.admin;
      // The candidate and the dossier are gone for the API …
      expect((await api.call('GET', `/dossiers/${dossierId}`, { token })).status).toBe(404);
      expect((await api.call('GET', `/candidates/${candidateId}/export`, { token })).status).toBe(404);
      const list = await api.call('GET', '/dossiers?limit=100', { token });
      expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(dossierId);
      expect(await storedItem(keys.candidate(scope, candidateId))).toBeUndefined();
      // … the dossier keeps its statistics fields only, still in the network's index …
      const tombstone = await storedItem(keys.dossier(scope, dossierId));
      expect(tombstone).toMatchObject({
        id: dossierId,
        status: 'certified',
        certification: 'clea',
        organismId: world.a.organismId,
        region: '11',
        certificateCode: code,
        gsi1pk: `T#${world.a.tenantId}#DOSSIERS`,
        erasedAt: expect.any(String),
      });
      for (const field of ['candidate', 'candidateId', 'experience', 'consent', 'searchName', 'advisorId']) {
        expect(tombstone).not.toHaveProperty(field);
      }
      const partition = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.dossier(scope, dossierId).pk },
        }),
      );
      // … and neither it, its evaluations nor its plan, the agenda entry or the register name them.
      const agenda = await storedItem(keys.agendaEntry(sessionId, dossierId));
      const certificate = await storedItem(keys.certificate(code));
      const remains = JSON.stringify([partition.Items, agenda, certificate]);
      for (const marker of personalMarkers) expect(remains).not.toContain(marker);
      expect(JSON.stringify(partition.Items)).not.toContain('Łukasz');
      expect(agenda?.view.candidate).toEqual({ firstName: expect.any(String), lastName: 'Ö.' });
      expect(certificate?.holder).toEqual({ firstName: expect.any(String), lastInitial: 'Ö.' });
      expect(certificate?.paperCopy).toMatchObject({ status: 'sent' });
      expect(certificate?.paperCopy).not.toHaveProperty('recipient');
    });

    it('still verifies the certificate publicly, with exactly the same answer', async () => {
      const after = await api.call('GET', `/public/certificates/${code}`);
      expect(after.status).toBe(200);
      expect(after.body).toEqual(publicBefore);
      expect(Object.keys(after.body).sort()).toEqual(
        ['certification', 'code', 'holder', 'issuedOn', 'region', 'status'].sort(),
      );
      // The full name can no longer be confirmed: the answer says why rather than "no match".
      const confirm = await api.call('POST', `/public/certificates/${code}/confirm`, {
        body: { lastName: LAST_NAME },
      });
      expect(confirm.status).toBe(200);
      expect(confirm.body).toEqual({ match: false, reason: 'holder_erased' });
      // And no document naming the holder can be produced any more.
      const pdf = await fetchPdf(`/certificates/${code}/certificate.pdf`, world.a.tokens.admin);
      expect(pdf.response.status).toBe(409);
    });

    it('keeps the audit trail as it was, with the erasure added, and no identity in it', async () => {
      const after = await trailOf(world.a.tenantId, dossierId);
      expect(after.slice(1)).toEqual(trailBefore);
      expect(after[0]).toMatchObject({ action: 'dossier.erased', toStatus: 'certified' });
      const tenantTrail = await listAuditEvents({ ...keys.tenantAuditTrail(world.a.tenantId), limit: 100 });
      expect(tenantTrail.items[0]).toMatchObject({
        action: 'candidate.erased',
        entity: { type: 'candidate', id: candidateId },
      });
      const text = JSON.stringify([after, tenantTrail.items]);
      for (const marker of [...personalMarkers, 'Łukasz']) expect(text).not.toContain(marker);
    });

    it('answers 404 when run again: there is nothing left to erase', async () => {
      const again = await api.call('POST', `/candidates/${candidateId}/erasure`, {
        token: world.a.tokens.admin,
        body: { lastName: LAST_NAME },
      });
      expect(again.status).toBe(404);
    });
  });
});

describe('Function: eraseCandidate (several dossiers, a crash half-way)', () => {
  const ctx = (): WriteContext => ({
    principal: {
      userId: world.a.userIds.admin,
      roles: ['network_admin'],
      organisms: [],
      tenantId: world.a.tenantId,
      name: 'Alice Admin',
    },
    requestId: ulid(),
    clock: systemClock,
  });

  /** A withdrawn dossier of a new candidate. */
  const withdrawnDossier = async () => {
    const { dossier, candidate } = expectStatus(
      await api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: dossierOpen(world.a.organismId, { lastName: LAST_NAME }),
      }),
      201,
      'open',
    );
    expectStatus(
      await api.call('POST', `/dossiers/${dossier.id}/withdraw`, {
        token: world.a.tokens.advisor,
        body: { version: dossier.version, reason: 'Raisons de santé' },
      }),
      200,
      'withdraw',
    );
    await backdate(world.a.tenantId, dossier.id, 4);
    return { dossierId: dossier.id as string, candidateId: candidate.id as string };
  };

  it('finishes the job when run again, skipping the dossiers already erased', async () => {
    // Prepare: one candidate with two dossiers (the second one moved over from another candidate).
    const scope = platformScopeFor(world.a.tenantId);
    const first = await withdrawnDossier();
    const second = await withdrawnDossier();
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.candidateDossier(scope, first.candidateId, second.dossierId),
          itemType: 'CandidateDossier',
          dossierId: second.dossierId,
        },
      }),
    );
    await db().send(
      new DeleteCommand({ TableName: tableName(), Key: keys.candidate(scope, second.candidateId) }),
    );
    // Act: a crash after the first dossier, then a second run.
    let crash = true;
    const crashed = eraseCandidate(actingOn(ctx(), scope), first.candidateId, {
      lastName: LAST_NAME,
      fault: (step) => {
        if (step === 'after-dossier' && crash) {
          crash = false;
          throw new Error('crash');
        }
      },
    });
    await expect(crashed).rejects.toThrow('crash');
    const halfway = await Promise.all(
      [first, second].map((d) => storedItem(keys.dossier(scope, d.dossierId))),
    );
    const candidateHalfway = await storedItem(keys.candidate(scope, first.candidateId));
    const resumed = await eraseCandidate(actingOn(ctx(), scope), first.candidateId, { lastName: LAST_NAME });
    // Assess
    expect(halfway.filter((d) => d?.erasedAt)).toHaveLength(1);
    expect(candidateHalfway).toBeDefined();
    expect(resumed.dossiers.map((d) => d.id).sort()).toEqual([first.dossierId, second.dossierId].sort());
    expect(await storedItem(keys.candidate(scope, first.candidateId))).toBeUndefined();
    for (const { dossierId } of [first, second]) {
      const tombstone = await storedItem(keys.dossier(scope, dossierId));
      expect(tombstone).toMatchObject({ status: 'withdrawn', erasedAt: expect.any(String) });
      expect(tombstone).not.toHaveProperty('withdrawalReason');
      const erasures = (await trailOf(world.a.tenantId, dossierId)).filter(
        (e) => e.action === 'dossier.erased',
      );
      expect(erasures).toHaveLength(1);
    }
  });
});
