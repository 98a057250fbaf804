/** Valid request bodies, built fresh for each use (unique emails and names). */
import { randomUUID } from 'node:crypto';
import { CURRENT_CONSENT_TEXT_VERSION } from '@socle/domain';

const unique = () => randomUUID().slice(0, 8);

const tenantCreate = (name = `Réseau ${unique()}`) => ({
  name,
  certifications: ['clea'],
  // Back far enough for the dossiers some tests open years ago (the 5-year rule).
  habilitationFrom: '2015-01-01',
  habilitationTo: '2030-12-31',
});

const organismCreate = (name = `Organisme ${unique()}`) => ({
  name,
  siret: null,
  region: '11',
  capabilities: ['evaluation', 'training'],
  city: 'Paris',
});

const userInvite = (roles: string[], organisms: string[]) => ({
  email: `${unique()}@exemple.fr`,
  firstName: 'Camille',
  lastName: 'Durand',
  roles,
  organisms,
  accreditations: roles
    .filter((r) => r === 'evaluator' || r === 'trainer')
    .map((role) => ({ role, certification: 'clea', from: '2024-01-01', to: null })),
});

/**
 * An opening for the sample person. Suites open them many times over (one dossier per case), so
 * the body confirms the duplicate by default; `{ confirmDuplicate: false }` sends the first
 * attempt an advisor makes (dossiers.test.ts proves the duplicate check with it).
 */
const dossierOpen = (
  organismId: string,
  candidate: Partial<{ firstName: string; lastName: string; birthDate: string }> = {},
  { confirmDuplicate = true }: { confirmDuplicate?: boolean } = {},
) => ({
  confirmDuplicate,
  candidate: {
    firstName: 'Łukasz',
    lastName: 'Öztürk-N’Diaye',
    birthDate: '1988-04-12',
    email: 'lukasz@example.org',
    phone: '06 12 34 56 78',
    postalCode: '75011',
    city: 'Paris',
    ...candidate,
  },
  dossier: {
    certification: 'clea',
    organismId,
    candidateStatus: 'employee',
    prescriber: 'employer',
    funding: 'cpf',
    onWorkingTime: true,
    modules: [],
    experience: 'Cariste pendant six ans.',
    consent: { given: true, textVersion: CURRENT_CONSENT_TEXT_VERSION },
  },
});

export { dossierOpen, organismCreate, tenantCreate, unique, userInvite };
