/** Form values of a dossier (strings, as inputs give them) and their conversion to request bodies. */
import type { Candidate, Dossier } from '@socle/domain';
import { blankToNull, blankToUndefined } from '$lib/forms';

interface ContactValues {
  email: string;
  phone: string;
  postalCode: string;
  city: string;
}

interface PathValues {
  candidateStatus: string;
  prescriber: string;
  funding: string;
  onWorkingTime: 'yes' | 'no';
  modules: string[];
  experience: string;
}

const emptyContact = (): ContactValues => ({ email: '', phone: '', postalCode: '', city: '' });

const emptyPath = (): PathValues => ({
  candidateStatus: '',
  prescriber: '',
  funding: '',
  onWorkingTime: 'no',
  modules: [],
  experience: '',
});

const contactFrom = (c: Candidate): ContactValues => ({
  email: c.email ?? '',
  phone: c.phone ?? '',
  postalCode: c.postalCode ?? '',
  city: c.city ?? '',
});

const pathFrom = (d: Dossier): PathValues => ({
  candidateStatus: d.candidateStatus,
  prescriber: d.prescriber,
  funding: d.funding,
  onWorkingTime: d.onWorkingTime ? 'yes' : 'no',
  modules: [...d.modules],
  experience: d.experience,
});

/** On a create an empty field is left out; on an update it is sent as null to clear the value. */
const contactInput = (v: ContactValues, mode: 'create' | 'update') => {
  const blank = mode === 'create' ? blankToUndefined : blankToNull;
  return {
    email: blank(v.email),
    phone: blank(v.phone),
    postalCode: blank(v.postalCode),
    city: blank(v.city),
  };
};

const pathInput = (v: PathValues) => ({
  candidateStatus: v.candidateStatus || undefined,
  prescriber: v.prescriber || undefined,
  funding: v.funding || undefined,
  onWorkingTime: v.candidateStatus === 'employee' && v.onWorkingTime === 'yes',
  modules: v.modules,
  experience: v.experience,
});

/** Labels of the fields by path, for the error summary. */
const contactLabels = (prefix: string): Record<string, string> => ({
  [`${prefix}email`]: 'Adresse e-mail du candidat',
  [`${prefix}phone`]: 'Téléphone',
  [`${prefix}postalCode`]: 'Code postal',
  [`${prefix}city`]: 'Commune',
});

const pathLabels = (prefix: string): Record<string, string> => ({
  [`${prefix}candidateStatus`]: 'Statut du candidat',
  [`${prefix}prescriber`]: 'Prescripteur',
  [`${prefix}funding`]: 'Financement',
  [`${prefix}onWorkingTime`]: 'Parcours sur le temps de travail',
  [`${prefix}modules`]: 'Modules complémentaires',
  [`${prefix}experience`]: 'Expérience professionnelle ou extra-professionnelle',
});

export type { ContactValues, PathValues };
export { contactFrom, contactInput, contactLabels, emptyContact, emptyPath, pathFrom, pathInput, pathLabels };
