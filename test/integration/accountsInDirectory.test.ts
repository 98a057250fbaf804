/**
 * Accounts in the identity directory (Cognito in AWS), over real HTTP and DynamoDB Local with the
 * directory interface the handlers use held in memory: a jury member gets an account when invited
 * and loses it when deactivated, as staff do; an invitation the directory refuses leaves nothing
 * committed and its retry (same idempotency key) is a fresh attempt, never a replayed 201.
 */
import { findLogin } from '@socle/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { installMemoryDirectory } from '../support/identityDirectory.ts';
import type { MemoryDirectory } from '../support/identityDirectory.ts';
import { unique, userInvite } from '../support/samples.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let directory: MemoryDirectory;

const juryInvite = () => ({
  email: `jury.${unique()}@exemple.fr`,
  firstName: 'Marc',
  lastName: `Jury${unique()}`,
  role: 'jury_member',
  college: 'employer',
  termFrom: '2025-01-01',
  links: [],
});

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  directory = installMemoryDirectory();
});
afterAll(async () => {
  directory.uninstall();
  await api.stop();
});

describe('Jury accounts in the identity directory', () => {
  it('invites a jury member with an account of their own, enabled', async () => {
    // Prepare
    const body = juryInvite();
    // Act
    const invited = await api.call('POST', '/juries/11/members', { token: world.nationalToken, body });
    // Assess
    expect(invited.status).toBe(201);
    expect(directory.accounts.get(invited.body.userId)).toEqual({
      id: invited.body.userId,
      email: body.email,
      firstName: 'Marc',
      lastName: body.lastName,
      enabled: true,
    });
  });

  it('disables the account when the member is deactivated, and enables it again', async () => {
    // Prepare
    const invited = await api.call('POST', '/juries/11/members', {
      token: world.nationalToken,
      body: juryInvite(),
    });
    const path = `/juries/11/members/${invited.body.userId}`;
    // Act
    const off = await api.call('PATCH', path, {
      token: world.nationalToken,
      body: { version: 1, active: false },
    });
    const disabled = directory.accounts.get(invited.body.userId)?.enabled;
    await api.call('PATCH', path, { token: world.nationalToken, body: { version: 2, active: true } });
    // Assess
    expect(off.status).toBe(200);
    expect(disabled).toBe(false);
    expect(directory.accounts.get(invited.body.userId)?.enabled).toBe(true);
  });

  it('leaves no member nor login when the directory refuses; the same key then invites for real', async () => {
    // Prepare
    const body = juryInvite();
    const headers = { 'idempotency-key': `jury-${unique()}` };
    directory.refuseInvitations(1);
    // Act
    const refused = await api.call('POST', '/juries/11/members', {
      token: world.nationalToken,
      body,
      headers,
    });
    const members = await api.call('GET', '/juries/11/members', { token: world.nationalToken });
    const retried = await api.call('POST', '/juries/11/members', {
      token: world.nationalToken,
      body,
      headers,
    });
    const replayed = await api.call('POST', '/juries/11/members', {
      token: world.nationalToken,
      body,
      headers,
    });
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('invitation_not_sent');
    expect(members.body.items.map((m: { email: string }) => m.email)).not.toContain(body.email);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(directory.accounts.has(retried.body.userId)).toBe(true);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.userId).toBe(retried.body.userId);
  });
});

describe('Staff accounts in the identity directory', () => {
  it('an invitation the directory refuses leaves no user, login or taken email; a retry is fresh', async () => {
    // Prepare
    const body = userInvite(['advisor'], [world.a.organismId]);
    const headers = { 'idempotency-key': `staff-${unique()}` };
    directory.refuseInvitations(1);
    // Act
    const refused = await api.call('POST', '/users', { token: world.a.tokens.admin, body, headers });
    const users = await api.call('GET', '/users', { token: world.a.tokens.admin });
    const retried = await api.call('POST', '/users', { token: world.a.tokens.admin, body, headers });
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'invitation_not_sent',
      message: expect.stringContaining('réessayez'),
    });
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain(body.email);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await findLogin(retried.body.id)).toMatchObject({ email: body.email, status: 'active' });
    expect(directory.accounts.get(retried.body.id)?.enabled).toBe(true);
  });

  it('disables a staff account with its user', async () => {
    // Prepare
    const invited = await api.call('POST', '/users', {
      token: world.a.tokens.admin,
      body: userInvite(['advisor'], [world.a.organismId]),
    });
    // Act
    await api.call('PATCH', `/users/${invited.body.id}`, {
      token: world.a.tokens.admin,
      body: { version: 1, status: 'disabled' },
    });
    // Assess
    expect(directory.accounts.get(invited.body.id)?.enabled).toBe(false);
  });

  it('never tells a network admin that an address has an account in another network: one generic answer', async () => {
    // Prepare: an address of network B's staff, one of the national admin's, and one Cognito refuses.
    const bAdvisor = await api.call('GET', `/users/${world.b.userIds.advisor}`, {
      token: world.b.tokens.admin,
    });
    const invite = (email: string) =>
      api.call('POST', '/users', {
        token: world.a.tokens.admin,
        body: { ...userInvite(['advisor'], [world.a.organismId]), email },
      });
    // Act
    const elsewhere = await invite(bAdvisor.body.email);
    const refusedByDirectory = await invite(`personne.${unique()}@exemple.invalid`);
    // Assess: the same 400 on email, saying nothing of an account.
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.fields).toEqual(refusedByDirectory.body.fields);
    expect(elsewhere.body.fields).toEqual([
      { path: 'email', message: expect.not.stringMatching(/compte|réseau/), code: 'email_unavailable' },
    ]);
  });

  it('says so when the address is already a user of the same network', async () => {
    // Prepare
    const own = await api.call('GET', `/users/${world.a.userIds.advisor}`, { token: world.a.tokens.admin });
    // Act
    const again = await api.call('POST', '/users', {
      token: world.a.tokens.admin,
      body: { ...userInvite(['advisor'], [world.a.organismId]), email: own.body.email },
    });
    // Assess
    expect(again.status).toBe(400);
    expect(again.body.fields[0]).toMatchObject({ path: 'email', code: 'email_in_network' });
  });
});
