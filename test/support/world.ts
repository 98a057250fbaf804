/**
 * Two networks built through the API as real users would: the national admin habilitates them and
 * invites their admins, who add an organism and staff; an advisor opens a dossier in each.
 */
import { findLogin } from '@socle/data';
import { ulid } from 'ulid';
import type { TestApi } from './api.ts';
import { dossierOpen, organismCreate, tenantCreate, userInvite } from './samples.ts';

interface NetworkWorld {
  tenantId: string;
  organismId: string;
  dossierId: string;
  userIds: { admin: string; advisor: string; evaluator: string; trainer: string };
  tokens: { admin: string; advisor: string; evaluator: string; trainer: string };
}

interface World {
  nationalToken: string;
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

const buildNetwork = async (api: TestApi, nationalToken: string, name: string): Promise<NetworkWorld> => {
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
  return {
    tenantId: tenant.id,
    organismId: organism.id,
    dossierId: detail.dossier.id,
    userIds: { admin: admin.id, advisor: advisor.id, evaluator: evaluator.id, trainer: trainer.id },
    tokens: {
      admin: adminToken,
      advisor: advisorToken,
      evaluator: await tokenOfLogin(api, evaluator.id),
      trainer: await tokenOfLogin(api, trainer.id),
    },
  };
};

const buildWorld = async (api: TestApi): Promise<World> => {
  const nationalToken = await api.tokenFor({ userId: ulid(), roles: ['national_admin'] });
  return {
    nationalToken,
    a: await buildNetwork(api, nationalToken, 'Réseau A'),
    b: await buildNetwork(api, nationalToken, 'Réseau B'),
  };
};

export type { NetworkWorld, World };
export { buildWorld, expectStatus, tokenOfLogin };
