/**
 * Candidates (`T#<t>#C#<id>`) and dossiers (`T#<t>#D#<id>`). A dossier's item collection also holds
 * its audit trail (and, later, its grids and plans). Listing goes through gsi1..gsi3.
 */
import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  CURRENT_CONSENT_TEXT_VERSION,
  DossierAction,
  EXPIRABLE,
  ForbiddenError,
  NotFoundError,
  asOfToday,
  canOpenWith,
  canReachDossier,
  canWithdraw,
  duplicateId,
  duplicateOpening,
  enforce,
  foldForSearch,
  habilitationAllows,
  nextStatus,
  normalisedIdentity,
  regionToday,
  violationOf,
  workingTimeAllowed,
} from '@socle/domain';
import type {
  Candidate,
  Dossier,
  DossierListQuery,
  DossierOpen,
  DossierStatus,
  DossierUpdate,
  ExistingDossier,
  IdentityOptions,
  RuleCode,
  Verdict,
} from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import { ulid } from 'ulid';
import { auditPut, listAuditEvents } from './audit.ts';
import type { AuditInput, WriteContext } from './audit.ts';
import { db } from './client.ts';
import { counterUpdateFor } from './counters.ts';
import { dormancyAttributes, dormancyChange, dormancyItems } from './dormantCandidates.ts';
import { dossierListSpec, listedDossier } from './dossierList.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { keys } from './keys.ts';
import { readListPage } from './listQuery.ts';
import { getOrganism, organismCheck } from './organisms.ts';
import { candidateMessage } from './outbox.ts';
import { findCurrentReferentielId } from './referentiels.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import type { TenantActor, TenantReach, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { getTenant, habilitationCheck } from './tenants.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';
import { candidateRecordFromItem } from './entities/candidate.ts';
import { dossierFromItem } from './entities/dossier.ts';

interface DossierDetail {
  dossier: Dossier;
  candidate: Candidate;
}

const dossierItem = (scope: TenantScope, dossier: Dossier) => ({
  ...keys.dossier(scope, dossier.id),
  ...keys.dossierIndexes(scope, dossier),
  ...(dossier.deadline && EXPIRABLE.includes(dossier.status)
    ? keys.deadlineIndex(scope, dossier.id, dossier.deadline)
    : {}),
  itemType: 'Dossier',
  // Folded "last first" name: the list's text search compares against it.
  searchName: foldForSearch(`${dossier.candidate.lastName} ${dossier.candidate.firstName}`),
  ...dossier,
});

const candidateItem = (scope: TenantScope, candidate: Candidate, version: number) => ({
  ...keys.candidate(scope, candidate.id),
  itemType: 'Candidate',
  version,
  ...candidate,
});

const dossierAuditOf = (scope: TenantScope, dossierId: string) => (at: string, id: string) =>
  keys.dossierAudit(scope, dossierId, at, id);

/**
 * The items every audited event of a dossier writes: its audit event and, when the event is
 * counted (SPEC §6), the monitoring counter increments, in the caller's transaction.
 */
const dossierEventItems = (scope: TenantScope, ctx: WriteContext, dossier: Dossier, audit: AuditInput) => [
  auditPut(dossierAuditOf(scope, dossier.id), ctx, audit),
  ...counterUpdateFor(scope, dossier, {
    action: audit.action,
    at: ctx.clock.now(),
    toStatus: audit.toStatus,
  }),
];

/**
 * The network's habilitation, checked by DynamoDB in the write's own transaction (SPEC §3: every
 * write of its dossiers, not only the opening), on the dossier's certification and region.
 */
const dossierHabilitation = (scope: TenantScope, ctx: WriteContext, dossier: Dossier) =>
  habilitationCheck(scope.tenantId, {
    certification: dossier.certification,
    region: dossier.region,
    now: ctx.clock.instant(),
  });

/**
 * The key of a person within the network: a hash of the normalised identity, salted with the
 * network, so that the index holds neither a name nor a birth date.
 */
const identityHashOf = (scope: TenantScope, identity: IdentityOptions) =>
  createHash('sha256')
    .update(`${scope.tenantId}|${normalisedIdentity(identity)}`)
    .digest('base64url');

interface KnownDossier extends ExistingDossier {
  openedAt: string;
  certification: string;
}

/** The network's dossiers of a person (same normalised identity): one index query, one batch read. */
const dossiersOfIdentity = async (
  { scope, clock }: Pick<TenantActor, 'scope' | 'clock'>,
  identity: IdentityOptions,
): Promise<KnownDossier[]> => {
  const source = keys.dossiersByIdentity(scope, identityHashOf(scope, identity));
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: source.index,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': source.pk },
      ProjectionExpression: 'dossierId',
    }),
  );
  const ids = (page.Items ?? []).map((i) => String(i.dossierId));
  const now = clock.instant();
  return (await batchGetDossiers(scope, ids)).map((d) => ({
    dossierId: d.id,
    status: asOfRegionToday(d, now).status,
    openedAt: d.openedAt,
    certification: d.certification,
  }));
};

const openDossier = async (
  actor: TenantActor,
  input: DossierOpen,
  idempotency?: IdempotencyRequest,
): Promise<DossierDetail> => {
  const { scope } = actor;
  const ctx = actor;
  const { organismId } = input.dossier;
  if (!ctx.principal.organisms.includes(organismId)) {
    throw new ForbiddenError("vous n'êtes pas rattaché à cet organisme");
  }
  const [tenant, organism, referentielId] = await Promise.all([
    getTenant(scope.tenantId),
    getOrganism(scope, organismId),
    findCurrentReferentielId(input.dossier.certification),
  ]);
  enforce(
    habilitationAllows({
      tenant,
      certification: input.dossier.certification,
      region: organism.region,
      today: ctx.clock.today(organism.region),
    }),
  );
  enforce(canOpenWith(referentielId));
  const existing = await dossiersOfIdentity(actor, input.candidate);
  const duplicate = duplicateOpening({ existing, confirmed: input.confirmDuplicate === true });
  if (!duplicate.ok) {
    // The UI shows these dossiers (links) and asks before sending the opening again, confirmed.
    throw violationOf(duplicate, { existingDossiers: existing });
  }
  const now = ctx.clock.now();
  const candidate: Candidate = { id: ulid(ctx.clock.instant().getTime()), ...input.candidate };
  const { consent: _given, ...path } = input.dossier;
  const dossier: Dossier = {
    id: ulid(ctx.clock.instant().getTime()),
    candidateId: candidate.id,
    candidate: {
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthDate: candidate.birthDate,
    },
    ...path,
    region: organism.region,
    advisorId: ctx.principal.userId,
    status: 'opened',
    consent: { givenAt: now, textVersion: CURRENT_CONSENT_TEXT_VERSION, recordedBy: ctx.principal.userId },
    openedAt: now,
    statusChangedAt: now,
    referentielId: referentielId as string, // enforced by canOpenWith above
    trainingOrganismId: organism.capabilities.includes('training') ? organism.id : null,
    acquiredCriteria: [],
    evaluatorIds: [],
    trainerIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const detail = { dossier, candidate };
  // A new candidate with an open dossier: not dormant, no entry in gsi4 "dormantCandidates".
  await transact([
    dossierHabilitation(scope, ctx, dossier),
    organismCheck(scope, organismId, 'evaluation', 'dossier.organismId'),
    putNew(candidateItem(scope, candidate, 1), () => violationOf(duplicateId)),
    putNew(dossierItem(scope, dossier), () => violationOf(duplicateId)),
    putNew(
      {
        ...keys.candidateDossier(scope, candidate.id, dossier.id),
        ...keys.dossierIdentity(scope, identityHashOf(scope, candidate), dossier.id),
        itemType: 'CandidateDossier',
        dossierId: dossier.id,
      },
      () => violationOf(duplicateId),
    ),
    ...dossierEventItems(scope, ctx, dossier, {
      action: 'dossier.opened',
      entity: { type: 'dossier', id: dossier.id },
      toStatus: 'opened',
    }),
    // The candidate's email (SPEC §5b), queued with the opening: no opening, no message.
    ...candidateMessage({
      scope,
      candidate,
      dossierId: dossier.id,
      eventKey: `dossier.opened:${dossier.id}`,
      now: ctx.clock.instant(),
      content: {
        template: NotificationTemplate.DOSSIER_OPENED,
        certification: dossier.certification,
        organismName: organism.name,
        openedOn: ctx.clock.today(organism.region),
        consentTextVersion: CURRENT_CONSENT_TEXT_VERSION,
      },
    }),
    ...(idempotency
      ? [idempotencyPut(idempotency, { statusCode: 201, body: detail }, ctx.clock.instant())]
      : []),
  ]);
  return detail;
};

/** A dossier as it stands on its region's day (the 5-year deadline is a day in the region). */
const asOfRegionToday = (dossier: Dossier, now: Date): Dossier =>
  asOfToday(dossier, regionToday(dossier.region, now));

/**
 * The stored dossier; what remains of an erased one (data protection: statistics fields only, see
 * erasure.ts) is not a dossier any more and reads as not found.
 */
const findDossier = async (scope: TenantScope, dossierId: string): Promise<Dossier | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.dossier(scope, dossierId), ConsistentRead: true }),
  );
  return Item && !Item.erasedAt ? dossierFromItem(Item) : undefined;
};

/**
 * A dossier visible to the caller, as it stands today (past its deadline it reads as expired).
 * Organism-bound staff only reach dossiers evaluated or trained in one of their organisms.
 */
const getDossier = async (
  scope: TenantScope,
  dossierId: string,
  organisms: string[] | undefined,
  /** The reader's instant (its actor's clock): past its deadline a dossier reads as expired. */
  now: Date,
): Promise<Dossier> => {
  const dossier = await findDossier(scope, dossierId);
  if (!dossier || !canReachDossier(organisms, dossier)) throw new NotFoundError('dossier');
  return asOfRegionToday(dossier, now);
};

const getDossierDetail = async (
  { scope, organisms, clock }: TenantReach,
  dossierId: string,
): Promise<DossierDetail> => {
  const dossier = await getDossier(scope, dossierId, organisms, clock.instant());
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.candidate(scope, dossier.candidateId) }),
  );
  if (!Item) throw new NotFoundError('candidate');
  const candidate = candidateRecordFromItem(Item);
  return { dossier, candidate };
};

/**
 * Lists dossiers, newest (or oldest) first: one page of the list `dossierListSpec` describes, with a
 * cursor only when another dossier follows (see `readListPage`).
 */
const listDossiers = async (actor: TenantActor, query: DossierListQuery) => {
  const page = await readListPage(dossierListSpec(actor, query), query);
  const now = actor.clock.instant();
  return { items: page.items.map((i) => listedDossier(dossierFromItem(i), now)), cursor: page.cursor };
};

/** Fetches the dossiers of a list of ids in one round trip (used by later agendas and exports). */
const batchGetDossiers = async (scope: TenantScope, ids: string[]): Promise<Dossier[]> => {
  if (ids.length === 0) return [];
  const result = await db().send(
    new BatchGetCommand({
      RequestItems: { [tableName()]: { Keys: ids.map((id) => keys.dossier(scope, id)) } },
    }),
  );
  return (result.Responses?.[tableName()] ?? []).filter((i) => !i.erasedAt).map(dossierFromItem);
};

interface TransitionOptions {
  action: DossierAction;
  version: number;
  target?: DossierStatus;
  /** Fields set along with the new status (e.g. the withdrawal reason). */
  patch?: Partial<Dossier>;
  summary?: string;
  /** Extra items written atomically with the transition (grids, plans, counters). */
  extraItems?: GuardedItem[];
  /** A jury's decision applies even if the network was suspended since (juries are independent). */
  ignoreSuspension?: boolean;
  /** The dossier as the caller just read it with `findDossier` (saves a read; the version still guards). */
  stored?: Dossier;
  /**
   * The day the action counts as done, when not today: an evaluation submitted after the 5-year
   * deadline but carried out before it completes (SPEC §3.4).
   */
  asOf?: string;
}

/** Moves a dossier through the state machine, audited, in one transaction. */
const transitionDossier = async (
  actor: TenantActor,
  dossierId: string,
  options: TransitionOptions,
): Promise<Dossier> => {
  const { scope, organisms } = actor;
  const ctx = actor;
  const stored = options.stored ?? (await findDossier(scope, dossierId));
  if (!stored || !canReachDossier(organisms, stored)) throw new NotFoundError('dossier');
  // Past its deadline a dossier is expired for every action but the sweep's own `expire`.
  const current =
    options.action === DossierAction.EXPIRE
      ? stored
      : asOfToday(stored, options.asOf ?? ctx.clock.today(stored.region));
  assertVersion('dossier', current, options.version);
  const status = nextStatus({ current: current.status, action: options.action, target: options.target });
  const now = ctx.clock.now();
  const next: Dossier = {
    ...current,
    ...options.patch,
    status,
    statusChangedAt: now,
    version: current.version + 1,
    updatedAt: now,
  };
  const audit: AuditInput = {
    action: `dossier.${options.action}`,
    entity: { type: 'dossier', id: dossierId },
    fromStatus: current.status,
    toStatus: status,
    summary: options.summary,
  };
  await transact([
    ...(options.ignoreSuspension ? [] : [dossierHabilitation(scope, ctx, next)]),
    putVersioned('dossier', dossierItem(scope, next), current.version),
    ...dossierEventItems(scope, ctx, next, audit),
    ...(options.extraItems ?? []),
    ...(await dormancyItems(scope, next, stored)),
  ]);
  return next;
};

/** Writes a changed dossier (no state change) with its audit event and related items, atomically. */
const saveDossier = async (
  scope: TenantScope,
  ctx: WriteContext,
  current: Dossier,
  patch: Partial<Dossier>,
  audit: Omit<AuditInput, 'entity'>,
  extraItems: GuardedItem[] = [],
): Promise<Dossier> => {
  const now = ctx.clock.now();
  const next: Dossier = { ...current, ...patch, version: current.version + 1, updatedAt: now };
  await transact([
    dossierHabilitation(scope, ctx, next),
    putVersioned('dossier', dossierItem(scope, next), current.version),
    ...dossierEventItems(scope, ctx, next, { ...audit, entity: { type: 'dossier', id: current.id } }),
    ...extraItems,
    ...(await dormancyItems(scope, next, current)),
  ]);
  return next;
};

/**
 * Records that the portefeuille de compétences of the dossier's latest evaluation was issued (its
 * first download), audited and counted; later downloads of the same evaluation's portfolio record
 * nothing, a new evaluation's portfolio is a new issuance.
 * Not refused for a suspended network: handing a candidate their portfolio is not a change of path.
 */
const recordPortfolioIssued = async (actor: TenantActor, dossierId: string): Promise<void> => {
  const { scope } = actor;
  const ctx = actor;
  // The stored record, not the "as of today" view: this write must not persist a computed expiry.
  const dossier = await findDossier(scope, dossierId);
  const evaluatedOn = dossier?.lastEvaluatedOn;
  // Dossiers evaluated before evaluations were identified on the dossier fall back to the date.
  const evaluation = dossier?.lastEvaluationId ?? evaluatedOn;
  if (!dossier || !evaluation || dossier.portfolioIssuedFor === evaluation) return;
  const now = ctx.clock.now();
  const next: Dossier = {
    ...dossier,
    portfolioIssuedFor: evaluation,
    version: dossier.version + 1,
    updatedAt: now,
  };
  await transact([
    putVersioned('dossier', dossierItem(scope, next), dossier.version),
    ...dossierEventItems(scope, ctx, next, {
      action: 'dossier.portfolio_issued',
      entity: { type: 'dossier', id: dossier.id },
      summary: `évaluation du ${evaluatedOn}`,
    }),
    // A portfolio issued after the dossier closed is an activity: the retention runs from it.
    ...(await dormancyItems(scope, next, dossier)),
  ]);
};

/** The error `enforce` throws for a refusal, returned (a transaction's failed condition hands it back). */
const refusalError = (verdict: Verdict<RuleCode>): Error => {
  try {
    enforce(verdict);
  } catch (error) {
    return error as Error;
  }
  return new Error('allowed verdict has no error');
};

/** The region's pipeline entry of a dossier submitted to the jury (undefined when it is not there). */
const findPipelineEntry = async (dossier: Dossier) => {
  if (!dossier.submittedToJuryAt) return undefined;
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.pipelineEntry(dossier.region, dossier.id),
      ConsistentRead: true,
    }),
  );
  return Item as { sessionId?: string } | undefined;
};

/**
 * The candidate stops. A dossier waiting for the jury leaves the region's pipeline in the same
 * transaction, on condition that no session took it meanwhile (SPEC §3; the secretary takes a
 * dossier off an agenda first).
 */
const withdrawDossier = async (
  actor: TenantActor,
  dossierId: string,
  input: { version: number; reason: string },
) => {
  const { scope, organisms } = actor;
  const current = await findDossier(scope, dossierId);
  if (!current || !canReachDossier(organisms, current)) throw new NotFoundError('dossier');
  const entry = await findPipelineEntry(current);
  enforce(canWithdraw({ status: current.status, agendaSessionId: entry?.sessionId }));
  const pipelineRemoval: GuardedItem[] = current.submittedToJuryAt
    ? [
        {
          item: {
            Delete: {
              TableName: tableName(),
              Key: keys.pipelineEntry(current.region, dossierId),
              ConditionExpression: 'attribute_not_exists(sessionId)',
            },
          },
          // A secretary put it on a session's agenda since our read.
          onConditionFailed: (stored) =>
            refusalError(canWithdraw({ status: current.status, agendaSessionId: String(stored?.sessionId) })),
        },
      ]
    : [];
  return transitionDossier(actor, dossierId, {
    action: DossierAction.WITHDRAW,
    version: input.version,
    stored: current,
    // The reason stays on the dossier (erased with it), not in the audit trail: it is free text
    // about the candidate, and audit events are never erased. Out of the pipeline, a reopened
    // dossier is presented to the jury again like any eligible one.
    patch: {
      statusBeforeWithdrawal: current.status,
      withdrawalReason: input.reason,
      submittedToJuryAt: undefined,
    },
    extraItems: pipelineRemoval,
  });
};

const reopenDossier = async (actor: TenantActor, dossierId: string, input: { version: number }) => {
  const current = await getDossier(actor.scope, dossierId, actor.organisms, actor.clock.instant());
  return transitionDossier(actor, dossierId, {
    action: DossierAction.REOPEN,
    version: input.version,
    target: current.statusBeforeWithdrawal,
    patch: { statusBeforeWithdrawal: undefined, withdrawalReason: undefined },
  });
};

/** Edits path details and the candidate's contact data; versioned on the dossier. */
const updateDossier = async (
  actor: TenantActor,
  dossierId: string,
  input: DossierUpdate,
): Promise<DossierDetail> => {
  const { scope } = actor;
  const ctx = actor;
  const { dossier: current, candidate } = await getDossierDetail(actor, dossierId);
  assertVersion('dossier', current, input.version);
  const { version: _v, candidate: contact, ...path } = input;
  const now = ctx.clock.now();
  const next: Dossier = { ...current, ...path, version: current.version + 1, updatedAt: now };
  enforce(workingTimeAllowed(next));
  const nextCandidate: Candidate = { ...candidate, ...contact };
  const changed = [...Object.keys(path), ...Object.keys(contact ?? {}).map((k) => `candidate.${k}`)];
  // The candidate item is rewritten whole: it carries its dormancy entry (an edit of a closed
  // dossier is an activity, from which the retention runs again).
  const dormancy = await dormancyChange(scope, next, current);
  const entry = dormancy ? dormancy.entry : null;
  await transact([
    dossierHabilitation(scope, ctx, next),
    putVersioned('dossier', dossierItem(scope, next), current.version),
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: {
            ...candidateItem(scope, nextCandidate, next.version),
            ...dormancyAttributes(scope, nextCandidate.id, entry),
          },
        },
      },
    },
    ...(dormancy?.guards ?? []),
    auditPut(dossierAuditOf(scope, dossierId), ctx, {
      action: 'dossier.updated',
      entity: { type: 'dossier', id: dossierId },
      summary: changed.join(', '),
    }),
  ]);
  return { dossier: next, candidate: nextCandidate };
};

const listDossierAudit = async (
  { scope, organisms, clock }: TenantActor,
  dossierId: string,
  page: { cursor?: string; limit: number },
) => {
  await getDossier(scope, dossierId, organisms, clock.instant());
  return listAuditEvents({ ...keys.dossierAuditTrail(scope, dossierId), ...page });
};

export type { DossierDetail, TransitionOptions };
export {
  identityHashOf,
  dossierAuditOf,
  dossierHabilitation,
  dossierItem as dossierItemOf,
  saveDossier,
  batchGetDossiers,
  findDossier,
  getDossier,
  getDossierDetail,
  listDossierAudit,
  listDossiers,
  openDossier,
  recordPortfolioIssued,
  reopenDossier,
  transitionDossier,
  updateDossier,
  withdrawDossier,
};
