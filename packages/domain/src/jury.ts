/**
 * Jury rules (SPEC §4), pure: paritary quorum and conflicts of interest. The quorum is configurable
 * (at least `minPerCollege` of each college present, and equal numbers when `parity` is required).
 */

import { countOf } from './labels.ts';

const College = { EMPLOYER: 'employer', EMPLOYEE: 'employee' } as const;
type College = (typeof College)[keyof typeof College];
const colleges = Object.values(College) as [College, ...College[]];

interface Quorum {
  minPerCollege: number;
  parity: boolean;
}

const DEFAULT_QUORUM: Quorum = { minPerCollege: 1, parity: true };

type QuorumCheck = { ok: true } | { ok: false; reason: string };

/** Whether the members present may deliberate. */
const checkQuorum = (
  present: readonly { college: College }[],
  quorum: Quorum = DEFAULT_QUORUM,
): QuorumCheck => {
  const employers = present.filter((m) => m.college === College.EMPLOYER).length;
  const employees = present.filter((m) => m.college === College.EMPLOYEE).length;
  if (employers < quorum.minPerCollege || employees < quorum.minPerCollege) {
    return {
      ok: false,
      reason: `il faut au moins ${countOf(quorum.minPerCollege, 'membre')} de chaque collège (employeurs : ${employers}, salariés : ${employees})`,
    };
  }
  if (quorum.parity && employers !== employees) {
    return {
      ok: false,
      reason: `les collèges doivent être à parité (employeurs : ${employers}, salariés : ${employees})`,
    };
  }
  return { ok: true };
};

/** A member's declared links to networks or organisms. */
interface JuryLink {
  tenantId: string;
  /** Absent: linked to the whole network. */
  organismId?: string | null;
}

/** A member linked to the network, or to the evaluating or training organism, may not vote on the candidate. */
const isConflicted = (
  links: readonly JuryLink[],
  dossier: { tenantId: string; organismId: string; trainingOrganismId?: string | null },
): boolean =>
  links.some(
    (link) =>
      link.tenantId === dossier.tenantId &&
      (!link.organismId ||
        link.organismId === dossier.organismId ||
        link.organismId === dossier.trainingOrganismId),
  );

export type { JuryLink, Quorum, QuorumCheck };
export { College, DEFAULT_QUORUM, checkQuorum, colleges, isConflicted };
