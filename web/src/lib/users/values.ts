/** Form values of a staff member and their conversion to request bodies. */
import type { User } from '@socle/domain';

interface AccreditationValues {
  /** Local key of the row, for keyed rendering. */
  key: string;
  role: string;
  certification: string;
  from: string;
  to: string;
}

interface UserValues {
  firstName: string;
  lastName: string;
  roles: string[];
  organisms: string[];
  accreditations: AccreditationValues[];
}

const emptyAccreditation = (): AccreditationValues => ({
  key: crypto.randomUUID(),
  role: '',
  certification: '',
  from: '',
  to: '',
});

const emptyUser = (): UserValues => ({
  firstName: '',
  lastName: '',
  roles: [],
  organisms: [],
  accreditations: [],
});

const userFrom = (u: User): UserValues => ({
  firstName: u.firstName,
  lastName: u.lastName,
  roles: [...u.roles],
  organisms: [...u.organisms],
  accreditations: u.accreditations.map((a) => ({
    key: crypto.randomUUID(),
    role: a.role,
    certification: a.certification,
    from: a.from,
    to: a.to ?? '',
  })),
});

const userInput = (v: UserValues) => ({
  firstName: v.firstName,
  lastName: v.lastName,
  roles: v.roles,
  organisms: v.organisms,
  accreditations: v.accreditations.map((a) => ({
    role: a.role || undefined,
    certification: a.certification || undefined,
    from: a.from,
    to: a.to || null,
  })),
});

const userLabels: Record<string, string> = {
  email: 'Adresse e-mail',
  firstName: 'Prénom',
  lastName: 'Nom de famille',
  roles: 'Rôles',
  organisms: 'Organismes',
  accreditations: 'Habilitations',
  'accreditations.*.role': "Rôle de l'habilitation",
  'accreditations.*.certification': "Certification de l'habilitation",
  'accreditations.*.from': "Début de l'habilitation",
  'accreditations.*.to': "Fin de l'habilitation",
};

export type { AccreditationValues, UserValues };
export { emptyAccreditation, emptyUser, userFrom, userInput, userLabels };
