/**
 * The rules of the outbox (SPEC §5b), pure: whether a message may be sent now, and which deadline
 * reminder a dossier is due. The data layer reads, asks, then writes with the same conditions in
 * DynamoDB (a claim is a conditional update), so a decision made on a stale read cannot send twice.
 */
import { addDays, addMonths } from '../deadline.ts';
import { EXPIRABLE } from '../dossierStateMachine.ts';
import type { DossierStatus } from '../dossierStateMachine.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Refused, Verdict } from '../rules/verdict.ts';
import { NOTIFICATION_RULE_CODES } from './codes.ts';
import type { NotificationRuleCode } from './codes.ts';

/** Written at write time: the event's message (its key) is already in the outbox. */
const messageAlreadyQueued: Refused<NotificationRuleCode> = refuse(
  'message_already_queued',
  'ce message a déjà été préparé pour cet événement',
);

const MessageStatus = {
  PENDING: 'pending',
  DELIVERED: 'delivered',
  /** Not sent: the address bounced or complained (suppression list). */
  SUPPRESSED: 'suppressed',
  /** Not sent: every attempt failed, or the stored message no longer parses. */
  FAILED: 'failed',
} as const;
type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

const DELIVERY_LIMITS = {
  /** A claim older than this is taken to be a crashed delivery: the message is tried again. */
  claimTimeoutMinutes: 10,
  /** Attempts before a message is given up as failed. */
  maxAttempts: 5,
} as const;

/** A claim's cut-off: claims made before it are stale. */
const staleClaimBefore = (now: Date): string =>
  new Date(now.getTime() - DELIVERY_LIMITS.claimTimeoutMinutes * 60_000).toISOString();

interface DeliveryState {
  status: MessageStatus;
  claimedAt?: string;
  /** The recipient's address is on the suppression list. */
  suppressed: boolean;
  now: Date;
}

/** Whether a delivery may claim and send a message now. */
const checkDelivery = ({
  status,
  claimedAt,
  suppressed,
  now,
}: DeliveryState): Verdict<NotificationRuleCode> => {
  if (status === MessageStatus.DELIVERED) return refuse('message_delivered', 'message déjà envoyé');
  if (status !== MessageStatus.PENDING) return refuse('message_closed', 'message abandonné');
  if (claimedAt && claimedAt >= staleClaimBefore(now)) {
    return refuse('message_claimed', 'message en cours d’envoi par une autre livraison');
  }
  if (suppressed) {
    return refuse(
      'recipient_suppressed',
      'adresse écartée après un rejet définitif ou une plainte : message non envoyé',
    );
  }
  return allow();
};

/** Months before the 5-year limit at which the candidate is reminded, most urgent last. */
const DEADLINE_REMINDER_MONTHS = [6, 1] as const;
type ReminderThreshold = (typeof DEADLINE_REMINDER_MONTHS)[number];

/**
 * Days a reminder may be late (a sweep that did not run): past them the reminder is skipped rather
 * than telling someone "6 months left" when 5 are.
 */
const REMINDER_GRACE_DAYS = 7;

/** The deadlines that reach a threshold between `today - grace` and `today`: `[from, to]` inclusive. */
const reminderWindow = (today: string, months: ReminderThreshold) => {
  const to = addMonths(today, months);
  return { from: addDays(to, -(REMINDER_GRACE_DAYS - 1)), to };
};

interface ReminderOptions {
  status: DossierStatus;
  deadline?: string;
  today: string;
  /** Thresholds already reminded for this deadline (their markers). */
  sent: readonly number[];
}

/**
 * The reminder a dossier is due today, if any: the most urgent threshold whose window holds the
 * deadline, unless already sent; never once the deadline has passed or the dossier cannot expire.
 */
const dueDeadlineReminder = ({
  status,
  deadline,
  today,
  sent,
}: ReminderOptions): ReminderThreshold | undefined => {
  if (!deadline || !EXPIRABLE.includes(status) || deadline < today) return undefined;
  const due = [...DEADLINE_REMINDER_MONTHS]
    .sort((a, b) => a - b)
    .find((months) => {
      const { from, to } = reminderWindow(today, months);
      return deadline >= from && deadline <= to;
    });
  return due !== undefined && !sent.includes(due) ? due : undefined;
};

export type { DeliveryState, NotificationRuleCode, ReminderOptions, ReminderThreshold };
export {
  DEADLINE_REMINDER_MONTHS,
  DELIVERY_LIMITS,
  MessageStatus,
  NOTIFICATION_RULE_CODES,
  messageAlreadyQueued,
  REMINDER_GRACE_DAYS,
  checkDelivery,
  dueDeadlineReminder,
  reminderWindow,
  staleClaimBefore,
};
