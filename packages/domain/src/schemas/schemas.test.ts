import { describe, expect, it } from 'vitest';
import '../zodLocale.ts';
import { CURRENT_CONSENT_TEXT_VERSION } from '../consent.ts';
import { foldForSearch } from '../text.ts';
import { DossierOpen, DossierUpdate } from './dossier.ts';
import { isValidSiret } from './organism.ts';
import { TenantCreate } from './tenant.ts';
import { UserInvite, UserUpdate } from './user.ts';

const validOpen = () => ({
  candidate: { firstName: 'Zoé', lastName: 'Faure', birthDate: '1990-02-03' },
  dossier: {
    certification: 'clea',
    organismId: '01JAZNJY74BP8CSW4GQ4BPMGXA',
    candidateStatus: 'employee',
    prescriber: 'self',
    funding: 'cpf',
    onWorkingTime: true,
    experience: 'Vendeuse',
    consent: { given: true, textVersion: CURRENT_CONSENT_TEXT_VERSION },
  },
});

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('Function: isValidSiret', () => {
  it('accepts a SIRET whose Luhn key is right', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
  });
  it('refuses a single wrong digit', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
  });
  it('refuses a wrong length', () => {
    expect(isValidSiret('7328293200007')).toBe(false);
  });
});

describe('Schema: DossierOpen', () => {
  it('accepts a complete opening and defaults modules to none', () => {
    const parsed = DossierOpen.parse(validOpen());
    expect(parsed.dossier.modules).toEqual([]);
  });
  it('requires the candidate consent', () => {
    const input = validOpen();
    (input.dossier.consent as { given: boolean }).given = false;
    expect(paths(DossierOpen.safeParse(input))).toEqual(['dossier.consent.given']);
  });
  it('refuses an outdated consent text version', () => {
    const input = validOpen();
    input.dossier.consent.textVersion = '2019-01';
    expect(paths(DossierOpen.safeParse(input))).toEqual(['dossier.consent.textVersion']);
  });
  it('refuses working time for someone who is not an employee', () => {
    const input = validOpen();
    input.dossier.candidateStatus = 'job_seeker';
    expect(paths(DossierOpen.safeParse(input))).toEqual(['dossier.onWorkingTime']);
  });
  it('refuses a birth date in the future', () => {
    const input = validOpen();
    input.candidate.birthDate = '2999-01-01';
    expect(paths(DossierOpen.safeParse(input))).toEqual(['candidate.birthDate']);
  });
  it('gives French messages', () => {
    const result = DossierOpen.safeParse({ ...validOpen(), candidate: {} });
    expect(result.error?.issues[0]?.message).toMatch(/attendu/);
  });
});

describe('Schema: edits keep what they leave out', () => {
  it('DossierUpdate adds no default modules', () => {
    expect(DossierUpdate.parse({ version: 3 })).toEqual({ version: 3 });
  });
  it('UserUpdate adds no default organisms', () => {
    expect(UserUpdate.parse({ version: 2 })).toEqual({ version: 2 });
  });
});

describe('Schema: UserInvite', () => {
  it('requires an evaluator accreditation for an evaluator', () => {
    const result = UserInvite.safeParse({
      email: 'a@b.fr',
      firstName: 'A',
      lastName: 'B',
      roles: ['evaluator'],
      organisms: ['01JAZNJY74BP8CSW4GQ4BPMGXA'],
    });
    expect(paths(result)).toEqual(['accreditations']);
  });
  it('requires an organism for an advisor', () => {
    const result = UserInvite.safeParse({
      email: 'a@b.fr',
      firstName: 'A',
      lastName: 'B',
      roles: ['advisor'],
    });
    expect(paths(result)).toEqual(['organisms']);
  });
  it('normalises the email to lower case', () => {
    const parsed = UserInvite.parse({
      email: ' Admin@Exemple.FR ',
      firstName: 'A',
      lastName: 'B',
      roles: ['network_admin'],
    });
    expect(parsed.email).toBe('admin@exemple.fr');
  });
});

describe('Schema: TenantCreate', () => {
  it('refuses a habilitation ending before it starts', () => {
    const result = TenantCreate.safeParse({
      name: 'R',
      certifications: ['clea'],
      habilitationFrom: '2025-01-01',
      habilitationTo: '2024-01-01',
    });
    expect(paths(result)).toEqual(['habilitationTo']);
  });
});

describe('Function: foldForSearch', () => {
  it('ignores case, accents, apostrophes and letters without decomposition', () => {
    expect(foldForSearch('  Łukasz ÖZTÜRK-N’Diaye  ')).toBe('lukasz ozturk n diaye');
  });
  it('folds ligatures', () => {
    expect(foldForSearch('Cœur')).toBe('coeur');
  });
});
