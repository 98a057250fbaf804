/**
 * The certificate register (`CERT#<code>`): public verification reads one certificate by its code;
 * the national admin revokes; networks and the national admin list and search it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  CONFIRMATION_LIMITS,
  NotFoundError,
  alreadyRevoked,
  canNameHolder,
  canRevoke,
  certificateChanged,
  checkConfirmationOpen,
  enforce,
  holderNameMatches,
  lastInitialOf,
  lockAfterMiss,
  needsOrganisms,
  paperCopyChanged,
  paperCopyPending,
  paperCopyTransition,
  reachesDossierRecord,
  regionOf,
  violationOf,
} from '@socle/domain';
import type { PaperCopyAction, PaperCopyState, Principal } from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { statusListOnRevocation } from './credentialStatus.ts';
import { certificateFromItem, paperCopiesQuery } from './entities/certificate.ts';
import type { PaperCopy, PaperCopyRecipient, StoredCertificate } from './entities/certificate.ts';
import { keys } from './keys.ts';
import { candidateMessage, findMessageCandidate } from './outbox.ts';
import { countHit, findLock, setLock } from './rateLimit.ts';
import { platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';

const findCertificate = async (code: string): Promise<StoredCertificate | undefined> => {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.certificate(code) }));
  return Item ? certificateFromItem(Item) : undefined;
};

/** What anyone may learn from a code: no more than the public contract. */
const publicView = (c: StoredCertificate) => ({
  code: c.code,
  certification: c.certification as 'clea' | 'clea-numerique',
  status: c.status,
  issuedOn: c.issuedOn,
  ...(c.revokedOn ? { revokedOn: c.revokedOn } : {}),
  region: regionOf(c.region),
  holder: {
    firstName: c.holder.firstName,
    lastInitial: c.holder.lastInitial ?? lastInitialOf(c.holder.lastName ?? ''),
  },
});

/**
 * The holder's name confirmed by someone who knows it (case and accents ignored): the answer says
 * whether the last name matches, nothing else (no birth date or other field takes part). Each
 * attempt counts against the code before anything is compared; a code with too many attempts or
 * misses is refused for a while (`confirmation_locked`, holderConfirmation.ts). Once the holder's
 * data was erased there is no last name left to compare: the answer says so (`holder_erased`)
 * rather than a misleading "no match"; the certificate itself still verifies.
 */
const confirmHolder = async ({
  certificate: c,
  lastName,
  now,
}: {
  certificate: StoredCertificate;
  lastName: string;
  now: Date;
}): Promise<{ match: boolean; fullName?: string; reason?: 'holder_erased' }> => {
  if (!c.holder.lastName) return { match: false, reason: 'holder_erased' };
  const { perCode, missWindowSeconds } = CONFIRMATION_LIMITS;
  const attempts = await countHit({
    bucket: 'confirm-code',
    client: c.code,
    windowSeconds: perCode.windowSeconds,
    now,
  });
  enforce(
    checkConfirmationOpen({
      lockedUntil: await findLock({ bucket: 'confirm', subject: c.code }),
      codeAttempts: attempts.hits,
      codeWindowEnd: attempts.windowEnd,
      now,
    }),
  );
  if (holderNameMatches(lastName, c.holder.lastName)) {
    return { match: true, fullName: `${c.holder.firstName} ${c.holder.lastName}` };
  }
  const misses = await countHit({
    bucket: 'confirm-miss',
    client: c.code,
    windowSeconds: missWindowSeconds,
    now,
  });
  const lockedUntil = lockAfterMiss({ misses: misses.hits, now });
  if (lockedUntil) await setLock({ bucket: 'confirm', subject: c.code, lockedUntil });
  return { match: false };
};

/**
 * The holder's full identity, for a document naming them (the PDF, an Open Badges credential).
 * Gone once the candidate's data was erased: the code still verifies, nothing names them any more.
 */
const holderOf = (c: StoredCertificate): { firstName: string; lastName: string; birthDate: string } => {
  enforce(canNameHolder(c));
  return {
    firstName: c.holder.firstName,
    lastName: c.holder.lastName as string,
    birthDate: c.holder.birthDate as string,
  };
};

/**
 * The organisms of a certificate's dossier. Read even from what remains of an erased dossier (its
 * organisms are among the fields kept for statistics), so its certificate stays within them.
 */
const dossierOrganismsOf = async (c: StoredCertificate) => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.dossier(platformScopeFor(c.tenantId), c.dossierId),
      ProjectionExpression: 'organismId, trainingOrganismId',
    }),
  );
  return {
    organismId: typeof Item?.organismId === 'string' ? Item.organismId : undefined,
    trainingOrganismId: typeof Item?.trainingOrganismId === 'string' ? Item.trainingOrganismId : null,
  };
};

/**
 * A certificate as the caller may see it: the national admin any, a network its own, organism-bound
 * staff only a certificate of a dossier of their organisms (reachesDossierRecord); any other is not
 * found. Every route reaching a dossier's data through a certificate (the register entry, its PDF,
 * its credential, a paper copy) reads it here.
 */
const getCertificateFor = async (principal: Principal, code: string): Promise<StoredCertificate> => {
  const certificate = await findCertificate(code);
  if (!certificate) throw new NotFoundError('certificate');
  const organisms = needsOrganisms(principal)
    ? await dossierOrganismsOf(certificate)
    : { organismId: undefined };
  if (!reachesDossierRecord(principal, { tenantId: certificate.tenantId, ...organisms }))
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
  enforce(canRevoke(current));
  const revokedOn = ctx.clock.now().slice(0, 10);
  // The Open Badges status list learns of it in the same transaction (credentialStatus.ts).
  const statusList = statusListOnRevocation(current);
  await transact([
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: keys.certificate(code),
          UpdateExpression: 'SET #status = :revoked, revokedOn = :on, revocationReason = :reason',
          ConditionExpression: `#status = :valid AND ${statusList.condition}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':valid': 'valid',
            ':on': revokedOn,
            ':reason': reason,
            ...statusList.values,
          },
        },
      },
      onConditionFailed: (existing) =>
        violationOf(existing?.status === 'revoked' ? alreadyRevoked : certificateChanged),
    },
    ...statusList.items,
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'certificate.revoked',
      entity: { type: 'certificate', id: code },
      summary: reason,
    }),
  ]);
  return { ...current, status: 'revoked', revokedOn, revocationReason: reason };
};

/**
 * Requests a paper copy (the network, for its certificate). A new request is possible once the
 * previous one was sent (a lost letter), not while one is being processed.
 */
const requestPaperCopy = async (
  ctx: WriteContext,
  certificate: StoredCertificate,
  recipient: PaperCopyRecipient,
): Promise<StoredCertificate> => {
  const paperCopy: PaperCopy = {
    status: 'requested',
    recipient,
    requestedAt: ctx.clock.now(),
    requestedBy: ctx.principal.userId,
  };
  const queue = keys.paperCopyQueue('requested', paperCopy.requestedAt, certificate.code);
  await transact([
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: keys.certificate(certificate.code),
          UpdateExpression: 'SET paperCopy = :copy, gsi4pk = :queue, gsi4sk = :order',
          ConditionExpression: 'attribute_not_exists(paperCopy) OR paperCopy.#status = :sent',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':copy': paperCopy,
            ':sent': 'sent',
            ':queue': queue.gsi4pk,
            ':order': queue.gsi4sk,
          },
        },
      },
      onConditionFailed: () => violationOf(paperCopyPending),
    },
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'certificate.paper_copy_requested',
      entity: { type: 'certificate', id: certificate.code },
    }),
  ]);
  return { ...certificate, paperCopy };
};

/**
 * Where a paper copy request starts from: the holder's name and the postal code and commune of the
 * dossier's candidate, read here so the browser never needs the candidate record. The candidate
 * record keeps no street line, so it is left for staff to type (they may change every field).
 */
const paperCopyRecipientFor = async (certificate: StoredCertificate): Promise<PaperCopyRecipient> => {
  const scope = platformScopeFor(certificate.tenantId);
  const { Item: dossier } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.dossier(scope, certificate.dossierId),
      ProjectionExpression: 'candidateId',
    }),
  );
  const { Item: candidate } =
    typeof dossier?.candidateId === 'string'
      ? await db().send(
          new GetCommand({
            TableName: tableName(),
            Key: keys.candidate(scope, dossier.candidateId),
            ProjectionExpression: 'firstName, lastName, postalCode, city',
          }),
        )
      : { Item: undefined };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const holder = certificate.holder;
  return {
    name: candidate
      ? `${text(candidate.firstName)} ${text(candidate.lastName)}`.trim()
      : `${holder.firstName} ${holder.lastName ?? ''}`.trim(),
    addressLine: '',
    postalCode: text(candidate?.postalCode),
    city: text(candidate?.city),
  };
};

/**
 * The holder's "paper copy sent" email, to append to the move to `sent`: to the dossier's candidate
 * if they are still on record and gave an address (candidateMessage decides), the town only. Keyed by
 * the request: a copy requested again after a lost letter is a new sending, told again.
 */
const paperCopySentMessage = async (ctx: WriteContext, certificate: StoredCertificate, copy: PaperCopy) => {
  const scope = platformScopeFor(certificate.tenantId);
  const { Item: dossier } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.dossier(scope, certificate.dossierId),
      ProjectionExpression: 'candidateId',
    }),
  );
  const candidate =
    typeof dossier?.candidateId === 'string'
      ? await findMessageCandidate(scope, dossier.candidateId)
      : undefined;
  if (!candidate) return [];
  return candidateMessage({
    scope,
    candidate,
    dossierId: certificate.dossierId,
    eventKey: `certificate.paper_copy_sent:${certificate.code}:${copy.requestedAt}`,
    now: ctx.clock.instant(),
    content: {
      template: NotificationTemplate.PAPER_COPY_SENT,
      certification: certificate.certification as 'clea' | 'clea-numerique',
      sentOn: ctx.clock.today(certificate.region),
      town: copy.recipient?.city.trim() || null,
    },
  });
};

/**
 * The national body moves a paper copy along: requested → printed → sent, or back from printed to
 * requested (the print is undone) until it is sent. The state read is checked again in the write;
 * the move to sent queues the holder's email in the same transaction (nothing on the other moves).
 */
const advancePaperCopy = async (
  ctx: WriteContext,
  code: string,
  to: PaperCopyState,
): Promise<StoredCertificate> => {
  const current = await findCertificate(code);
  if (!current) throw new NotFoundError('certificate');
  const from = current.paperCopy?.status;
  const action: PaperCopyAction = to === 'requested' ? 'unprint' : to === 'printed' ? 'print' : 'send';
  enforce(paperCopyTransition(from, action));
  const at = ctx.clock.now();
  const { printedAt: _printedAt, ...copy } = current.paperCopy as PaperCopy;
  const paperCopy: PaperCopy =
    action === 'unprint'
      ? { ...copy, status: 'requested' }
      : {
          ...(current.paperCopy as PaperCopy),
          status: to,
          ...(to === 'printed' ? { printedAt: at } : { sentAt: at }),
        };
  const messages = action === 'send' ? await paperCopySentMessage(ctx, current, paperCopy) : [];
  await transact([
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: keys.certificate(code),
          // The queue index only holds copies still to process.
          UpdateExpression:
            to === 'sent'
              ? 'SET paperCopy = :copy REMOVE gsi4pk, gsi4sk'
              : 'SET paperCopy = :copy, gsi4pk = :queue',
          ConditionExpression: 'paperCopy.#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':copy': paperCopy,
            ':from': from,
            ...(to === 'sent'
              ? {}
              : { ':queue': keys.paperCopyQueue(to, paperCopy.requestedAt, code).gsi4pk }),
          },
        },
      },
      onConditionFailed: () => violationOf(paperCopyChanged),
    },
    auditPut((a, id) => keys.platformAudit(a, id), ctx, {
      action: action === 'unprint' ? 'certificate.paper_copy_unprinted' : `certificate.paper_copy_${to}`,
      entity: { type: 'certificate', id: code },
    }),
    ...messages,
  ]);
  return { ...current, paperCopy };
};

/** Paper copies waiting at a step (gsi4 "paperCopiesByStatus"), oldest first. */
const listPaperCopies = async (status: 'requested' | 'printed') => {
  const result = await db().send(new QueryCommand(paperCopiesQuery(status)));
  return (result.Items ?? []).map(certificateFromItem);
};

export {
  advancePaperCopy,
  confirmHolder,
  findCertificate,
  getCertificateFor,
  holderOf,
  listPaperCopies,
  publicView,
  paperCopyRecipientFor,
  requestPaperCopy,
  revokeCertificate,
};
