/**
 * Retention and erasure rules (SPEC §7), pure. A candidate's data may be erased once every dossier
 * of theirs is closed (certified, expired, withdrawn) and the retention period has run since its
 * last activity; what an erased dossier keeps is listed here, once.
 */
import { addDays, addMonths, asOfToday } from './deadline.ts';
import type { DossierStatus } from './dossierStateMachine.ts';
import { dossierStatusLabels } from './labels.ts';
import type { ErasureBlocker } from './schemas/dataProtection.ts';

/**
 * Three years after the end of the path: the period the CNIL applies to data kept once a
 * relationship has ended (its référentiels for customer and prospect management, and for training
 * organisms' trainee files, keep "active" data for the relationship, then 3 years). It leaves time
 * for the usual afterwards of a path (a copy of a document, a question about a decision, a new
 * preliminary evaluation after an expiry or a withdrawal reopened), while the certificate itself
 * stays verifiable forever through the register's minimum. The national admin may set 1 to 10
 * years.
 */
const DEFAULT_RETENTION_YEARS = 3;

/** A path ends in one of these; an expired dossier may restart and a withdrawn one reopen, within retention. */
const CLOSED_STATUSES: readonly DossierStatus[] = ['certified', 'expired', 'withdrawn'];

/**
 * The dossier fields an erasure keeps: none identifies the candidate. Counting (SPEC §6) rebuilds
 * from them and from the audit trail; `certificateCode` links to the register's minimum.
 */
const ERASURE_KEPT_FIELDS = [
  'id',
  'status',
  'certification',
  'organismId',
  'trainingOrganismId',
  'region',
  'referentielId',
  'openedAt',
  'statusChangedAt',
  'preliminaryEvaluatedOn',
  'lastEvaluatedOn',
  'portfolioIssuedOn',
  'juryPresentations',
  'certificateCode',
  'createdAt',
] as const;

interface RetainedDossier {
  id: string;
  status: DossierStatus;
  openedAt: string;
  statusChangedAt: string;
  updatedAt: string;
  deadline?: string;
  submittedToJuryAt?: string;
  erasedAt?: string;
}

/** `2026-03-14` → `14/03/2026`. */
const frenchDate = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('/');

/**
 * The day of a dossier's last activity: its last change of status or edit, or, for a dossier past
 * its deadline that the nightly sweep has not expired yet, the deadline.
 */
const lastActivityOn = (dossier: RetainedDossier, today: string): string => {
  const days = [dossier.statusChangedAt.slice(0, 10), dossier.updatedAt.slice(0, 10)];
  if (dossier.deadline && asOfToday(dossier, today).status !== dossier.status) days.push(dossier.deadline);
  return days.sort().at(-1) as string;
};

/** The day from which a candidate's data may be erased: `retentionYears` after the last activity. */
const erasureDueOn = (lastActivity: string, retentionYears: number): string =>
  addMonths(lastActivity, retentionYears * 12);

/**
 * The latest last-activity day whose erasure is due on `today`: every earlier day is due too
 * (`erasureDueOn` never decreases), so "due" is one range of a sorted index. Months clamp
 * (29 February + 1 year → 28 February), hence the few days looked at past the plain subtraction.
 */
const latestDueActivityOn = (today: string, retentionYears: number): string => {
  const plain = addMonths(today, -retentionYears * 12);
  let latest = plain;
  for (let days = 1; days <= 3; days++) {
    const day = addDays(plain, days);
    if (erasureDueOn(day, retentionYears) <= today) latest = day;
  }
  return latest;
};

/** A candidate all of whose dossiers are closed: when the last activity was, and on which dossier. */
interface Dormancy {
  lastActivityOn: string;
  /** The dossier of that last activity (the one a network admin opens to erase). */
  dossierId: string;
}

/**
 * Whether a candidate is dormant: every dossier of theirs (erased ones aside) is closed as stored
 * and none is still presented to a jury. Then the last activity of their dossiers, from which the
 * retention runs (as in `checkErasure`). Stored statuses only: a dossier past its deadline counts
 * once the nightly sweep has expired it (long before any retention has run).
 * @example dormancyOf([{ status: 'withdrawn', statusChangedAt: '2023-05-02T…', … }]) // { lastActivityOn: '2023-05-02', dossierId }
 */
const dormancyOf = (dossiers: readonly RetainedDossier[]): Dormancy | null => {
  const live = dossiers.filter((d) => !d.erasedAt);
  if (live.length === 0) return null;
  if (live.some((d) => !CLOSED_STATUSES.includes(d.status) || d.submittedToJuryAt)) return null;
  const dated = live.map((d) => ({ lastActivityOn: lastActivityOn(d, d.updatedAt), dossierId: d.id }));
  dated.sort((a, b) =>
    a.lastActivityOn === b.lastActivityOn
      ? a.dossierId.localeCompare(b.dossierId)
      : a.lastActivityOn.localeCompare(b.lastActivityOn),
  );
  return dated.at(-1) as Dormancy;
};

interface ErasureCheckOptions {
  /** Every dossier of the candidate; erased ones are already done and ignored. */
  dossiers: readonly RetainedDossier[];
  retentionYears: number;
  today: string;
  /** Certificates of the candidate whose paper copy is being printed or sent. */
  pendingPaperCopies?: readonly { code: string; dossierId: string }[];
}

interface ErasureCheck {
  erasable: boolean;
  erasableFrom: string | null;
  blockers: ErasureBlocker[];
}

/**
 * Whether a candidate's data may be erased today, and if not why (one French sentence per reason)
 * and from when.
 * @example checkErasure({ dossiers, retentionYears: 3, today: '2026-05-01' }).blockers[0]?.message
 */
const checkErasure = ({
  dossiers,
  retentionYears,
  today,
  pendingPaperCopies = [],
}: ErasureCheckOptions): ErasureCheck => {
  const blockers: ErasureBlocker[] = [];
  // The latest day a retention runs to; no day at all while a dossier is open.
  let open = pendingPaperCopies.length > 0;
  let latest = today;
  for (const stored of dossiers.filter((d) => !d.erasedAt)) {
    const dossier = asOfToday(stored, today);
    const label = `Le dossier ouvert le ${frenchDate(dossier.openedAt)}`;
    if (!CLOSED_STATUSES.includes(dossier.status)) {
      open = true;
      blockers.push({
        code: 'dossier_active',
        dossierId: dossier.id,
        message: `${label} est en cours (statut « ${dossierStatusLabels[dossier.status]} ») : l'effacement n'est possible qu'une fois tous les dossiers clos (certifié, expiré ou abandonné).`,
      });
      continue;
    }
    if (dossier.submittedToJuryAt) {
      open = true;
      blockers.push({
        code: 'dossier_at_jury',
        dossierId: dossier.id,
        message: `${label} est encore présenté au jury de sa région : retirez-le du jury avant d'effacer les données.`,
      });
      continue;
    }
    const lastActivity = lastActivityOn(stored, today);
    const from = erasureDueOn(lastActivity, retentionYears);
    if (from > latest) latest = from;
    if (today < from) {
      blockers.push({
        code: 'retention_running',
        dossierId: dossier.id,
        message: `${label} est conservé jusqu'au ${frenchDate(from)} (${retentionYears} an${retentionYears > 1 ? 's' : ''} après sa dernière activité, le ${frenchDate(lastActivity)}) : l'effacement sera possible à partir de cette date.`,
      });
    }
  }
  for (const copy of pendingPaperCopies) {
    blockers.push({
      code: 'paper_copy_pending',
      dossierId: copy.dossierId,
      message: `Un exemplaire papier du certificat ${copy.code} est en cours d'impression ou d'envoi : l'effacement attend son expédition.`,
    });
  }
  return { erasable: blockers.length === 0, erasableFrom: open ? null : latest, blockers };
};

/** `Durand` → `D.`: what the register keeps of a last name (the public verification shows it). */
const lastInitialOf = (lastName: string) => `${lastName.trim().charAt(0).toUpperCase()}.`;

export type { Dormancy, ErasureCheck, ErasureCheckOptions, RetainedDossier };
export {
  CLOSED_STATUSES,
  DEFAULT_RETENTION_YEARS,
  ERASURE_KEPT_FIELDS,
  checkErasure,
  dormancyOf,
  erasureDueOn,
  frenchDate,
  lastActivityOn,
  latestDueActivityOn,
  lastInitialOf,
};
