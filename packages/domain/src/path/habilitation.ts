/**
 * A network's habilitation (SPEC §1, §3): active, habilitated for the certification, on the day,
 * in the region. It applies to every write of its dossiers, and each such write carries the same
 * condition on the network item (packages/data/src/tenants.ts `habilitationCheck`); this function
 * says which part failed.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Refused, Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

interface HabilitatedNetwork {
  status: string;
  certifications: readonly string[];
  habilitationFrom: string;
  habilitationTo?: string | null;
  /** INSEE codes of the regions the network is habilitated in; absent: every region. */
  regions?: readonly string[] | null;
}

interface HabilitationAllowsOptions {
  tenant: HabilitatedNetwork;
  /** The certification of the dossier (absent for a write that is not about one, e.g. an organism). */
  certification?: string;
  /** The region of the dossier or organism written. */
  region?: string;
  /** ISO day of the write. */
  today: string;
}

const tenantSuspended: Refused<PathRuleCode> = refuse(
  'tenant_suspended',
  'le réseau est suspendu : consultation seule',
);

/**
 * Written at write time: the network item failed the habilitation condition, yet reads as allowed
 * (changed back between the write and the read that explains it).
 */
const habilitationChanged: Refused<PathRuleCode> = refuse(
  'not_habilitated',
  "l'habilitation du réseau ne permet pas cette écriture",
);
/** Written at write time, same race for an organism's region. */
const regionNotHabilitated: Refused<PathRuleCode> = refuse(
  'region_not_habilitated',
  "le réseau n'est pas habilité dans cette région",
);

const habilitationAllows = ({
  tenant,
  certification,
  region,
  today,
}: HabilitationAllowsOptions): Verdict<PathRuleCode> => {
  if (tenant.status !== 'active') return tenantSuspended;
  if (certification !== undefined && !tenant.certifications.includes(certification)) {
    return refuse('not_habilitated', `le réseau n'est pas habilité pour ${certification}`);
  }
  if (today < tenant.habilitationFrom || (tenant.habilitationTo && today > tenant.habilitationTo)) {
    return refuse(
      'habilitation_expired',
      "l'habilitation du réseau ne couvre pas la date du jour : aucune écriture sur ses dossiers n'est possible",
    );
  }
  if (region !== undefined && tenant.regions && !tenant.regions.includes(region)) {
    return refuse(
      'region_not_habilitated',
      "le réseau n'est pas habilité dans cette région : l'administration nationale peut étendre ses régions",
    );
  }
  return allow();
};

interface OrganismRegionOptions {
  tenant: Pick<HabilitatedNetwork, 'regions'>;
  region: string;
}

/**
 * An organism is placed in one of the network's regions (400 on `region`); the national admin
 * extends the network's regions first when it opens elsewhere.
 */
const organismRegionAllowed = ({ tenant, region }: OrganismRegionOptions): Verdict<PathRuleCode> =>
  !tenant.regions || tenant.regions.includes(region)
    ? allow()
    : refuse(
        'region_not_habilitated',
        "le réseau n'est pas habilité dans cette région : l'administration nationale doit d'abord l'ajouter à ses régions",
        'region',
      );

export type { HabilitatedNetwork, HabilitationAllowsOptions, OrganismRegionOptions };
export {
  habilitationAllows,
  habilitationChanged,
  organismRegionAllowed,
  regionNotHabilitated,
  tenantSuspended,
};
