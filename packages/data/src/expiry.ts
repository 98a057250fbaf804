/**
 * The expiry sweep: persists `expired` on dossiers whose deadline has passed (reads already show it),
 * and reminds candidates 6 and 1 months before their deadline (SPEC §5b). Both read the sparse
 * deadline index month by month, never the whole table.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DossierAction,
  EXPIRABLE,
  InvalidTransitionError,
  RuleViolationError,
  VersionConflictError,
  addMonths,
  clockAt,
  systemActor,
} from '@socle/domain';
import type { Dossier, Principal } from '@socle/domain';
import {
  DEADLINE_REMINDER_MONTHS,
  NotificationTemplate,
  dueDeadlineReminder,
  reminderWindow,
} from '@socle/domain/notifications';
import type { ReminderThreshold } from '@socle/domain/notifications';
import { db } from './client.ts';
import { transitionDossier } from './dossiers.ts';
import { keys } from './keys.ts';
import { findOrganism } from './organisms.ts';
import { candidateMessage, findMessageCandidate, outboxKeys } from './outbox.ts';
import { platformScopeFor } from './scope.ts';
import type { TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { dossierFromItem } from './entities/dossier.ts';

/** The sweep acts as the platform; its audit events name it. */
const SWEEPER: Principal = {
  userId: 'system:expiry-sweep',
  name: 'Échéance automatique',
  roles: [],
  organisms: [],
};

interface SweepResult {
  examined: number;
  expired: number;
  skipped: number;
}

/** Expires every dossier whose deadline is before `today`, looking back `monthsBack` months. */
const sweepExpiredDossiers = async ({
  today,
  monthsBack = 24,
  now = new Date(),
}: {
  today: string;
  monthsBack?: number;
  now?: Date;
}) => {
  const result: SweepResult = { examined: 0, expired: 0, skipped: 0 };
  for (let m = -monthsBack; m <= 0; m++) {
    const month = addMonths(`${today.slice(0, 7)}-01`, m).slice(0, 7);
    const { index, pk } = keys.deadlinesOfMonth(month);
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :today',
          ExpressionAttributeValues: { ':pk': pk, ':today': today },
          ProjectionExpression: 'id, version, gsi4sk',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        result.examined++;
        const [, tenantId, dossierId] = String(item.gsi4sk).split('#') as [string, string, string];
        try {
          await transitionDossier(
            systemActor(SWEEPER, platformScopeFor(tenantId), {
              requestId: 'expiry-sweep',
              clock: clockAt(now),
            }),
            dossierId,
            {
              action: DossierAction.EXPIRE,
              version: item.version as number,
              summary: 'délai de 5 ans dépassé',
            },
          );
          result.expired++;
        } catch (error) {
          // Changed meanwhile, no longer expirable, or its network is suspended: reads already show
          // it expired, and a later sweep persists it.
          if (
            error instanceof VersionConflictError ||
            error instanceof InvalidTransitionError ||
            error instanceof RuleViolationError
          ) {
            result.skipped++;
          } else throw error;
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return result;
};

interface ReminderResult {
  examined: number;
  /** Reminders recorded (a marker each); `queued` of them had an address to send to. */
  reminded: number;
  queued: number;
  skipped: number;
}

type IndexedDossier = Dossier & { gsi4sk: string };

/** The dossiers whose deadline falls in `[from, to]` (days), through the deadline index. */
const dossiersWithDeadlineIn = async (from: string, to: string): Promise<IndexedDossier[]> => {
  const found: IndexedDossier[] = [];
  const months = new Set([from.slice(0, 7), to.slice(0, 7)]);
  for (const month of months) {
    const { index, pk } = keys.deadlinesOfMonth(month);
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `${to}#\uffff` },
          ExclusiveStartKey: startKey,
        }),
      );
      found.push(...(page.Items ?? []).map((i) => ({ ...dossierFromItem(i), gsi4sk: String(i.gsi4sk) })));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return found;
};

/** The thresholds already reminded for each dossier's current deadline (markers, batches of 100). */
const sentReminders = async (dossiers: readonly { tenantId: string; dossier: Dossier }[]) => {
  const wanted = dossiers.flatMap(({ tenantId, dossier }) =>
    DEADLINE_REMINDER_MONTHS.map((months) =>
      outboxKeys.deadlineReminder(platformScopeFor(tenantId), dossier.id, dossier.deadline ?? '', months),
    ),
  );
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: wanted.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) found.add(`${item.pk}|${item.sk}`);
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return (tenantId: string, dossier: Dossier) =>
    DEADLINE_REMINDER_MONTHS.filter((months) => {
      const key = outboxKeys.deadlineReminder(
        platformScopeFor(tenantId),
        dossier.id,
        dossier.deadline ?? '',
        months,
      );
      return found.has(`${key.pk}|${key.sk}`);
    });
};

/**
 * The reminder's transaction: its marker (one per dossier, deadline and threshold: never twice), the
 * candidate's message, and a check that the dossier still has this deadline and can still expire.
 */
const remind = async (
  scope: TenantScope,
  dossier: Dossier & { deadline: string },
  months: ReminderThreshold,
  now: Date,
): Promise<'queued' | 'recorded' | 'skipped'> => {
  const [candidate, organism] = await Promise.all([
    findMessageCandidate(scope, dossier.candidateId),
    findOrganism(scope, dossier.trainingOrganismId ?? dossier.organismId),
  ]);
  // Erased meanwhile: nobody to remind.
  if (!candidate) return 'skipped';
  const statuses = Object.fromEntries(EXPIRABLE.map((status, i) => [`:s${i}`, status]));
  const message = candidateMessage({
    scope,
    candidate,
    dossierId: dossier.id,
    eventKey: `deadline_approaching:${scope.tenantId}:${dossier.id}:${dossier.deadline}:${months}`,
    content: {
      template: NotificationTemplate.DEADLINE_APPROACHING,
      certification: dossier.certification,
      organismName: organism?.name ?? 'votre organisme',
      deadline: dossier.deadline,
      monthsLeft: months,
    },
    now,
  });
  await transact([
    {
      item: {
        ConditionCheck: {
          TableName: tableName(),
          Key: keys.dossier(scope, dossier.id),
          ConditionExpression: `deadline = :deadline AND #status IN (${Object.keys(statuses).join(', ')}) AND attribute_not_exists(erasedAt)`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':deadline': dossier.deadline, ...statuses },
        },
      },
    },
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: {
            ...outboxKeys.deadlineReminder(scope, dossier.id, dossier.deadline, months),
            itemType: 'DeadlineReminder',
            months,
            deadline: dossier.deadline,
            remindedAt: now.toISOString(),
            messageQueued: message.length > 0,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    ...message,
  ]);
  return message.length > 0 ? 'queued' : 'recorded';
};

/**
 * Reminds candidates whose deadline is 6 or 1 months away (a week late at most, if a sweep did not
 * run): one message per dossier, deadline and threshold, never twice, none for a dossier that can no
 * longer expire. Safe to run again the same day.
 */
const sendDeadlineReminders = async ({ today, now = new Date() }: { today: string; now?: Date }) => {
  const result: ReminderResult = { examined: 0, reminded: 0, queued: 0, skipped: 0 };
  for (const months of DEADLINE_REMINDER_MONTHS) {
    const { from, to } = reminderWindow(today, months);
    const found = (await dossiersWithDeadlineIn(from, to)).map((dossier) => ({
      tenantId: dossier.gsi4sk.split('#')[1] as string,
      dossier,
    }));
    const sentOf = await sentReminders(found);
    for (const { tenantId, dossier } of found) {
      result.examined++;
      const due = dueDeadlineReminder({
        status: dossier.status,
        deadline: dossier.deadline,
        today,
        sent: sentOf(tenantId, dossier),
      });
      // The other threshold's pass handles a dossier due for it.
      if (due !== months || !dossier.deadline) continue;
      try {
        const outcome = await remind(
          platformScopeFor(tenantId),
          { ...dossier, deadline: dossier.deadline },
          due,
          now,
        );
        if (outcome === 'skipped') result.skipped++;
        else result.reminded++;
        if (outcome === 'queued') result.queued++;
      } catch (error) {
        // Changed meanwhile (no longer expirable, new deadline) or reminded by a concurrent sweep.
        if (error instanceof TransactionCanceledException || error instanceof RuleViolationError) {
          result.skipped++;
        } else throw error;
      }
    }
  }
  return result;
};

export type { ReminderResult, SweepResult };
export { sendDeadlineReminders, sweepExpiredDossiers };
