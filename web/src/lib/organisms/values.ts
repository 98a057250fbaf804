/** Form values of an organism and their conversion to request bodies. */
import type { Organism } from '@socle/domain';
import { regions } from '@socle/domain';
import { blankToNull, blankToUndefined } from '$lib/forms';

interface OrganismValues {
  name: string;
  siret: string;
  region: string;
  capabilities: string[];
  city: string;
}

const emptyOrganism = (): OrganismValues => ({ name: '', siret: '', region: '', capabilities: [], city: '' });

const organismFrom = (o: Organism): OrganismValues => ({
  name: o.name,
  siret: o.siret ?? '',
  region: o.region,
  capabilities: [...o.capabilities],
  city: o.city ?? '',
});

/** On a create an empty optional field is left out; on an update it is sent as null to clear it. */
const organismInput = (v: OrganismValues, mode: 'create' | 'update') => {
  const blank = mode === 'create' ? blankToUndefined : blankToNull;
  return {
    name: v.name,
    siret: blank(v.siret),
    region: v.region || undefined,
    capabilities: v.capabilities,
    city: blank(v.city),
  };
};

const organismLabels: Record<string, string> = {
  name: "Nom de l'organisme",
  siret: 'SIRET',
  region: 'Région',
  capabilities: 'Capacités',
  city: 'Ville',
};

const regionNames = new Map(regions.map((r) => [r.code, r.name]));
const regionName = (code: string): string => regionNames.get(code) ?? code;

export type { OrganismValues };
export { emptyOrganism, organismFrom, organismInput, organismLabels, regionName };
