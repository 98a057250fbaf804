/** A regional jury built through the API by the national admin: a secretary and members of both colleges. */
import { addDays, regionToday } from '@socle/domain';
import type { TestApi } from './api.ts';
import { dossierOpen, unique } from './samples.ts';
import { evaluate, expectStatus, tokenOfLogin } from './world.ts';
import type { World } from './world.ts';

interface JuryUser {
  userId: string;
  token: string;
}

interface Jury {
  region: string;
  secretary: JuryUser;
  employer: JuryUser;
  employee: JuryUser;
  /** Same region, not invited to the sessions the tests plan. */
  bystander: JuryUser;
}

const inviteJuryUser = async (
  api: TestApi,
  nationalToken: string,
  region: string,
  role: 'jury_secretary' | 'jury_member',
  college?: 'employer' | 'employee',
  links: { tenantId: string; organismId?: string }[] = [],
): Promise<JuryUser> => {
  const member = expectStatus(
    await api.call('POST', `/juries/${region}/members`, {
      token: nationalToken,
      body: {
        email: `jury.${unique()}@exemple.fr`,
        firstName: role === 'jury_secretary' ? 'Sandrine' : 'Marc',
        lastName: `Jury${unique()}`,
        role,
        college: college ?? null,
        termFrom: '2025-01-01',
        links,
      },
    }),
    201,
    'invite jury user',
  );
  return { userId: member.userId, token: await tokenOfLogin(api, member.userId) };
};

const buildJury = async (api: TestApi, nationalToken: string, region: string): Promise<Jury> => ({
  region,
  secretary: await inviteJuryUser(api, nationalToken, region, 'jury_secretary'),
  employer: await inviteJuryUser(api, nationalToken, region, 'jury_member', 'employer'),
  employee: await inviteJuryUser(api, nationalToken, region, 'jury_member', 'employee'),
  bystander: await inviteJuryUser(api, nationalToken, region, 'jury_member', 'employee'),
});

/**
 * A session day relative to today in the region's own calendar (the server judges "past" and "on
 * the session's day" there): `sessionDay('04')` is today in La Réunion, `sessionDay('11', 1)` tomorrow in Paris.
 */
const sessionDay = (region: string, offsetDays = 0, now = new Date()) =>
  addDays(regionToday(region, now), offsetDays);

/** An eligible dossier of network A, evaluated with nothing left to acquire and presented to its region's jury. */
const submittedDossier = async (
  api: TestApi,
  world: World,
  candidate: Parameters<typeof dossierOpen>[1] = {},
) => {
  const opened = expectStatus(
    await api.call('POST', '/dossiers', {
      token: world.a.tokens.advisor,
      body: dossierOpen(world.a.organismId, candidate),
    }),
    201,
    'open',
  ).dossier;
  const { dossier } = await evaluate(api, world.a.tokens.evaluator, opened.id, { notAcquired: [] });
  return expectStatus(
    await api.call('POST', `/dossiers/${dossier.id}/jury-submission`, {
      token: world.a.tokens.advisor,
      body: { dossierVersion: dossier.version },
    }),
    200,
    'submit to jury',
  );
};

export type { Jury, JuryUser };
export { buildJury, inviteJuryUser, sessionDay, submittedDossier };
