/**
 * Network staff (`T#<tenantId>` / `USER#<id>`) and logins (`LOGIN#<id>`): the login item is the one
 * source of the token claims (tenant, roles, organisms), written in the same transaction as the user,
 * so a user can never change their own tenant or roles.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  NotFoundError,
  ValidationError,
  canChangeOwnAccount,
  duplicateId,
  emailRefusal,
  enforce,
  violationOf,
} from '@socle/domain';
import type { Principal, User, UserInvite, UserUpdate } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { indexPartitionQuery, queryAll } from './queryAll.ts';
import { tenantAuditOf } from './organisms.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';
import { loginFromItem } from './entities/login.ts';
import type { Login } from './entities/login.ts';
import { userFromItem } from './entities/user.ts';

const loginItem = (login: Login) => ({
  ...keys.login(login.userId),
  ...keys.loginsByEmail(login.email),
  itemType: 'Login',
  ...login,
});

const loginOfUser = (scope: TenantScope, user: User): Login => ({
  userId: user.id,
  email: user.email,
  name: `${user.firstName} ${user.lastName}`,
  tenantId: scope.tenantId,
  roles: user.roles,
  organisms: user.organisms,
  status: user.status,
});

const emailTaken = (path: string) =>
  new ValidationError([{ path, message: 'cette adresse e-mail a déjà un compte' }]);

/** The email of an invitation is claimed by another login (`userId`); the caller decides what to say. */
class EmailClaimedError extends Error {
  readonly userId: string | undefined;
  constructor(userId: string | undefined) {
    super('email already claimed');
    this.name = 'EmailClaimedError';
    this.userId = userId;
  }
}

/**
 * Puts that create a login and reserve its email (a second account with the same email is refused:
 * by default a 400 on `email`, or the error `onEmailClaimed` makes of the claim found).
 */
const newLoginItems = (
  login: Login,
  onEmailClaimed: (existing: Record<string, unknown> | undefined) => Error = () => emailTaken('email'),
): GuardedItem[] => [
  {
    // The failed claim comes back (ALL_OLD): whose login holds the email.
    ...putNew({ ...keys.emailClaim(login.email), itemType: 'EmailClaim', userId: login.userId }, () =>
      emailTaken('email'),
    ),
    onConditionFailed: onEmailClaimed,
  },
  putNew(loginItem(login), () => violationOf(duplicateId)),
];

const userItem = (scope: TenantScope, user: User) => ({
  ...keys.user(scope, user.id),
  itemType: 'User',
  ...user,
});

const organismsExist = (scope: TenantScope, organismIds: string[]): GuardedItem[] =>
  organismIds.map((organismId, index) => ({
    item: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.organism(scope, organismId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    onConditionFailed: () =>
      new ValidationError([{ path: `organisms.${index}`, message: 'organisme inconnu dans ce réseau' }]),
  }));

/**
 * Writes an invited user with their login (one transaction). The account in the identity directory
 * (Cognito) is created next by the caller, which calls `withdrawUserInvitation` if that fails, and
 * stores the idempotent response only once it succeeded (functions/src/identityDirectory.ts).
 */
const inviteUser = async (actor: TenantActor, input: UserInvite): Promise<User> => {
  const { scope } = actor;
  const ctx = actor;
  const now = ctx.clock.now();
  const user: User = {
    id: ulid(ctx.clock.instant().getTime()),
    ...input,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const claimed = (existing: Record<string, unknown> | undefined) =>
    new EmailClaimedError(typeof existing?.userId === 'string' ? existing.userId : undefined);
  await transact([
    ...newLoginItems(loginOfUser(scope, user), claimed),
    putNew(userItem(scope, user), () => violationOf(duplicateId)),
    ...organismsExist(scope, user.organisms),
    auditPut(tenantAuditOf(scope), ctx, {
      action: 'user.invited',
      entity: { type: 'user', id: user.id },
      summary: user.roles.join(', '),
    }),
  ]).catch(async (error: unknown) => {
    if (!(error instanceof EmailClaimedError)) throw error;
    // Only a login of this very network may be named as such; anywhere else, the generic answer.
    const owner = error.userId ? await findLogin(error.userId) : undefined;
    enforce(emailRefusal({ sameNetwork: owner?.tenantId === scope.tenantId }));
  });
  return user;
};

/**
 * Deletes a login and frees its email, each only if still the one just written: the undo of an
 * invitation the identity directory refused.
 */
const withdrawnLoginItems = (login: Pick<Login, 'userId' | 'email'>): GuardedItem[] => [
  {
    item: {
      Delete: {
        TableName: tableName(),
        Key: keys.emailClaim(login.email),
        ConditionExpression: 'userId = :id',
        ExpressionAttributeValues: { ':id': login.userId },
      },
    },
  },
  { item: { Delete: { TableName: tableName(), Key: keys.login(login.userId) } } },
];

/** Undoes `inviteUser` when no account could be created for them: nothing of them stays but the audit. */
const withdrawUserInvitation = async (actor: TenantActor, user: User) => {
  const { scope } = actor;
  const ctx = actor;
  await transact([
    ...withdrawnLoginItems({ userId: user.id, email: user.email }),
    {
      item: {
        Delete: {
          TableName: tableName(),
          Key: keys.user(scope, user.id),
          ConditionExpression: 'version = :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    },
    auditPut(tenantAuditOf(scope), ctx, {
      action: 'user.invitation_withdrawn',
      entity: { type: 'user', id: user.id },
    }),
  ]);
};

const getUser = async (scope: TenantScope, userId: string): Promise<User> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.user(scope, userId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('user');
  return userFromItem(Item);
};

const listUsers = async (scope: TenantScope): Promise<User[]> =>
  (await queryAll(keys.usersPrefix(scope), userFromItem)).sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'),
  );

const updateUser = async (actor: TenantActor, userId: string, input: UserUpdate): Promise<User> => {
  const { scope } = actor;
  const ctx = actor;
  const current = await getUser(scope, userId);
  assertVersion('user', current, input.version);
  const { version: _ignored, ...fields } = input;
  const next: User = {
    ...current,
    ...fields,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  if (
    next.roles.some((r) => r === 'evaluator' || r === 'trainer' || r === 'advisor') &&
    next.organisms.length === 0
  ) {
    throw new ValidationError([{ path: 'organisms', message: 'au moins un organisme pour ce rôle' }]);
  }
  enforce(
    canChangeOwnAccount({ self: userId === ctx.principal.userId, status: next.status, roles: next.roles }),
  );
  const addedOrganisms = next.organisms.filter((o) => !current.organisms.includes(o));
  await transact([
    putVersioned('user', userItem(scope, next), current.version),
    {
      item: { Put: { TableName: tableName(), Item: loginItem(loginOfUser(scope, next)) } },
    },
    ...organismsExist(scope, addedOrganisms),
    auditPut(tenantAuditOf(scope), ctx, {
      action:
        next.status !== current.status
          ? `user.${next.status === 'disabled' ? 'disabled' : 'enabled'}`
          : 'user.updated',
      entity: { type: 'user', id: userId },
    }),
  ]);
  return next;
};

/** The network admins of a tenant, for the national admin's view of a network. */
const listTenantAdmins = async (scope: TenantScope): Promise<User[]> =>
  (await listUsers(scope)).filter((u) => u.roles.includes('network_admin'));

/** Platform-level logins (national admin, jury users): no tenant. */
const createPlatformLogin = async (ctx: WriteContext, login: Omit<Login, 'tenantId' | 'status'>) => {
  const full: Login = { ...login, status: 'active' };
  await transact([
    ...newLoginItems(full),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'login.created',
      entity: { type: 'login', id: login.userId },
      summary: login.roles.join(', '),
    }),
  ]);
  return full;
};

const findLogin = async (userId: string): Promise<Login | undefined> => {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.login(userId) }));
  return Item ? loginFromItem(Item) : undefined;
};

/** Every login, by email (dev issuer's user picker; small by nature in a demo). */
const listLogins = async (): Promise<Login[]> => {
  const items: Login[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand(indexPartitionQuery(keys.loginsList(), { startKey })));
    items.push(...(page.Items ?? []).map(loginFromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** Claims of a login, as both the Cognito trigger and the dev issuer put them in tokens. */
const claimsOf = (login: Login): Omit<Principal, 'userId'> => ({
  email: login.email,
  name: login.name,
  tenantId: login.tenantId,
  roles: login.roles,
  organisms: login.organisms,
  region: login.region,
  college: login.college,
});

export type { Login };
export {
  loginItem as loginItemOf,
  claimsOf,
  createPlatformLogin,
  findLogin,
  getUser,
  inviteUser,
  listLogins,
  listTenantAdmins,
  listUsers,
  newLoginItems,
  updateUser,
  withdrawUserInvitation,
  withdrawnLoginItems,
};
