/** Form values of a jury member (national admin) and their conversion to request bodies. */
import type { JuryMember } from '@socle/domain';

interface LinkValues {
  /** Local key of the row, for keyed rendering. */
  key: string;
  tenantId: string;
  organismId: string;
}

interface MemberValues {
  firstName: string;
  lastName: string;
  role: string;
  college: string;
  termFrom: string;
  termTo: string;
  links: LinkValues[];
}

const emptyLink = (): LinkValues => ({ key: crypto.randomUUID(), tenantId: '', organismId: '' });

const emptyMember = (): MemberValues => ({
  firstName: '',
  lastName: '',
  role: 'jury_member',
  college: '',
  termFrom: '',
  termTo: '',
  links: [],
});

const memberFrom = (m: JuryMember): MemberValues => ({
  firstName: m.firstName,
  lastName: m.lastName,
  role: m.role,
  college: m.college ?? '',
  termFrom: m.termFrom,
  termTo: m.termTo ?? '',
  links: m.links.map((l) => ({
    key: crypto.randomUUID(),
    tenantId: l.tenantId,
    organismId: l.organismId ?? '',
  })),
});

/** The fields common to an invitation and an edit; a secretary belongs to no college. */
const memberInput = (v: MemberValues) => ({
  firstName: v.firstName,
  lastName: v.lastName,
  college: v.role === 'jury_member' ? v.college || undefined : null,
  termFrom: v.termFrom,
  termTo: v.termTo || null,
  links: v.links.map((l) => ({ tenantId: l.tenantId, organismId: l.organismId.trim() || null })),
});

const memberLabels: Record<string, string> = {
  email: 'Adresse e-mail',
  firstName: 'Prénom',
  lastName: 'Nom de famille',
  role: 'Rôle dans le jury',
  college: 'Collège',
  termFrom: 'Début du mandat',
  termTo: 'Fin du mandat',
  links: 'Liens déclarés',
  'links.*.tenantId': 'Réseau du lien',
  'links.*.organismId': 'Organisme du lien',
};

export type { LinkValues, MemberValues };
export { emptyLink, emptyMember, memberFrom, memberInput, memberLabels };
