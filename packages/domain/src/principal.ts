/** Who is calling: built only from a verified token's claims (never from a request body). */
import * as z from 'zod';
import { roles } from './constants.ts';
import type { Role } from './constants.ts';

const Principal = z.object({
  userId: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  /** The network the user belongs to; absent for national and jury users. */
  tenantId: z.string().optional(),
  roles: z.array(z.enum(roles)),
  organisms: z.array(z.string()).default([]),
  /** INSEE code of the region, for jury users. */
  region: z.string().optional(),
  college: z.enum(['employer', 'employee']).optional(),
});
type Principal = z.infer<typeof Principal>;

const hasAnyRole = (principal: Pick<Principal, 'roles'>, allowed: readonly Role[]): boolean =>
  principal.roles.some((r) => allowed.includes(r));

/** Advisors, evaluators and trainers work for some organisms only; network admins see the whole network. */
const organismRestriction = (principal: Principal): string[] | undefined =>
  principal.roles.includes('network_admin') || principal.roles.includes('national_admin')
    ? undefined
    : principal.organisms;

/** Organism-bound staff reach a dossier evaluated or trained in one of their organisms. */
const canReachDossier = (
  organisms: readonly string[] | undefined,
  dossier: { organismId: string; trainingOrganismId?: string | null },
): boolean =>
  !organisms ||
  organisms.includes(dossier.organismId) ||
  (!!dossier.trainingOrganismId && organisms.includes(dossier.trainingOrganismId));

/** An evaluator or trainer accreditation valid today for the certification. */
const isAccredited = (
  accreditations: readonly { role: string; certification: string; from: string; to?: string | null }[],
  role: 'evaluator' | 'trainer',
  certification: string,
  today: string,
): boolean =>
  accreditations.some(
    (a) =>
      a.role === role && a.certification === certification && a.from <= today && (!a.to || today <= a.to),
  );

export { Principal, canReachDossier, hasAnyRole, isAccredited, organismRestriction };
