/**
 * A dossier (`T#<t>#D#<id>` / `DOSSIER`): its partition also holds its evaluations (evaluation.ts),
 * its training plan (trainingPlan.ts) and its certificate marker (`CERTIFICATE`). Indexes, by access
 * pattern: gsi1 "dossiersByTenant", gsi2 "dossiersByStatus", gsi3 "dossiersByOrganism" (all sorted
 * by id, i.e. opening time), gsi4 "deadlinesByMonth" (sparse: while the dossier can expire). Keys:
 * keys.ts (`dossier`, `dossierIndexes`, `dossiersByTenant`, `dossiersByStatus`, `dossiersByOrganism`,
 * `deadlineIndex`, `deadlinesOfMonth`).
 *
 * Once its candidate's data is erased, what remains is a tombstone: the statistics fields only
 * (ERASURE_KEPT_FIELDS), `erasedAt` set, still in the indexes the counters are rebuilt from.
 */
import { Dossier } from '@socle/domain';
import * as z from 'zod';
import { INDEXES } from '../table.ts';
import { itemReader } from './storedItem.ts';

const dossierIndexes = {
  byTenant: INDEXES.dossiersByTenant,
  byStatus: INDEXES.dossiersByStatus,
  byOrganism: INDEXES.dossiersByOrganism,
  deadlinesByMonth: INDEXES.deadlinesByMonth,
} as const;

/** A live dossier: the API's dossier plus the folded "last first" name the list search reads. */
const DossierItem = Dossier.extend({ searchName: z.string().optional() });
type StoredLiveDossier = z.output<typeof DossierItem>;

/** What erasure leaves of a dossier (erasure.ts `tombstoneOf`). */
const ErasedDossierItem = Dossier.pick({
  id: true,
  status: true,
  certification: true,
  organismId: true,
  trainingOrganismId: true,
  region: true,
  referentielId: true,
  openedAt: true,
  statusChangedAt: true,
  preliminaryEvaluatedOn: true,
  lastEvaluatedOn: true,
  juryPresentations: true,
  certificateCode: true,
  juryDecision: true,
  createdAt: true,
  version: true,
  updatedAt: true,
}).extend({ erasedAt: z.string() });
type ErasedDossier = z.output<typeof ErasedDossierItem>;

/** A live dossier; an erased one fails (callers that may meet one read `storedDossierFromItem`). */
const dossierFromItem = itemReader('dossier', DossierItem);

const erasedDossierFromItem = itemReader('erased dossier', ErasedDossierItem);

/** A dossier as stored: a live one, or what remains after erasure, told apart by `erasedAt`. */
type StoredDossier = (StoredLiveDossier & { erasedAt?: undefined }) | ErasedDossier;

const storedDossierFromItem = (item: Record<string, unknown>): StoredDossier =>
  typeof item.erasedAt === 'string' ? erasedDossierFromItem(item) : dossierFromItem(item);

export type { ErasedDossier, StoredDossier, StoredLiveDossier };
export { DossierItem, ErasedDossierItem, dossierFromItem, dossierIndexes, storedDossierFromItem };
