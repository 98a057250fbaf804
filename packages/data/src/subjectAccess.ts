/**
 * Subject access (GDPR art. 15): everything the network holds about a candidate, in one document.
 * Reading it is audited (in each dossier's trail and the network's) in the same request, before
 * anything is returned: no export leaves without its trace.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { asOfToday, checkErasure } from '@socle/domain';
import type { Dossier, ExportedCertificate, SubjectAccessExport, TrainingPlan } from '@socle/domain';
import { auditPut, listAllAuditEvents } from './audit.ts';
import type { StoredCertificate } from './entities/certificate.ts';
import { db } from './client.ts';
import {
  certificatesOf,
  getDataProtectionSettings,
  juryRecordsOf,
  loadCandidate,
  pendingPaperCopiesOf,
  readStoredDossiers,
} from './dataProtection.ts';
import { listEvaluations } from './evaluations.ts';
import { keys } from './keys.ts';
import { findOrganism } from './organisms.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { getTenant } from './tenants.ts';
import { transact } from './transact.ts';
import { trainingPlanFromItem } from './entities/trainingPlan.ts';

const findTrainingPlan = async (scope: TenantScope, dossier: Dossier): Promise<TrainingPlan | null> => {
  if (!dossier.trainingPlanId) return null;
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.trainingPlan(scope, dossier.id, dossier.trainingPlanId),
    }),
  );
  return Item ? trainingPlanFromItem(Item) : null;
};

const organismRef = async (scope: TenantScope, organismId: string | null | undefined) => {
  if (!organismId) return null;
  const organism = await findOrganism(scope, organismId);
  return organism ? { id: organism.id, name: organism.name } : null;
};

/** The register's entry as the holder may see it (everything but the register's own keys). */
const exportedCertificate = (c: StoredCertificate): ExportedCertificate => ({
  code: c.code,
  certification: c.certification as ExportedCertificate['certification'],
  status: c.status,
  issuedOn: c.issuedOn,
  ...(c.revokedOn ? { revokedOn: c.revokedOn } : {}),
  ...(c.revocationReason ? { revocationReason: c.revocationReason } : {}),
  region: c.region,
  holder: {
    firstName: c.holder.firstName,
    lastName: c.holder.lastName ?? c.holder.lastInitial ?? '',
    birthDate: c.holder.birthDate ?? '',
  },
  // A copy loses its recipient only with the holder's erasure, after which nothing is exported.
  ...(c.paperCopy?.recipient
    ? {
        paperCopy: {
          status: c.paperCopy.status,
          recipient: c.paperCopy.recipient,
          requestedAt: c.paperCopy.requestedAt,
          ...(c.paperCopy.printedAt ? { printedAt: c.paperCopy.printedAt } : {}),
          ...(c.paperCopy.sentAt ? { sentAt: c.paperCopy.sentAt } : {}),
        },
      }
    : {}),
});

/**
 * Collects the candidate's data, records the export in the trails, and returns the document.
 * `format` only names, in the trail, what was handed out (the JSON itself, or its PDF rendering).
 */
const exportSubjectData = async (
  actor: TenantActor,
  candidateId: string,
  format: 'json' | 'pdf',
): Promise<SubjectAccessExport> => {
  const { scope } = actor;
  const ctx = actor;
  const today = ctx.clock.now().slice(0, 10);
  const { candidate, dossierIds } = await loadCandidate(scope, candidateId);
  const [stored, tenant, settings] = await Promise.all([
    readStoredDossiers(scope, dossierIds),
    getTenant(scope.tenantId),
    getDataProtectionSettings(),
  ]);
  // What an interrupted erasure already erased is not held any more (only statistics fields).
  const dossiers = stored.filter((d) => !d.erasedAt).map((d) => asOfToday(d, today) as Dossier);
  const certificates = await certificatesOf(dossiers);
  const entries = await Promise.all(
    dossiers.map(async (dossier) => {
      const [organism, trainingOrganism, evaluations, trainingPlan, juryRecords, trail] = await Promise.all([
        organismRef(scope, dossier.organismId),
        organismRef(scope, dossier.trainingOrganismId),
        listEvaluations(scope, dossier.id),
        findTrainingPlan(scope, dossier),
        juryRecordsOf(dossier),
        listAllAuditEvents(keys.dossierAuditTrail(scope, dossier.id).pk),
      ]);
      const certificate = certificates.find((c) => c.dossierId === dossier.id)?.certificate;
      return {
        dossier,
        organism,
        trainingOrganism,
        evaluations: evaluations.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        trainingPlan,
        juryDecisions: juryRecords.flatMap(({ session, entry }) =>
          entry.decision
            ? [
                {
                  sessionId: session.id,
                  sessionDate: session.date,
                  decision: entry.decision.decision,
                  reason: entry.decision.reason ?? null,
                  decidedAt: entry.decision.decidedAt,
                },
              ]
            : [],
        ),
        certificate: certificate ? exportedCertificate(certificate) : null,
        // Which role did what, not which person: the staff's identities are not the candidate's data.
        auditTrail: trail.map(({ actor, requestId: _r, ...event }) => ({
          ...event,
          actor: { roles: actor.roles },
        })),
      };
    }),
  );
  const check = checkErasure({
    dossiers: stored,
    retentionYears: settings.retentionYears,
    today,
    pendingPaperCopies: pendingPaperCopiesOf(certificates),
  });
  const document: SubjectAccessExport = {
    format: 'socle.subject-access.v1',
    generatedAt: ctx.clock.now(),
    network: { id: tenant.id, name: tenant.name },
    candidate,
    dossiers: entries.sort((a, b) => a.dossier.openedAt.localeCompare(b.dossier.openedAt)),
    retention: { retentionYears: settings.retentionYears, erasableFrom: check.erasableFrom },
  };
  const exported = { action: 'candidate.data_exported', summary: `export ${format.toUpperCase()}` };
  await transact([
    auditPut((at, id) => keys.tenantAudit(scope.tenantId, at, id), ctx, {
      ...exported,
      entity: { type: 'candidate', id: candidateId },
    }),
    ...dossiers.map((d) =>
      auditPut((at, id) => keys.dossierAudit(scope, d.id, at, id), ctx, {
        ...exported,
        entity: { type: 'dossier', id: d.id },
      }),
    ),
  ]);
  return document;
};

export { exportSubjectData };
