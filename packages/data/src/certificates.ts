/**
 * The certificate register (`CERT#<code>`): public verification reads one certificate by its code;
 * the national admin revokes; networks and the national admin list and search it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, RuleViolationError, foldForSearch, regions } from '@socle/domain';
import type { Principal } from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Certificate } from './juryClosing.ts';
import { keys } from './keys.ts';
import { toRecord } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';

type StoredCertificate = Certificate & {
  revokedOn?: string;
  revocationReason?: string;
  version?: number;
  paperCopy?: { status: 'requested' | 'printed' | 'sent'; requestedAt: string; updatedAt: string };
};

const findCertificate = async (code: string): Promise<StoredCertificate | undefined> => {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.certificate(code) }));
  return Item ? toRecord<StoredCertificate>(Item) : undefined;
};

/** What anyone may learn from a code: no more than the public contract. */
const publicView = (c: StoredCertificate) => ({
  code: c.code,
  certification: c.certification as 'clea' | 'clea-numerique',
  status: c.status,
  issuedOn: c.issuedOn,
  ...(c.revokedOn ? { revokedOn: c.revokedOn } : {}),
  region: { code: c.region, name: regions.find((r) => r.code === c.region)?.name ?? c.region },
  holder: {
    firstName: c.holder.firstName,
    lastInitial: `${c.holder.lastName.trim().charAt(0).toUpperCase()}.`,
  },
});

/** The holder's name confirmed by someone who knows it (case and accents ignored). */
const confirmHolder = (c: StoredCertificate, input: { lastName: string; birthDate?: string | null }) => {
  const match =
    foldForSearch(input.lastName) === foldForSearch(c.holder.lastName) &&
    (!input.birthDate || input.birthDate === c.holder.birthDate);
  return match ? { match, fullName: `${c.holder.firstName} ${c.holder.lastName}` } : { match };
};

/** A certificate as its network or the national admin sees it; another network's is not found. */
const getCertificateFor = async (principal: Principal, code: string): Promise<StoredCertificate> => {
  const certificate = await findCertificate(code);
  const national = principal.roles.includes('national_admin');
  if (!certificate || (!national && certificate.tenantId !== principal.tenantId))
    throw new NotFoundError('certificate');
  return certificate;
};

const revokeCertificate = async (
  ctx: WriteContext,
  code: string,
  reason: string,
): Promise<StoredCertificate> => {
  const current = await findCertificate(code);
  if (!current) throw new NotFoundError('certificate');
  if (current.status === 'revoked')
    throw new RuleViolationError('already_revoked', 'ce certificat est déjà révoqué');
  const revokedOn = ctx.now.toISOString().slice(0, 10);
  await transact([
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: keys.certificate(code),
          UpdateExpression: 'SET #status = :revoked, revokedOn = :on, revocationReason = :reason',
          ConditionExpression: '#status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':valid': 'valid',
            ':on': revokedOn,
            ':reason': reason,
          },
        },
      },
      onConditionFailed: () => new RuleViolationError('already_revoked', 'ce certificat est déjà révoqué'),
    },
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'certificate.revoked',
      entity: { type: 'certificate', id: code },
      summary: reason,
    }),
  ]);
  return { ...current, status: 'revoked', revokedOn, revocationReason: reason };
};

interface CertificateQuery {
  cursor?: string;
  limit: number;
  region?: string;
  certification?: string;
  q?: string;
  year: number;
}

/**
 * The register, newest first: the national admin by year (gsi2 "certificatesByYear"), a network
 * its own (gsi3 "certificatesByTenant"); region, certification and name are filters.
 */
const listCertificates = async (principal: Principal, query: CertificateQuery) => {
  const national = principal.roles.includes('national_admin');
  const index = national ? 'gsi2' : 'gsi3';
  const pk = national ? `CERTS#${query.year}` : `T#${principal.tenantId}#CERTS`;
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': pk };
  if (query.region) {
    filters.push('#region = :region');
    values[':region'] = query.region;
  }
  if (query.certification) {
    filters.push('certification = :certification');
    values[':certification'] = query.certification;
  }
  if (query.q) {
    filters.push('contains(searchName, :q)');
    values[':q'] = foldForSearch(query.q);
  }
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      FilterExpression: filters.length ? filters.join(' AND ') : undefined,
      ExpressionAttributeNames: query.region ? { '#region': 'region' } : undefined,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: decodeCursor(query.cursor, { attribute: `${index}pk`, value: pk }),
      ScanIndexForward: false,
      Limit: query.limit,
    }),
  );
  return {
    items: (result.Items ?? []).map((i) => toRecord<StoredCertificate>(i)),
    cursor: encodeCursor(result.LastEvaluatedKey),
  };
};

export type { StoredCertificate };
export { confirmHolder, findCertificate, getCertificateFor, listCertificates, publicView, revokeCertificate };
