/**
 * The operator's command for a stage's first national admin: the login works through the API at
 * once, an email that has an account is refused, and bad input names its field.
 */
import { findLogin } from '@socle/data';
import { ValidationError } from '@socle/domain';
import { createNationalAdmin } from '@socle/tooling/ops/nationalAdmin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const issuesOf = async (input: unknown) => {
  const error = await createNationalAdmin(input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.path);
};

describe('npm run national-admin', () => {
  it('creates a national admin who can use the national routes at once', async () => {
    const created = await createNationalAdmin({
      email: 'Premiere.Admin@Certifpro.example',
      firstName: 'Élise',
      lastName: 'N’Guessan',
    });
    const login = await findLogin(created.userId);
    expect(login).toMatchObject({ roles: ['national_admin'], status: 'active', name: 'Élise N’Guessan' });
    const token = await api.issuer.issueAccessToken(login as NonNullable<typeof login>);
    expect((await api.call('GET', '/tenants', { token })).status).toBe(200);
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    expect(
      await issuesOf({ email: 'premiere.admin@certifpro.example', firstName: 'Autre', lastName: 'Personne' }),
    ).toEqual(['email']);
  });

  it('names each missing or malformed field', async () => {
    expect(await issuesOf({ email: 'pas-une-adresse', firstName: '', lastName: 'X' })).toEqual([
      'email',
      'firstName',
    ]);
  });
});
