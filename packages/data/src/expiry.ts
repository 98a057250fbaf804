/**
 * The expiry sweep: persists `expired` on dossiers whose deadline has passed (reads already show it).
 * It reads the sparse deadline index month by month, never the whole table.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DossierAction,
  InvalidTransitionError,
  RuleViolationError,
  VersionConflictError,
  addMonths,
} from '@socle/domain';
import type { Principal } from '@socle/domain';
import { db } from './client.ts';
import { transitionDossier } from './dossiers.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';

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
            platformScopeFor(tenantId),
            { principal: SWEEPER, requestId: 'expiry-sweep', now },
            dossierId,
            undefined,
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

export type { SweepResult };
export { sweepExpiredDossiers };
