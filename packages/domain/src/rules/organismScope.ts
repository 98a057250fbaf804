/**
 * Who reaches what a network holds of a candidate's dossier: the dossier itself and everything
 * reached through it or its certificate (the certificate, its PDF, its credential, a paper copy).
 * The national admin reaches every network's, a network admin their network's, organism-bound staff
 * (advisors, evaluators, trainers) only those of a dossier evaluated or trained by one of their
 * organisms. One decision for every such route; another's record reads as not found.
 */
import { canReachDossier, organismRestriction } from '../principal.ts';
import type { Principal } from '../principal.ts';

/** The network and organisms a record belongs to, from its dossier (organisms unknown: undefined). */
interface DossierRecordOwners {
  tenantId: string;
  organismId: string | undefined;
  trainingOrganismId?: string | null;
}

/** Whether organism ids of the record are needed to decide (not for admins): saves a read. */
const needsOrganisms = (principal: Principal): boolean => organismRestriction(principal) !== undefined;

const reachesDossierRecord = (principal: Principal, record: DossierRecordOwners): boolean => {
  if (principal.roles.includes('national_admin')) return true;
  if (record.tenantId !== principal.tenantId) return false;
  const organisms = organismRestriction(principal);
  if (!organisms) return true;
  if (!record.organismId) return false;
  return canReachDossier(organisms, {
    organismId: record.organismId,
    trainingOrganismId: record.trainingOrganismId ?? null,
  });
};

export type { DossierRecordOwners };
export { needsOrganisms, reachesDossierRecord };
