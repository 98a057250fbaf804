/**
 * Data protection (SPEC §7): the retention setting (`PLATFORM#DATA_PROTECTION`), and what subject
 * access and erasure both need to find everything held about a candidate: the candidate's partition
 * (`T#<t>#C#<c>`: the candidate and one link per dossier), each dossier with its items, its jury
 * agenda entries (in its region's sessions) and its certificate.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_RETENTION_YEARS, NotFoundError, checkErasure } from '@socle/domain';
import type {
  AgendaEntry,
  Candidate,
  DataProtectionSettings,
  DataProtectionSettingsUpdate,
  Dossier,
  ErasureAssessment,
  JurySession,
} from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { findCertificate } from './certificates.ts';
import type { StoredCertificate } from './entities/certificate.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { queryAll } from './queryAll.ts';
import { putSettingVersion } from './records.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { candidateRecordFromItem } from './entities/candidate.ts';
import { storedDossierFromItem } from './entities/dossier.ts';
import type { StoredDossier } from './entities/dossier.ts';
import { agendaEntryFromItem, jurySessionFromItem } from './entities/jury.ts';
import { dataProtectionSettingsFromItem } from './entities/settings.ts';

const getDataProtectionSettings = async (): Promise<DataProtectionSettings> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.dataProtectionSettings(), ConsistentRead: true }),
  );
  return Item
    ? dataProtectionSettingsFromItem(Item)
    : { retentionYears: DEFAULT_RETENTION_YEARS, version: 0 };
};

/** The national admin sets the retention: versioned (409 on a stale version), audited on the platform trail. */
const putDataProtectionSettings = async (
  ctx: WriteContext,
  input: DataProtectionSettingsUpdate,
): Promise<DataProtectionSettings> => {
  const expected = input.version ?? 0;
  const next: DataProtectionSettings = {
    retentionYears: input.retentionYears,
    version: expected + 1,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.principal.userId,
  };
  await transact([
    putSettingVersion(
      'data protection settings',
      { ...keys.dataProtectionSettings(), itemType: 'DataProtectionSettings', ...next },
      expected,
    ),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'data_protection.retention_set',
      entity: { type: 'data_protection_settings', id: 'retention' },
      summary: `${input.retentionYears} an(s)`,
    }),
  ]);
  return next;
};

interface CandidateRecords {
  candidate: Candidate;
  dossierIds: string[];
}

/**
 * The candidate (undefined once erased, or in another network) and the ids of their dossiers, in one
 * consistent query of the candidate's partition.
 */
const findCandidateRecords = async (
  scope: TenantScope,
  candidateId: string,
): Promise<{ candidate?: Candidate; dossierIds: string[] }> => {
  const { pk } = keys.candidatePartition(scope, candidateId);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const stored = items.find((i) => i.itemType === 'Candidate');
  const dossierIds = items.filter((i) => i.itemType === 'CandidateDossier').map((i) => String(i.dossierId));
  if (!stored) return { dossierIds };
  const candidate = candidateRecordFromItem(stored);
  return { candidate, dossierIds };
};

/** The candidate and the ids of their dossiers; another network's candidate is not found. */
const loadCandidate = async (scope: TenantScope, candidateId: string): Promise<CandidateRecords> => {
  const { candidate, dossierIds } = await findCandidateRecords(scope, candidateId);
  if (!candidate) throw new NotFoundError('candidate');
  return { candidate, dossierIds };
};

/** The stored dossiers, erased ones included (consistent reads: erasure decides on them). */
const readStoredDossiers = async (scope: TenantScope, ids: readonly string[]): Promise<StoredDossier[]> => {
  const found = await Promise.all(
    ids.map(async (id) => {
      const { Item } = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.dossier(scope, id), ConsistentRead: true }),
      );
      return Item ? storedDossierFromItem(Item) : undefined;
    }),
  );
  return found.filter((d): d is StoredDossier => d !== undefined);
};

interface JuryRecord {
  session: JurySession;
  entry: AgendaEntry;
}

/**
 * Where a dossier was on a jury's agenda: the entry of the dossier in each of its region's sessions
 * (batch reads of 100 keys; a region holds a session a month at most). A dossier never presented
 * to a jury has none.
 */
const juryRecordsOf = async (
  dossier: Pick<Dossier, 'id' | 'region' | 'juryPresentations'>,
): Promise<JuryRecord[]> => {
  if (!dossier.juryPresentations) return [];
  const sessions = await queryAll(keys.jurySessionsPrefix(dossier.region), jurySessionFromItem);
  const bySession = new Map(sessions.map((s) => [s.id, s]));
  const records: JuryRecord[] = [];
  for (let i = 0; i < sessions.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: sessions.slice(i, i + 100).map((s) => keys.agendaEntry(s.id, dossier.id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) {
        const entry = agendaEntryFromItem(item);
        const session = bySession.get(entry.sessionId);
        if (session) records.push({ session, entry });
      }
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return records.sort((a, b) => a.session.date.localeCompare(b.session.date));
};

/** The certificates of the dossiers that have one, as the register holds them. */
const certificatesOf = async (dossiers: readonly StoredDossier[]) => {
  const pairs = await Promise.all(
    dossiers
      .filter((d) => d.certificateCode)
      .map(async (d) => ({
        dossierId: d.id,
        certificate: await findCertificate(d.certificateCode as string),
      })),
  );
  return pairs.filter((p): p is { dossierId: string; certificate: StoredCertificate } => !!p.certificate);
};

const pendingPaperCopiesOf = (certificates: Awaited<ReturnType<typeof certificatesOf>>) =>
  certificates
    .filter(({ certificate }) => certificate.paperCopy && certificate.paperCopy.status !== 'sent')
    .map(({ dossierId, certificate }) => ({ dossierId, code: certificate.code }));

/** Whether the candidate's data may be erased today, and otherwise why and from when. */
const assessErasure = async (
  { scope, clock }: Pick<TenantActor, 'scope' | 'clock'>,
  candidateId: string,
): Promise<ErasureAssessment> => {
  const today = clock.now().slice(0, 10);
  const { dossierIds } = await loadCandidate(scope, candidateId);
  const [dossiers, settings] = await Promise.all([
    readStoredDossiers(scope, dossierIds),
    getDataProtectionSettings(),
  ]);
  const certificates = await certificatesOf(dossiers.filter((d) => !d.erasedAt));
  const check = checkErasure({
    dossiers,
    retentionYears: settings.retentionYears,
    today,
    pendingPaperCopies: pendingPaperCopiesOf(certificates),
  });
  return { candidateId, retentionYears: settings.retentionYears, ...check };
};

export type { CandidateRecords, JuryRecord, StoredDossier };
export {
  assessErasure,
  certificatesOf,
  getDataProtectionSettings,
  juryRecordsOf,
  findCandidateRecords,
  loadCandidate,
  pendingPaperCopiesOf,
  putDataProtectionSettings,
  readStoredDossiers,
};
