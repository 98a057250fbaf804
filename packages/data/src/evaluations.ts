/**
 * Evaluations (`T#<t>#D#<d>` / `EVAL#<id>`): started, autosaved and submitted by an accredited evaluator
 * of the dossier's organism. Submitting computes the outcome on the server with the pinned référentiel.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  DossierAction,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  allCriteria,
  allow,
  canEditEvaluation,
  canStartFinalEvaluation,
  computeMastery,
  deadlineFromSequences,
  duplicateId,
  enforce,
  evaluatorIndependent,
  finalEvaluationScope,
  finalWithinDeadline,
  firstRefusal,
  isAccredited,
  mergeAcquired,
  regionToday,
  resultsInScope,
  sequenceDatesAllowed,
  sequenceSpan,
  totalMinutes,
  violationOf,
} from '@socle/domain';
import type { CriterionStatus, Dossier, Evaluation, EvaluationSave, TrainingPlan } from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import { ulid } from 'ulid';
import { db } from './client.ts';
import { dossierHabilitation, getDossier, transitionDossier } from './dossiers.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { keys } from './keys.ts';
import { getOrganism } from './organisms.ts';
import { candidateMessage, findMessageCandidate } from './outbox.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import { getReferentiel } from './referentiels.ts';
import type { StoredReferentiel } from './referentiels.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { findTrainingPlan } from './trainingPlans.ts';
import { transact } from './transact.ts';
import { getUser } from './users.ts';
import { evaluationFromItem } from './entities/evaluation.ts';

const evaluationItem = (scope: TenantScope, evaluation: Evaluation) => ({
  ...keys.evaluation(scope, evaluation.dossierId, evaluation.id),
  itemType: 'Evaluation',
  ...evaluation,
});

/** The caller may evaluate this dossier: accredited today, working for the dossier's organism. */
const assertEvaluator = async ({ scope, principal, clock }: TenantActor, dossier: Dossier) => {
  if (!principal.organisms.includes(dossier.organismId)) {
    throw new ForbiddenError(
      "l'évaluation se fait dans l'organisme du dossier, auquel vous n'êtes pas rattaché",
    );
  }
  const user = await getUser(scope, principal.userId);
  if (!isAccredited(user.accreditations, 'evaluator', dossier.certification, clock.now().slice(0, 10))) {
    throw new ForbiddenError(`aucune habilitation d'évaluateur en cours pour ${dossier.certification}`);
  }
};

const listEvaluations = async (scope: TenantScope, dossierId: string): Promise<Evaluation[]> => {
  const { pk } = keys.dossier(scope, dossierId);
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': 'EVAL#' },
    }),
  );
  return (result.Items ?? []).map(evaluationFromItem);
};

const getEvaluation = async (
  scope: TenantScope,
  dossierId: string,
  evaluationId: string,
): Promise<Evaluation> => {
  const found = (await listEvaluations(scope, dossierId)).find((e) => e.id === evaluationId);
  if (!found) throw new NotFoundError('evaluation');
  return found;
};

interface StartEvaluationOptions {
  dossierVersion: number;
  idempotency?: IdempotencyRequest;
}

/** Opens the preliminary evaluation (or a new one after expiry), or the final one after training. */
const startEvaluation = async (
  actor: TenantActor,
  dossierId: string,
  { dossierVersion, idempotency }: StartEvaluationOptions,
): Promise<Evaluation> => {
  const { scope, organisms } = actor;
  const ctx = actor;
  const dossier = await getDossier(scope, dossierId, organisms, ctx.clock.instant());
  await assertEvaluator(actor, dossier);
  const referentiel = await getReferentiel(dossier.referentielId);
  const action =
    dossier.status === 'in_training'
      ? DossierAction.START_FINAL
      : dossier.status === 'expired'
        ? DossierAction.RESTART
        : DossierAction.START_PRELIMINARY;
  const kind = action === DossierAction.START_FINAL ? 'final' : 'preliminary';
  enforce(evaluatorIndependent(dossier, ctx.principal.userId, kind));
  const restarting = action === DossierAction.RESTART;
  const acquiredBefore = restarting ? [] : dossier.acquiredCriteria;
  // A final evaluation covers exactly what the plan trained (SPEC §3.3), nothing else.
  let finalScope: string[] | undefined;
  if (kind === 'final') {
    const plan = await findTrainingPlan(scope, dossier);
    enforce(canStartFinalEvaluation({ plan, acquired: acquiredBefore }));
    finalScope = finalEvaluationScope({ plan: plan as TrainingPlan, acquired: acquiredBefore });
  }
  const now = ctx.clock.now();
  const evaluation: Evaluation = {
    id: ulid(ctx.clock.instant().getTime()),
    dossierId,
    kind,
    status: 'in_progress',
    referentielId: dossier.referentielId,
    evaluatorId: ctx.principal.userId,
    evaluatorName: ctx.principal.name,
    organismId: dossier.organismId,
    scope:
      finalScope ??
      allCriteria(referentiel)
        .map((c) => c.code)
        .filter((code) => !acquiredBefore.includes(code)),
    sequences: [],
    results: {},
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transitionDossier(actor, dossierId, {
    action,
    version: dossierVersion,
    patch: {
      currentEvaluationId: evaluation.id,
      evaluatorIds: [...new Set([...dossier.evaluatorIds, ctx.principal.userId])],
      ...(restarting
        ? {
            acquiredCriteria: [],
            deadline: undefined,
            preliminaryEvaluatedOn: undefined,
            trainingPlanId: undefined,
          }
        : {}),
    },
    extraItems: [
      putNew(evaluationItem(scope, evaluation), () => violationOf(duplicateId)),
      ...(idempotency
        ? [idempotencyPut(idempotency, { statusCode: 201, body: evaluation }, ctx.clock.instant())]
        : []),
    ],
  });
  return evaluation;
};

const maxMinutesOf = (referentiel: StoredReferentiel, kind: Evaluation['kind']) =>
  kind === 'final' ? referentiel.limits.finalMaxMinutes : referentiel.limits.preliminaryMaxMinutes;

const formatHours = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`;

/** An evaluation being edited by its own evaluator. */
const editableEvaluation = async (actor: TenantActor, dossierId: string, evaluationId: string) => {
  const { scope, organisms } = actor;
  const ctx = actor;
  const dossier = await getDossier(scope, dossierId, organisms, ctx.clock.instant());
  const evaluation = await getEvaluation(scope, dossierId, evaluationId);
  enforce(canEditEvaluation(evaluation));
  if (evaluation.evaluatorId !== ctx.principal.userId) {
    throw new ForbiddenError("seul l'évaluateur qui a ouvert cette évaluation peut la compléter");
  }
  return { dossier, evaluation };
};

/** Autosave: merges the changed results and replaces the sequences, if sent. Versioned. */
const saveEvaluation = async (
  actor: TenantActor,
  dossierId: string,
  evaluationId: string,
  input: EvaluationSave,
): Promise<Evaluation> => {
  const { scope } = actor;
  const ctx = actor;
  const { dossier, evaluation } = await editableEvaluation(actor, dossierId, evaluationId);
  assertVersion('evaluation', evaluation, input.version);
  const referentiel = await getReferentiel(evaluation.referentielId);
  const sequences = input.sequences ?? evaluation.sequences;
  enforce(
    firstRefusal(
      resultsInScope({
        scope: evaluation.scope,
        codes: Object.keys(input.results ?? {}),
        kind: evaluation.kind,
      }),
      sequenceDatesAllowed({ sequences, ...pathDaysOf(dossier, ctx.clock.instant()) }),
    ),
  );
  const max = maxMinutesOf(referentiel, evaluation.kind);
  if (totalMinutes(sequences) > max) {
    throw new ValidationError([
      {
        path: 'sequences',
        message: `${formatHours(max)} au plus au total pour une évaluation ${evaluation.kind === 'final' ? 'finale' : 'préalable'} (${formatHours(totalMinutes(sequences))} saisies)`,
      },
    ]);
  }
  const next: Evaluation = {
    ...evaluation,
    sequences,
    results: { ...evaluation.results, ...input.results },
    version: evaluation.version + 1,
    updatedAt: ctx.clock.now(),
  };
  // Autosaves are versioned but not audited one by one: the audit trail records start and submission.
  await transact([
    dossierHabilitation(scope, ctx, dossier),
    putVersioned('evaluation', evaluationItem(scope, next), evaluation.version),
  ]);
  return next;
};

/**
 * The days a dossier's sequences are checked against, in its region: its opening and today
 * (overseas regions are hours away from Paris).
 */
const pathDaysOf = (dossier: Dossier, now: Date) => ({
  openedOn: regionToday(dossier.region, new Date(dossier.openedAt)),
  today: regionToday(dossier.region, now),
});

/** The criterion statuses of a dossier: what was acquired before, then this evaluation's results. */
const statusesAfter = (dossier: Dossier, evaluation: Evaluation): Record<string, CriterionStatus> =>
  mergeAcquired(
    dossier.acquiredCriteria,
    Object.fromEntries(Object.entries(evaluation.results).map(([code, r]) => [code, r.status])),
  );

/**
 * Validates the evaluation: the server computes mastery with the pinned référentiel and moves the
 * dossier to eligible or back to training. A final evaluation must end by the dossier's deadline.
 */
const submitEvaluation = async (
  actor: TenantActor,
  dossierId: string,
  evaluationId: string,
  input: { version: number },
): Promise<{ evaluation: Evaluation; dossier: Dossier }> => {
  const { scope } = actor;
  const ctx = actor;
  const { dossier, evaluation } = await editableEvaluation(actor, dossierId, evaluationId);
  assertVersion('evaluation', evaluation, input.version);
  if (evaluation.sequences.length === 0) {
    throw new ValidationError([{ path: 'sequences', message: 'au moins une séquence (date, heure, durée)' }]);
  }
  const { first: firstDate, last: lastDate } = sequenceSpan(evaluation.sequences) as {
    first: string;
    last: string;
  };
  enforce(
    firstRefusal(
      sequenceDatesAllowed({ sequences: evaluation.sequences, ...pathDaysOf(dossier, ctx.clock.instant()) }),
      evaluation.kind === 'final'
        ? finalWithinDeadline({ sequences: evaluation.sequences, deadline: dossier.deadline })
        : allow(),
    ),
  );
  const referentiel = await getReferentiel(evaluation.referentielId);
  const mastery = computeMastery({
    referentiel,
    thresholds: referentiel.thresholds,
    statuses: statusesAfter(dossier, evaluation),
  });
  const now = ctx.clock.now();
  const submitted: Evaluation = {
    ...evaluation,
    status: 'submitted',
    submittedAt: now,
    outcome: mastery.complete ? 'eligible' : 'training_needed',
    version: evaluation.version + 1,
    updatedAt: now,
  };
  const preliminary = evaluation.kind === 'preliminary';
  const [organism, candidate] = await Promise.all([
    getOrganism(scope, evaluation.organismId),
    findMessageCandidate(scope, dossier.candidateId),
  ]);
  // The candidate's "results available" email, in the submission's own transaction.
  const message = candidate
    ? candidateMessage({
        scope,
        candidate,
        dossierId,
        eventKey: `evaluation.submitted:${evaluation.id}`,
        now: ctx.clock.instant(),
        content: {
          template: NotificationTemplate.RESTITUTION_AVAILABLE,
          certification: dossier.certification,
          organismName: organism.name,
          evaluatedOn: lastDate,
        },
      })
    : [];
  const updated = await transitionDossier(actor, dossierId, {
    action: preliminary ? DossierAction.COMPLETE_PRELIMINARY : DossierAction.COMPLETE_FINAL,
    version: dossier.version,
    // The 5-year rule counts the days the evaluation was carried out, not the day it is submitted.
    asOf: lastDate,
    target: mastery.complete ? 'eligible' : 'in_training',
    summary: `${mastery.domains.filter((d) => d.mastered).length}/${mastery.domains.length} domaines maîtrisés`,
    patch: {
      acquiredCriteria: mastery.acquiredCriteria,
      currentEvaluationId: undefined,
      lastEvaluationId: evaluation.id,
      lastEvaluatedOn: lastDate,
      ...(preliminary
        ? {
            preliminaryEvaluatedOn: firstDate,
            deadline: deadlineFromSequences({
              sequences: evaluation.sequences,
              years: referentiel.limits.deadlineYears,
            }),
          }
        : {}),
    },
    extraItems: [
      putVersioned('evaluation', evaluationItem(scope, submitted), evaluation.version),
      ...message,
    ],
  });
  return { evaluation: submitted, dossier: updated };
};

export { getEvaluation, listEvaluations, saveEvaluation, startEvaluation, statusesAfter, submitEvaluation };
