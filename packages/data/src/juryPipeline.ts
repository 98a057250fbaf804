/**
 * Submitting an eligible dossier to its region's jury. The jury reads a projection written at
 * submission (`JURY#<region>` / `PIPELINE#<dossierId>`): grid summary, dates, organisms, and no
 * contact data; jury users never read the network's partitions themselves.
 */
import { canPresentToJury, computeMastery, enforce, masteredForJury } from '@socle/domain';
import type { Dossier, JuryDossierView } from '@socle/domain';
import { getDossierDetail, saveDossier } from './dossiers.ts';
import { listEvaluations } from './evaluations.ts';
import { keys } from './keys.ts';
import { getOrganism } from './organisms.ts';
import { queryAll } from './queryAll.ts';
import { assertVersion } from './records.ts';
import { getReferentiel } from './referentiels.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { getTenant } from './tenants.ts';
import { pipelineEntryFromItem } from './entities/jury.ts';
import type { StoredPipelineEntry as PipelineEntry } from './entities/jury.ts';

/** Whether the dossier's acquired criteria master every domain of its pinned référentiel. */
const masteryOf = async (dossier: Dossier) => {
  const referentiel = await getReferentiel(dossier.referentielId);
  return computeMastery({
    referentiel,
    thresholds: referentiel.thresholds,
    statuses: Object.fromEntries(dossier.acquiredCriteria.map((c) => [c, 'acquired' as const])),
  });
};

const buildJuryView = async (scope: TenantScope, dossier: Dossier, now: string): Promise<JuryDossierView> => {
  const [tenant, evaluating, training, evaluations, mastery] = await Promise.all([
    getTenant(scope.tenantId),
    getOrganism(scope, dossier.organismId),
    dossier.trainingOrganismId ? getOrganism(scope, dossier.trainingOrganismId) : Promise.resolve(undefined),
    listEvaluations(scope, dossier.id),
    masteryOf(dossier),
  ]);
  const trained = !!dossier.trainingPlanId;
  return {
    dossierId: dossier.id,
    tenantId: scope.tenantId,
    networkName: tenant.name,
    certification: dossier.certification,
    candidate: dossier.candidate,
    region: dossier.region,
    evaluatingOrganism: { id: evaluating.id, name: evaluating.name },
    trainingOrganism: trained && training ? { id: training.id, name: training.name } : null,
    evaluations: evaluations
      .filter((e) => e.status === 'submitted')
      .map((e) => ({
        kind: e.kind,
        date:
          e.sequences
            .map((s) => s.date)
            .sort()
            .at(-1) ?? e.createdAt.slice(0, 10),
      })),
    domains: mastery.domains.map((d) => ({
      code: d.code,
      title: d.title,
      mastered: d.mastered,
      masteredSubdomains: d.masteredSubdomains,
      subdomains: d.subdomains.length,
    })),
    allDomainsMastered: mastery.complete,
    submittedAt: now,
    presentation: (dossier.juryPresentations ?? 0) + 1,
  };
};

/** A network presents an eligible (or adjourned) dossier to the jury of the dossier's region. */
const submitToJury = async (
  actor: TenantActor,
  dossierId: string,
  input: { dossierVersion: number },
): Promise<Dossier> => {
  const { scope } = actor;
  const ctx = actor;
  const { dossier } = await getDossierDetail(actor, dossierId);
  enforce(canPresentToJury(dossier));
  const now = ctx.clock.now();
  const view = await buildJuryView(scope, dossier, now);
  enforce(masteredForJury(view));
  const entry: PipelineEntry = {
    dossierId,
    tenantId: scope.tenantId,
    region: dossier.region,
    view,
    submittedAt: now,
  };
  assertVersion('dossier', dossier, input.dossierVersion);
  return saveDossier(
    scope,
    ctx,
    dossier,
    { submittedToJuryAt: now, juryPresentations: view.presentation },
    { action: 'dossier.submitted_to_jury', summary: `jury de la région ${dossier.region}` },
    [
      {
        item: {
          Put: {
            TableName: tableName(),
            Item: { ...keys.pipelineEntry(dossier.region, dossierId), itemType: 'PipelineEntry', ...entry },
          },
        },
      },
    ],
  );
};

/** The region's pipeline: submitted dossiers, oldest first, with the session they are on if any. */
const listPipeline = async (region: string): Promise<PipelineEntry[]> =>
  (await queryAll(keys.pipelinePrefix(region), pipelineEntryFromItem)).sort((a, b) =>
    a.submittedAt.localeCompare(b.submittedAt),
  );

export type { PipelineEntry };
export { listPipeline, masteryOf, submitToJury };
