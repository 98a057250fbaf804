/** Form values of a network (tenant) and their conversion to request bodies. */
import type { Tenant } from '@socle/domain';
import { formatDate } from '$lib/format';

interface TenantValues {
  name: string;
  certifications: string[];
  habilitationFrom: string;
  habilitationTo: string;
}

const emptyTenant = (): TenantValues => ({
  name: '',
  certifications: [],
  habilitationFrom: '',
  habilitationTo: '',
});

const tenantFrom = (t: Tenant): TenantValues => ({
  name: t.name,
  certifications: [...t.certifications],
  habilitationFrom: t.habilitationFrom,
  habilitationTo: t.habilitationTo ?? '',
});

/** An empty end date means an open-ended habilitation (null clears it on an update). */
const tenantInput = (v: TenantValues, mode: 'create' | 'update') => ({
  name: v.name,
  certifications: v.certifications,
  habilitationFrom: v.habilitationFrom,
  habilitationTo: v.habilitationTo || (mode === 'create' ? undefined : null),
});

const tenantLabels: Record<string, string> = {
  name: 'Nom du réseau',
  certifications: 'Certifications habilitées',
  habilitationFrom: "Début de l'habilitation",
  habilitationTo: "Fin de l'habilitation",
};

/** "du 01/01/2026 au 31/12/2028", or "depuis le 01/01/2026" when open-ended. */
const habilitationPeriod = (t: Pick<Tenant, 'habilitationFrom' | 'habilitationTo'>): string =>
  t.habilitationTo
    ? `du ${formatDate(t.habilitationFrom)} au ${formatDate(t.habilitationTo)}`
    : `depuis le ${formatDate(t.habilitationFrom)}`;

export type { TenantValues };
export { emptyTenant, habilitationPeriod, tenantFrom, tenantInput, tenantLabels };
