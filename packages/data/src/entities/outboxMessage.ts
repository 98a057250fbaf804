/**
 * An email waiting for (or past) delivery, written in the transaction of the event that causes it.
 * A candidate's message lives in the candidate's partition (`T#<t>#C#<c>` / `MSG#<id>`, erased with
 * them); a jury member's or staff member's in a partition of its own (`OUTBOX#<id>` / `MESSAGE`).
 * Index: gsi1 "pendingMessages" (sparse, sharded `OUTBOX#PENDING#<shard>`). Keys: outbox.ts
 * (`outboxKeys`), built from keyPrefixes.ts. The local sender's mailbox (dev and tests only) is
 * `LOCALMAIL` / `<sentAt>#<messageId>`.
 */
import { MessageContent, MessageStatus, Recipient } from '@socle/domain/notifications';
import * as z from 'zod';
import { INDEXES } from '../table.ts';
import { itemReader } from './storedItem.ts';

const outboxIndexes = { pending: INDEXES.pendingMessages } as const;

const messageStatuses = Object.values(MessageStatus) as [MessageStatus, ...MessageStatus[]];

const OutboxMessageItem = z.object({
  messageId: z.string(),
  /** What caused it, unique per event and recipient: the same key never queues twice. */
  eventKey: z.string(),
  recipient: Recipient,
  content: MessageContent,
  status: z.enum(messageStatuses),
  createdAt: z.string(),
  /** The owner: a candidate's dossier, or the person (jury member, staff). */
  tenantId: z.string().optional(),
  candidateId: z.string().optional(),
  dossierId: z.string().optional(),
  userId: z.string().optional(),
  claimedAt: z.string().optional(),
  claimToken: z.string().optional(),
  attempts: z.number().int().optional(),
  deliveredAt: z.string().optional(),
  providerMessageId: z.string().optional(),
  lastError: z.string().optional(),
});
type StoredMessage = z.output<typeof OutboxMessageItem>;

/** What the local sender "sent", rendered (dev and tests only). */
const LocalMailItem = z.object({
  messageId: z.string(),
  to: z.string(),
  sentAt: z.string(),
  email: z.object({
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  }),
});
type LocalMail = z.output<typeof LocalMailItem>;

const outboxMessageFromItem = itemReader('outbox message', OutboxMessageItem);
const localMailFromItem = itemReader('local mail', LocalMailItem);

export type { LocalMail, StoredMessage };
export { LocalMailItem, OutboxMessageItem, localMailFromItem, outboxIndexes, outboxMessageFromItem };
