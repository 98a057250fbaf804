/**
 * Référentiel versions (`REF#<id>`): imported as drafts, given thresholds and limits, published.
 * A published version never changes, so readers cache it for the life of the process.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_LIMITS,
  NotFoundError,
  ReferentielDocument,
  ReferentielDraftDocument,
  ValidationError,
  allCriteria,
  canEditReferentiel,
  defaultThresholds,
  duplicateId,
  enforce,
  jsonPath,
  thresholdIssues,
  violationOf,
} from '@socle/domain';
import type { Certification, Limits, ReferentielSettingsUpdate, Thresholds } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import {
  referentielFromItem,
  referentielListingFromItem,
  referentielListingQuery,
} from './entities/referentiel.ts';
import type { ListedReferentiel, StoredReferentiel } from './entities/referentiel.ts';
import { keys } from './keys.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';

const platformAudit = (at: string, id: string) => keys.platformAudit(at, id);
const published = new Map<string, StoredReferentiel>();

const countsOf = (doc: Pick<ReferentielDocument, 'domains'>) => ({
  domains: doc.domains.length,
  subdomains: doc.domains.reduce((n, d) => n + d.subdomains.length, 0),
  criteria: allCriteria(doc).length,
});

/** Validates an imported file; every problem names its JSON path (`document.domains[2].code`). */
const parseReferentielFile = (raw: unknown, { complete }: { complete: boolean }): ReferentielDocument => {
  const result = (complete ? ReferentielDocument : ReferentielDraftDocument).safeParse(raw);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: `document.${jsonPath(issue.path)}`,
      message: issue.message,
    })),
  );
};

const referentielItem = (ref: StoredReferentiel) => ({
  ...keys.referentiel(ref.id),
  ...keys.referentielListing(ref.certification, ref.id),
  itemType: 'Referentiel',
  ...ref,
});

const importReferentiel = async (
  ctx: WriteContext,
  raw: unknown,
  idempotency?: IdempotencyRequest,
): Promise<StoredReferentiel> => {
  const doc = parseReferentielFile(raw, { complete: false });
  const now = ctx.clock.now();
  const ref: StoredReferentiel = {
    id: ulid(ctx.clock.instant().getTime()),
    certification: doc.id,
    label: doc.version,
    title: doc.title,
    status: 'draft',
    counts: countsOf(doc),
    domains: doc.domains,
    thresholds: defaultThresholds(doc),
    limits: DEFAULT_LIMITS,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    putNew(referentielItem(ref), () => violationOf(duplicateId)),
    auditPut(platformAudit, ctx, {
      action: 'referentiel.imported',
      entity: { type: 'referentiel', id: ref.id },
      summary: ref.label,
    }),
    ...(idempotency
      ? [
          idempotencyPut(
            idempotency,
            { statusCode: 201, body: { ...ref, current: false } },
            ctx.clock.instant(),
          ),
        ]
      : []),
  ]);
  return ref;
};

const getReferentiel = async (referentielId: string): Promise<StoredReferentiel> => {
  const cached = published.get(referentielId);
  if (cached) return cached;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.referentiel(referentielId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('referentiel');
  const ref = referentielFromItem(Item);
  if (ref.status === 'published') published.set(ref.id, ref);
  return ref;
};

/** The published version new dossiers of a certification are opened under, if any. */
const findCurrentReferentielId = async (certification: Certification): Promise<string | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.currentReferentiel(certification) }),
  );
  return Item?.referentielId as string | undefined;
};

const listReferentiels = async () => {
  const items: ListedReferentiel[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand(referentielListingQuery(startKey)));
    items.push(...(page.Items ?? []).map(referentielListingFromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const current = new Set(
    (
      await Promise.all(['clea', 'clea-numerique'].map((c) => findCurrentReferentielId(c as Certification)))
    ).filter(Boolean),
  );
  return items
    .map((r) => ({ ...r, current: current.has(r.id) }))
    .sort((a, b) => a.certification.localeCompare(b.certification) || b.id.localeCompare(a.id));
};

const assertDraft = (ref: StoredReferentiel) => {
  enforce(canEditReferentiel(ref));
};

const updateReferentielSettings = async (
  ctx: WriteContext,
  referentielId: string,
  input: ReferentielSettingsUpdate,
): Promise<StoredReferentiel> => {
  const current = await getReferentiel(referentielId);
  assertDraft(current);
  assertVersion('referentiel', current, input.version);
  const thresholds: Thresholds = { ...current.thresholds, ...input.thresholds };
  const issues = thresholdIssues(current, thresholds);
  if (issues.length) throw new ValidationError(issues);
  const limits: Limits = input.limits ?? current.limits;
  const next: StoredReferentiel = {
    ...current,
    thresholds,
    limits,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  await transact([
    putVersioned('referentiel', referentielItem(next), current.version),
    auditPut(platformAudit, ctx, {
      action: 'referentiel.settings_updated',
      entity: { type: 'referentiel', id: referentielId },
    }),
  ]);
  return next;
};

/** Publishing freezes the version and makes it the one new dossiers are opened under. */
const publishReferentiel = async (
  ctx: WriteContext,
  referentielId: string,
  input: { version: number },
): Promise<StoredReferentiel> => {
  const current = await getReferentiel(referentielId);
  assertDraft(current);
  assertVersion('referentiel', current, input.version);
  parseReferentielFile(
    { id: current.certification, version: current.label, title: current.title, domains: current.domains },
    { complete: true },
  );
  const issues = thresholdIssues(current, current.thresholds);
  if (issues.length) throw new ValidationError(issues);
  const now = ctx.clock.now();
  const next: StoredReferentiel = {
    ...current,
    status: 'published',
    publishedAt: now,
    version: current.version + 1,
    updatedAt: now,
  };
  await transact([
    putVersioned('referentiel', referentielItem(next), current.version),
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.currentReferentiel(current.certification),
            itemType: 'CurrentReferentiel',
            referentielId,
            since: now,
          },
        },
      },
    },
    auditPut(platformAudit, ctx, {
      action: 'referentiel.published',
      entity: { type: 'referentiel', id: referentielId },
      summary: current.label,
    }),
  ]);
  return next;
};

export type { StoredReferentiel };
export {
  findCurrentReferentielId,
  getReferentiel,
  importReferentiel,
  listReferentiels,
  parseReferentielFile,
  publishReferentiel,
  updateReferentielSettings,
};
