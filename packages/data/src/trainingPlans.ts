/**
 * Individual training plans (`T#<t>#D#<d>` / `PLAN#<id>`). The trainer may not be a person who
 * evaluated the candidate (same organism is allowed): enforced here, whatever the client sends.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  canBuildPlan,
  canFollowPlan,
  canRecordAttendance,
  duplicateId,
  enforce,
  isAccredited,
  trainerIndependent,
  violationOf,
} from '@socle/domain';
import type { Dossier, TrainingPlan, TrainingPlanCreate, TrainingPlanUpdate } from '@socle/domain';
import { ulid } from 'ulid';
import { db } from './client.ts';
import { getDossier, saveDossier } from './dossiers.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { keys } from './keys.ts';
import { organismCheck } from './organisms.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import type { TenantActor, TenantReach, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { getUser } from './users.ts';
import { trainingPlanFromItem } from './entities/trainingPlan.ts';

const planItem = (scope: TenantScope, plan: TrainingPlan) => ({
  ...keys.trainingPlan(scope, plan.dossierId, plan.id),
  itemType: 'TrainingPlan',
  ...plan,
});

/** Independence first, then accreditation and organism. */
const assertTrainer = async (
  { scope, principal, clock }: TenantActor,
  dossier: Dossier,
  organismId: string,
) => {
  enforce(trainerIndependent(dossier, principal.userId));
  if (!principal.organisms.includes(organismId)) {
    throw new ForbiddenError("vous n'êtes pas rattaché à cet organisme de formation");
  }
  const user = await getUser(scope, principal.userId);
  if (!isAccredited(user.accreditations, 'trainer', dossier.certification, clock.now().slice(0, 10))) {
    throw new ForbiddenError(`aucune habilitation de formateur en cours pour ${dossier.certification}`);
  }
};

const targetIssues = (dossier: Dossier, targeted: readonly string[]) =>
  targeted.flatMap((code, i) =>
    dossier.acquiredCriteria.includes(code)
      ? [{ path: `targetedCriteria.${i}`, message: `le critère ${code} est déjà acquis` }]
      : [],
  );

interface CreatePlanInput extends TrainingPlanCreate {
  organismId: string;
  dossierVersion: number;
}

const createTrainingPlan = async (
  actor: TenantActor,
  dossierId: string,
  input: CreatePlanInput,
  idempotency?: IdempotencyRequest,
): Promise<TrainingPlan> => {
  const { scope, organisms } = actor;
  const ctx = actor;
  const dossier = await getDossier(scope, dossierId, organisms, ctx.clock.instant());
  enforce(canBuildPlan(dossier));
  await assertTrainer(actor, dossier, input.organismId);
  const issues = targetIssues(dossier, input.targetedCriteria);
  if (issues.length) throw new ValidationError(issues);
  enforce(canRecordAttendance({ sessions: input.sessions, today: ctx.clock.today(dossier.region) }));
  assertVersion('dossier', dossier, input.dossierVersion);
  const { organismId, dossierVersion: _v, ...fields } = input;
  const now = ctx.clock.now();
  const plan: TrainingPlan = {
    id: ulid(ctx.clock.instant().getTime()),
    dossierId,
    trainerId: ctx.principal.userId,
    trainerName: ctx.principal.name,
    organismId,
    startedAt: now,
    ...fields,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await saveDossier(
    scope,
    ctx,
    dossier,
    {
      trainingPlanId: plan.id,
      trainingOrganismId: organismId,
      trainerIds: [...new Set([...dossier.trainerIds, ctx.principal.userId])],
    },
    {
      action: 'training_plan.created',
      summary: `${plan.plannedHours} h prévues, ${plan.targetedCriteria.length} critères visés`,
    },
    [
      organismCheck(scope, organismId, 'training', 'organismId'),
      putNew(planItem(scope, plan), () => violationOf(duplicateId)),
      ...(idempotency
        ? [idempotencyPut(idempotency, { statusCode: 201, body: plan }, ctx.clock.instant())]
        : []),
    ],
  );
  return plan;
};

/** The dossier's current plan, if it has one (the final evaluation covers its targets). */
const findTrainingPlan = async (scope: TenantScope, dossier: Dossier): Promise<TrainingPlan | undefined> => {
  if (!dossier.trainingPlanId) return undefined;
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.trainingPlan(scope, dossier.id, dossier.trainingPlanId),
      ConsistentRead: true,
    }),
  );
  return Item ? trainingPlanFromItem(Item) : undefined;
};

const getTrainingPlan = async (
  { scope, organisms, clock }: TenantReach,
  dossierId: string,
): Promise<TrainingPlan> => {
  const dossier = await getDossier(scope, dossierId, organisms, clock.instant());
  if (!dossier.trainingPlanId) throw new NotFoundError('training plan');
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.trainingPlan(scope, dossierId, dossier.trainingPlanId),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError('training plan');
  return trainingPlanFromItem(Item);
};

/** Edits the plan and records attendance; the dossier's audit trail notes each change. */
const updateTrainingPlan = async (
  actor: TenantActor,
  dossierId: string,
  input: TrainingPlanUpdate,
): Promise<TrainingPlan> => {
  const { scope, organisms } = actor;
  const ctx = actor;
  const dossier = await getDossier(scope, dossierId, organisms, ctx.clock.instant());
  enforce(canFollowPlan(dossier));
  const plan = await getTrainingPlan(actor, dossierId);
  await assertTrainer(actor, dossier, plan.organismId);
  assertVersion('training plan', plan, input.version);
  const issues = targetIssues(dossier, input.targetedCriteria ?? []);
  if (issues.length) throw new ValidationError(issues);
  if (input.sessions) {
    enforce(canRecordAttendance({ sessions: input.sessions, today: ctx.clock.today(dossier.region) }));
  }
  const { version: _v, ...fields } = input;
  const next: TrainingPlan = {
    ...plan,
    ...fields,
    version: plan.version + 1,
    updatedAt: ctx.clock.now(),
  };
  await saveDossier(
    scope,
    ctx,
    dossier,
    { trainerIds: [...new Set([...dossier.trainerIds, ctx.principal.userId])] },
    { action: 'training_plan.updated' },
    [putVersioned('training plan', planItem(scope, next), plan.version)],
  );
  return next;
};

export type { CreatePlanInput };
export { createTrainingPlan, findTrainingPlan, getTrainingPlan, updateTrainingPlan };
