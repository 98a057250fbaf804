/**
 * Two networks built through the API as real users would: the national admin habilitates them and
 * invites their admins, who add an organism and staff; an advisor opens a dossier in each.
 */
import { findLogin } from '@socle/data';
import { regionToday } from '@socle/domain';
import { shippedClea } from '@socle/domain/shipped';
import { ulid } from 'ulid';
import type { TestApi } from './api.ts';
import { dossierOpen, organismCreate, tenantCreate, userInvite } from './samples.ts';

interface NetworkWorld {
  tenantId: string;
  organismId: string;
  /** Evaluated (training needed) and with a training plan: every dossier route has something to act on. */
  dossierId: string;
  /** The candidate of `dossierId`. */
  candidateId: string;
  evaluationId: string;
  referentielId: string;
  userIds: { admin: string; advisor: string; evaluator: string; trainer: string };
  tokens: { admin: string; advisor: string; evaluator: string; trainer: string };
}

interface World {
  nationalToken: string;
  /** The published CléA version every dossier of the world is opened under. */
  referentielId: string;
  a: NetworkWorld;
  b: NetworkWorld;
}

const expectStatus = <T>(response: { status: number; body: T }, status: number, what: string): T => {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
};

const tokenOfLogin = async (api: TestApi, userId: string) => {
  const login = await findLogin(userId);
  if (!login) throw new Error(`no login ${userId}`);
  return api.issuer.issueAccessToken(login);
};

/** Criterion statuses where all is acquired except the given codes. */
const gridWith = (codes: readonly string[], notAcquired: readonly string[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { status: notAcquired.includes(code) ? 'not_acquired' : 'acquired' }]),
  );

/** Runs a whole evaluation through the API: start, one sequence, the grid, submit. */
const evaluate = async (
  api: TestApi,
  token: string,
  dossierId: string,
  options: { notAcquired: readonly string[]; date?: string },
) => {
  const dossier = expectStatus(
    await api.call('GET', `/dossiers/${dossierId}`, { token }),
    200,
    'read dossier',
  ).dossier;
  const evaluation = expectStatus(
    await api.call('POST', `/dossiers/${dossierId}/evaluations`, {
      token,
      body: { dossierVersion: dossier.version },
    }),
    201,
    'start evaluation',
  );
  const saved = expectStatus(
    await api.call('PATCH', `/dossiers/${dossierId}/evaluations/${evaluation.id}`, {
      token,
      body: {
        version: evaluation.version,
        sequences: [
          {
            // Today in the sample organism's region (Île-de-France): a sequence cannot precede the opening.
            date: options.date ?? regionToday('11', new Date()),
            start: '09:00',
            durationMinutes: 180,
            mode: 'on_site',
          },
        ],
        results: gridWith(evaluation.scope, options.notAcquired),
      },
    }),
    200,
    'save evaluation',
  );
  return expectStatus(
    await api.call('POST', `/dossiers/${dossierId}/evaluations/${evaluation.id}/submit`, {
      token,
      body: { version: saved.version },
    }),
    200,
    'submit evaluation',
  );
};

const buildNetwork = async (
  api: TestApi,
  nationalToken: string,
  name: string,
  referentielId: string,
): Promise<NetworkWorld> => {
  const tenant = expectStatus(
    await api.call('POST', '/tenants', { token: nationalToken, body: tenantCreate(name) }),
    201,
    'create tenant',
  );
  const admin = expectStatus(
    await api.call('POST', `/tenants/${tenant.id}/admins`, {
      token: nationalToken,
      body: { email: `admin.${tenant.id.toLowerCase()}@exemple.fr`, firstName: 'Alice', lastName: 'Admin' },
    }),
    201,
    'invite admin',
  );
  const adminToken = await tokenOfLogin(api, admin.id);
  const organism = expectStatus(
    await api.call('POST', '/organisms', { token: adminToken, body: organismCreate() }),
    201,
    'create organism',
  );
  const invite = async (role: string) =>
    expectStatus(
      await api.call('POST', '/users', { token: adminToken, body: userInvite([role], [organism.id]) }),
      201,
      `invite ${role}`,
    );
  const [advisor, evaluator, trainer] = [
    await invite('advisor'),
    await invite('evaluator'),
    await invite('trainer'),
  ];
  const advisorToken = await tokenOfLogin(api, advisor.id);
  const detail = expectStatus(
    await api.call('POST', '/dossiers', { token: advisorToken, body: dossierOpen(organism.id) }),
    201,
    'open dossier',
  );
  const evaluatorToken = await tokenOfLogin(api, evaluator.id);
  const trainerToken = await tokenOfLogin(api, trainer.id);
  const { evaluation, dossier } = await evaluate(api, evaluatorToken, detail.dossier.id, {
    notAcquired: ['1.1.1', '1.1.2', '3.1.1'],
  });
  expectStatus(
    await api.call('POST', `/dossiers/${dossier.id}/training-plan`, {
      token: trainerToken,
      body: {
        organismId: organism.id,
        dossierVersion: dossier.version,
        targetedCriteria: ['1.1.1', '1.1.2', '3.1.1'],
        objectives: 'Écouter et comprendre ; calcul.',
        plannedHours: 21,
        sessions: [{ id: 's1', date: '2026-11-02', plannedHours: 3 }],
      },
    }),
    201,
    'create training plan',
  );
  return {
    tenantId: tenant.id,
    organismId: organism.id,
    dossierId: detail.dossier.id,
    candidateId: detail.candidate.id,
    evaluationId: evaluation.id,
    referentielId,
    userIds: { admin: admin.id, advisor: advisor.id, evaluator: evaluator.id, trainer: trainer.id },
    tokens: {
      admin: adminToken,
      advisor: advisorToken,
      evaluator: evaluatorToken,
      trainer: trainerToken,
    },
  };
};

/** Imports and publishes the shipped CléA référentiel, as the national admin does once. */
const publishClea = async (api: TestApi, nationalToken: string): Promise<string> => {
  const draft = expectStatus(
    await api.call('POST', '/referentiels', { token: nationalToken, body: { document: shippedClea } }),
    201,
    'import referentiel',
  );
  expectStatus(
    await api.call('POST', `/referentiels/${draft.id}/publish`, {
      token: nationalToken,
      body: { version: 1 },
    }),
    200,
    'publish referentiel',
  );
  return draft.id;
};

const buildWorld = async (api: TestApi): Promise<World> => {
  const nationalToken = await api.tokenFor({ userId: ulid(), roles: ['national_admin'] });
  const referentielId = await publishClea(api, nationalToken);
  return {
    nationalToken,
    referentielId,
    a: await buildNetwork(api, nationalToken, 'Réseau A', referentielId),
    b: await buildNetwork(api, nationalToken, 'Réseau B', referentielId),
  };
};

export type { NetworkWorld, World };
export { buildWorld, evaluate, expectStatus, gridWith, publishClea, tokenOfLogin };
