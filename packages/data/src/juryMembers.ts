/**
 * Jury members and secretaries of a region (`JURY#<region>` / `MEMBER#<userId>`), managed by the
 * national admin. Their login carries the region (and college) claims; they belong to no network.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, ValidationError, duplicateId, violationOf } from '@socle/domain';
import type { JuryMember } from '@socle/domain';
import type { z } from 'zod';
import type { JuryMemberInvite, JuryMemberUpdate } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { queryAll } from './queryAll.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { loginItemOf, newLoginItems, withdrawnLoginItems } from './users.ts';
import type { Login } from './users.ts';
import { juryMemberFromItem } from './entities/jury.ts';

const memberItem = (member: JuryMember) => ({
  ...keys.juryMember(member.region, member.userId),
  itemType: 'JuryMember',
  ...member,
});

const loginOfMember = (member: JuryMember): Login => ({
  userId: member.userId,
  email: member.email,
  name: `${member.firstName} ${member.lastName}`,
  roles: [member.role],
  organisms: [],
  region: member.region,
  college: member.college ?? undefined,
  status: member.active ? 'active' : 'disabled',
});

const platformAudit = (at: string, id: string) => keys.platformAudit(at, id);

/**
 * Writes an invited jury member with their login (one transaction). Their account in the identity
 * directory (Cognito) is created next by the caller, which calls `withdrawJuryMemberInvitation` if
 * that fails (functions/src/identityDirectory.ts), as for staff.
 */
const inviteJuryMember = async (
  ctx: WriteContext,
  region: string,
  input: z.infer<typeof JuryMemberInvite>,
): Promise<JuryMember> => {
  const now = ctx.clock.now();
  const member: JuryMember = {
    userId: ulid(ctx.clock.instant().getTime()),
    region,
    ...input,
    college: input.role === 'jury_member' ? input.college : null,
    active: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    ...newLoginItems(loginOfMember(member)),
    putNew(memberItem(member), () => violationOf(duplicateId)),
    auditPut(platformAudit, ctx, {
      action: 'jury_member.invited',
      entity: { type: 'jury_member', id: member.userId },
      summary: `${region} ${member.role}`,
    }),
  ]);
  return member;
};

/** Undoes `inviteJuryMember` when no account could be created for them. */
const withdrawJuryMemberInvitation = async (ctx: WriteContext, member: JuryMember) => {
  await transact([
    ...withdrawnLoginItems(member),
    {
      item: {
        Delete: {
          TableName: tableName(),
          Key: keys.juryMember(member.region, member.userId),
          ConditionExpression: 'version = :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    },
    auditPut(platformAudit, ctx, {
      action: 'jury_member.invitation_withdrawn',
      entity: { type: 'jury_member', id: member.userId },
    }),
  ]);
};

const getJuryMember = async (region: string, userId: string): Promise<JuryMember> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.juryMember(region, userId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError('jury member');
  return juryMemberFromItem(Item);
};

const listJuryMembers = async (region: string): Promise<JuryMember[]> =>
  (await queryAll(keys.juryMembersPrefix(region), juryMemberFromItem)).sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'),
  );

const updateJuryMember = async (
  ctx: WriteContext,
  region: string,
  userId: string,
  input: z.infer<typeof JuryMemberUpdate>,
): Promise<JuryMember> => {
  const current = await getJuryMember(region, userId);
  assertVersion('jury member', current, input.version);
  const { version: _v, ...fields } = input;
  const next: JuryMember = {
    ...current,
    ...fields,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  if (next.role === 'jury_member' && !next.college) {
    throw new ValidationError([
      { path: 'college', message: 'collège employeur ou salarié requis pour un membre' },
    ]);
  }
  await transact([
    putVersioned('jury member', memberItem(next), current.version),
    { item: { Put: { TableName: tableName(), Item: loginItemOf(loginOfMember(next)) } } },
    auditPut(platformAudit, ctx, {
      action: 'jury_member.updated',
      entity: { type: 'jury_member', id: userId },
    }),
  ]);
  return next;
};

export { getJuryMember, inviteJuryMember, listJuryMembers, updateJuryMember, withdrawJuryMemberInvitation };
