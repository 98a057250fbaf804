/**
 * The outbox (SPEC §5b): a message is an item written IN THE SAME TRANSACTION as the event that
 * causes it, so it exists if and only if the event does; the delivery function sends it later.
 *
 * - Its id is derived from the event (`eventKey`) and its Put is conditional: the same event can
 *   never queue two messages, whatever retries happen.
 * - A candidate's message lives in the candidate's partition (`T#<t>#C#<c>` / `MSG#<id>`): pattern
 *   39, which erasure and subject access read, finds it, and it is erased with the candidate. A jury
 *   member's or staff message has a partition of its own (`OUTBOX#<id>` / `MESSAGE`).
 * - While pending it sits in the sparse index gsi1 "pendingMessages" (`OUTBOX#PENDING#<shard>`,
 *   sorted by creation), which delivery queries; delivering removes the entry. Four shards spread a
 *   jury closing's burst over four index partitions.
 * - It holds the recipient (address, first name) and only the values its email prints; once sent or
 *   given up it expires (TTL) after `KEEP_AFTER_DELIVERY_DAYS`.
 *
 * The keys are built here, beside the only module that writes these items (docs/data-model.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { violationOf } from '@socle/domain';
import {
  DELIVERY_LIMITS,
  MessageContent,
  MessageStatus,
  Recipient,
  RecipientKind,
  messageAlreadyQueued,
  recipientKindOf,
  staleClaimBefore,
} from '@socle/domain/notifications';
import { db } from './client.ts';
import type { Key } from './keys.ts';
import { keys } from './keys.ts';
import { KEY_PREFIXES } from './keyPrefixes.ts';
import { localMailFromItem, outboxMessageFromItem } from './entities/outboxMessage.ts';
import type { LocalMail, StoredMessage } from './entities/outboxMessage.ts';
import type { TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import type { GuardedItem } from './transact.ts';

/** How long a sent (or abandoned) message is kept, for support questions ("did they get it?"). */
const KEEP_AFTER_DELIVERY_DAYS = 30;
const PENDING_SHARDS = 4;
/** Sort keys of a candidate's messages in their partition. */
const CANDIDATE_MESSAGE_PREFIX = 'MSG#';
/** The local sender's mailbox partition (dev and tests only: no deployed role is granted it). */
const LOCAL_MAILBOX = 'LOCALMAIL';

/** Deterministic: the same event always gives the same id. */
const messageIdOf = (eventKey: string): string =>
  createHash('sha256').update(eventKey).digest('hex').slice(0, 32);

const outboxKeys = {
  /** A candidate's message, in their partition (erased with them). */
  candidateMessage: (scope: TenantScope, candidateId: string, messageId: string): Key => ({
    pk: keys.candidatePartition(scope, candidateId).pk,
    sk: `${CANDIDATE_MESSAGE_PREFIX}${messageId}`,
  }),
  /** A jury member's or staff member's message. */
  message: (messageId: string): Key => ({ pk: `${KEY_PREFIXES.outbox}${messageId}`, sk: 'MESSAGE' }),
  /** gsi1 "pendingMessages" (sparse): set while the message waits for delivery. */
  pendingEntry: (messageId: string, createdAt: string) => ({
    gsi1pk: `${KEY_PREFIXES.pendingMessages}${Number.parseInt(messageId.slice(0, 2), 16) % PENDING_SHARDS}`,
    gsi1sk: `${createdAt}#${messageId}`,
  }),
  pendingShards: () =>
    Array.from({ length: PENDING_SHARDS }, (_, shard) => `${KEY_PREFIXES.pendingMessages}${shard}`),
  /** The local sender's mailbox (dev and tests): newest first. */
  localMailbox: () => LOCAL_MAILBOX,
  localMail: (sentAt: string, messageId: string): Key => ({
    pk: LOCAL_MAILBOX,
    sk: `${sentAt}#${messageId}`,
  }),
  /** "Reminded at N months for this deadline": one per dossier, deadline and threshold, never twice. */
  deadlineReminder: (scope: TenantScope, dossierId: string, deadline: string, months: number): Key => ({
    pk: keys.dossier(scope, dossierId).pk,
    sk: `REMINDER#${deadline}#${months}`,
  }),
} as const;

type OutboxMessage = StoredMessage & { key: Key };

interface MessageInput {
  /**
   * What caused the message, unique per event and recipient: `dossier.opened:<dossierId>`,
   * `jury.convocation:<sessionId>:<userId>:<sequence>`… The same key never queues twice.
   */
  eventKey: string;
  recipient: Recipient;
  content: MessageContent;
  now: Date;
}

const queuedMessage = (key: Key, input: MessageInput, owner: Record<string, string>): GuardedItem => {
  const content = MessageContent.parse(input.content);
  const recipient = Recipient.parse(input.recipient);
  if (recipientKindOf(content.template) !== recipient.kind) {
    throw new Error(`template ${content.template} is not for a ${recipient.kind}`);
  }
  const messageId = messageIdOf(input.eventKey);
  const createdAt = input.now.toISOString();
  const item: StoredMessage & Key = {
    ...key,
    messageId,
    eventKey: input.eventKey,
    recipient,
    content,
    status: MessageStatus.PENDING,
    createdAt,
    ...owner,
  };
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: { ...item, ...outboxKeys.pendingEntry(messageId, createdAt), itemType: 'OutboxMessage' },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () => violationOf(messageAlreadyQueued),
  };
};

interface CandidateMessageInput extends Omit<MessageInput, 'recipient'> {
  scope: TenantScope;
  /** The candidate as stored: no address, no message. */
  candidate: { id: string; firstName: string; email?: string | null };
  dossierId: string;
}

/**
 * The Put to append to the transaction of an event that tells a candidate something; none when the
 * candidate gave no email address.
 */
const candidateMessage = (input: CandidateMessageInput): GuardedItem[] => {
  if (!input.candidate.email) return [];
  const messageId = messageIdOf(input.eventKey);
  return [
    queuedMessage(
      outboxKeys.candidateMessage(input.scope, input.candidate.id, messageId),
      {
        ...input,
        recipient: {
          kind: RecipientKind.CANDIDATE,
          email: input.candidate.email,
          firstName: input.candidate.firstName,
        },
      },
      { tenantId: input.scope.tenantId, candidateId: input.candidate.id, dossierId: input.dossierId },
    ),
  ];
};

/**
 * The candidate as a message needs them (id, first name, address), read from the candidate item: the
 * dossier only carries the name. Undefined once erased.
 */
const findMessageCandidate = async (
  scope: TenantScope,
  candidateId: string,
): Promise<CandidateMessageInput['candidate'] | undefined> => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.candidate(scope, candidateId),
      ProjectionExpression: 'id, firstName, email',
    }),
  );
  return Item
    ? { id: String(Item.id), firstName: String(Item.firstName), email: Item.email as string | null }
    : undefined;
};

interface PersonMessageInput extends Omit<MessageInput, 'recipient'> {
  person: { userId: string; firstName: string; email: string };
}

/** The Put to append to the transaction of an event that tells a jury member something. */
const juryMemberMessage = (input: PersonMessageInput): GuardedItem[] => [
  queuedMessage(
    outboxKeys.message(messageIdOf(input.eventKey)),
    {
      ...input,
      recipient: {
        kind: RecipientKind.JURY_MEMBER,
        email: input.person.email,
        firstName: input.person.firstName,
      },
    },
    { userId: input.person.userId },
  ),
];

/** The Put for a staff member who opted in to a message (SPEC §5b: none by default). */
const staffMessage = (input: PersonMessageInput): GuardedItem[] => [
  queuedMessage(
    outboxKeys.message(messageIdOf(input.eventKey)),
    {
      ...input,
      recipient: { kind: RecipientKind.STAFF, email: input.person.email, firstName: input.person.firstName },
    },
    { userId: input.person.userId },
  ),
];

const keyOf = (item: Record<string, unknown>): Key => ({ pk: String(item.pk), sk: String(item.sk) });

const asMessage = (item: Record<string, unknown>): OutboxMessage => ({
  ...outboxMessageFromItem(item),
  key: keyOf(item),
});

/** Pending messages, oldest first per shard, at most `limit` in all (pattern: gsi1 "pendingMessages"). */
const listPendingMessages = async ({ limit }: { limit: number }): Promise<OutboxMessage[]> => {
  const found: OutboxMessage[] = [];
  for (const shard of outboxKeys.pendingShards()) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :shard',
          ExpressionAttributeValues: { ':shard': shard },
          ExclusiveStartKey: startKey,
          Limit: limit - found.length,
        }),
      );
      found.push(...(page.Items ?? []).map(asMessage));
      startKey = page.LastEvaluatedKey;
    } while (startKey && found.length < limit);
    if (found.length >= limit) break;
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * Claims a pending message for one delivery: a conditional update that succeeds only if nobody else
 * holds a fresh claim, so two deliveries never both send it. Undefined when another one has it.
 */
const claimMessage = async (key: Key, now: Date): Promise<OutboxMessage | undefined> => {
  const token = randomUUID();
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression:
          'SET claimedAt = :now, claimToken = :token, attempts = if_not_exists(attempts, :zero) + :one',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':token': token,
          ':zero': 0,
          ':one': 1,
          ':pending': MessageStatus.PENDING,
          ':stale': staleClaimBefore(now),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? asMessage(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
};

const expiresAtAfterDelivery = (now: Date) =>
  Math.floor(now.getTime() / 1000) + KEEP_AFTER_DELIVERY_DAYS * 86_400;

interface CloseMessageOptions {
  message: OutboxMessage;
  status: MessageStatus;
  now: Date;
  providerMessageId?: string;
  error?: string;
}

/**
 * Closes a claimed message (delivered, suppressed or failed), only if the claim is still ours:
 * it leaves the pending index and expires later. False when another delivery took it over.
 */
const closeMessage = async ({ message, status, now, providerMessageId, error }: CloseMessageOptions) => {
  const set = ['#status = :status', 'closedAt = :now', 'expiresAt = :expires'];
  const values: Record<string, unknown> = {
    ':status': status,
    ':now': now.toISOString(),
    ':expires': expiresAtAfterDelivery(now),
    ':token': message.claimToken,
  };
  if (status === MessageStatus.DELIVERED) {
    set.push('deliveredAt = :now', 'providerMessageId = :provider');
    values[':provider'] = providerMessageId ?? 'unknown';
  }
  if (error) {
    set.push('lastError = :error');
    values[':error'] = error.slice(0, 500);
  }
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: message.key,
        UpdateExpression: `SET ${set.join(', ')} REMOVE gsi1pk, gsi1sk, claimToken`,
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (caught) {
    if (isConditionFailure(caught)) return false;
    throw caught;
  }
};

/**
 * A failed send: given up after `DELIVERY_LIMITS.maxAttempts`, otherwise left claimed, so that it is
 * tried again once the claim is stale (the claim timeout is the back-off).
 */
const recordSendFailure = async (message: OutboxMessage, error: string, now: Date) => {
  if ((message.attempts ?? 0) >= DELIVERY_LIMITS.maxAttempts) {
    return closeMessage({ message, status: MessageStatus.FAILED, now, error });
  }
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: message.key,
        UpdateExpression: 'SET lastError = :error',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':error': error.slice(0, 500), ':token': message.claimToken },
      }),
    )
    .catch((caught) => {
      if (!isConditionFailure(caught)) throw caught;
    });
  return false;
};

/**
 * The local sender's mailbox (dev and tests only): each email as it would have left, in one
 * partition (`LOCALMAIL`), newest first, so the dev page and tests read it with one query.
 */
const putLocalMail = async (mail: LocalMail) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...outboxKeys.localMail(mail.sentAt, mail.messageId),
        itemType: 'LocalMail',
        ...mail,
        expiresAt: expiresAtAfterDelivery(new Date(mail.sentAt)),
      },
    }),
  );
};

const listLocalMail = async ({ limit }: { limit: number }): Promise<LocalMail[]> => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': outboxKeys.localMailbox() },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map(localMailFromItem);
};

/** The keys of a candidate's messages, which their erasure deletes with the candidate item. */
const listCandidateMessageKeys = async (scope: TenantScope, candidateId: string): Promise<Key[]> => {
  const { pk } = keys.candidatePartition(scope, candidateId);
  const found: Key[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
        ExpressionAttributeValues: { ':pk': pk, ':msg': CANDIDATE_MESSAGE_PREFIX },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...(page.Items ?? []).map(keyOf));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
};

export type {
  CandidateMessageInput,
  LocalMail,
  MessageInput,
  OutboxMessage,
  PersonMessageInput,
  StoredMessage,
};
export {
  KEEP_AFTER_DELIVERY_DAYS,
  candidateMessage,
  claimMessage,
  closeMessage,
  findMessageCandidate,
  juryMemberMessage,
  listCandidateMessageKeys,
  listLocalMail,
  listPendingMessages,
  messageIdOf,
  outboxKeys,
  putLocalMail,
  recordSendFailure,
  staffMessage,
};
