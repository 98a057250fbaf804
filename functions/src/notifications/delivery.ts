/**
 * Delivery of the outbox: reads the pending messages (sparse index, no scan), and for each one asks
 * the domain whether it may be sent, claims it with a conditional update (so a retried or concurrent
 * delivery sends it once), renders it, sends it through the sender port and closes it with the
 * provider's message id. A claim older than the claim timeout is a crashed delivery: the message is
 * tried again. An address on the suppression list is never sent to.
 */
import {
  claimMessage,
  closeMessage,
  listPendingMessages,
  recordSendFailure,
  suppressedAmong,
} from '@socle/data';
import type { OutboxMessage } from '@socle/data';
import {
  MessageContent,
  MessageStatus,
  Recipient,
  checkDelivery,
  renderMessage,
} from '@socle/domain/notifications';
import type { RenderOptions } from '@socle/domain/notifications';
import type { EmailSender } from './emailSender.ts';

interface DeliveryOptions {
  sender: EmailSender;
  render: Omit<RenderOptions, 'now'>;
  now?: () => Date;
  /** Messages per run: a scheduled run every minute drains bursts in a few runs. */
  limit?: number;
  /** Sends at once (SES allows 14 a second by default). */
  concurrency?: number;
}

interface DeliveryReport {
  delivered: number;
  suppressed: number;
  failed: number;
  /** The provider refused it this time: tried again once the claim is stale. */
  retried: number;
  /** Held by another delivery, or closed meanwhile. */
  skipped: number;
}

type Outcome = keyof DeliveryReport;

const deliverOne = async (
  message: OutboxMessage,
  suppressed: Set<string>,
  { sender, render, now = () => new Date() }: DeliveryOptions,
): Promise<Outcome> => {
  const at = now();
  const parsed = {
    content: MessageContent.safeParse(message.content),
    recipient: Recipient.safeParse(message.recipient),
  };
  const verdict = checkDelivery({
    status: message.status,
    claimedAt: message.claimedAt,
    suppressed: parsed.recipient.success && suppressed.has(parsed.recipient.data.email),
    now: at,
  });
  if (!verdict.ok && verdict.code !== 'recipient_suppressed') return 'skipped';
  const claimed = await claimMessage(message.key, at);
  if (!claimed) return 'skipped';
  if (!verdict.ok) {
    await closeMessage({ message: claimed, status: MessageStatus.SUPPRESSED, now: at, error: verdict.code });
    return 'suppressed';
  }
  if (!parsed.content.success || !parsed.recipient.success) {
    // Written by an older version of the catalogue: sending a half-rendered email would be worse.
    await closeMessage({ message: claimed, status: MessageStatus.FAILED, now: at, error: 'invalid_message' });
    return 'failed';
  }
  const email = renderMessage(parsed.content.data, parsed.recipient.data, { ...render, now: at });
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await sender.send({
      ...email,
      messageId: claimed.messageId,
      to: parsed.recipient.data.email,
    }));
  } catch (error) {
    const givenUp = await recordSendFailure(
      claimed,
      error instanceof Error ? error.name : 'send_failed',
      now(),
    );
    return givenUp ? 'failed' : 'retried';
  }
  await closeMessage({ message: claimed, status: MessageStatus.DELIVERED, now: now(), providerMessageId });
  return 'delivered';
};

/** One delivery run over the pending messages; safe to run concurrently with another. */
const deliverPendingMessages = async (options: DeliveryOptions): Promise<DeliveryReport> => {
  const report: DeliveryReport = { delivered: 0, suppressed: 0, failed: 0, retried: 0, skipped: 0 };
  const pending = await listPendingMessages({ limit: options.limit ?? 200 });
  const suppressed = await suppressedAmong(
    pending.flatMap((m) => (typeof m.recipient?.email === 'string' ? [m.recipient.email] : [])),
  );
  const queue = [...pending];
  const worker = async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      report[await deliverOne(message, suppressed, options)]++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return report;
};

export type { DeliveryOptions, DeliveryReport };
export { deliverPendingMessages };
