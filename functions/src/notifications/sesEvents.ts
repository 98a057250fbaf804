/**
 * Bounces and complaints from Amazon SES: the configuration set publishes them to an SNS topic whose
 * subscriber calls `recordSesEvent`. A permanent bounce or any complaint puts the address on the
 * suppression list; transient bounces (full mailbox, greylisting) and other event types change
 * nothing. The SNS message is outside input: validated, and a malformed one is counted, not thrown
 * (a retry would not make it valid).
 */
import { SuppressionReason, suppressAddress } from '@socle/data';
import type { SNSEvent } from 'aws-lambda';
import * as z from 'zod';

const Recipients = z.array(z.object({ emailAddress: z.string().min(3) })).min(1);

const SesNotification = z.union([
  z.object({
    type: z.literal('Bounce'),
    bounce: z.object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: Recipients,
    }),
  }),
  z.object({
    type: z.literal('Complaint'),
    complaint: z.object({
      complaintFeedbackType: z.string().optional(),
      complainedRecipients: Recipients,
    }),
  }),
  z.object({ type: z.string() }),
]);

interface SesEventReport {
  suppressed: number;
  /** Events that suppress nothing: deliveries, transient bounces, other types. */
  ignored: number;
  malformed: number;
}

/** Event publishing says `eventType`, identity notifications `notificationType`: one field here. */
const notificationOf = (message: string) => {
  try {
    const raw = JSON.parse(message) as Record<string, unknown>;
    return SesNotification.safeParse({ ...raw, type: raw.eventType ?? raw.notificationType });
  } catch {
    return undefined;
  }
};

const recordSesEvent = async (
  event: SNSEvent,
  now: () => Date = () => new Date(),
): Promise<SesEventReport> => {
  const report: SesEventReport = { suppressed: 0, ignored: 0, malformed: 0 };
  for (const record of event.Records ?? []) {
    const parsed = notificationOf(record.Sns?.Message ?? '');
    if (!parsed?.success) {
      report.malformed++;
      continue;
    }
    const notification = parsed.data;
    if ('bounce' in notification && notification.bounce.bounceType === 'Permanent') {
      for (const { emailAddress } of notification.bounce.bouncedRecipients) {
        await suppressAddress({
          email: emailAddress,
          reason: SuppressionReason.BOUNCE,
          detail: notification.bounce.bounceSubType,
          at: now(),
        });
        report.suppressed++;
      }
    } else if ('complaint' in notification) {
      for (const { emailAddress } of notification.complaint.complainedRecipients) {
        await suppressAddress({
          email: emailAddress,
          reason: SuppressionReason.COMPLAINT,
          detail: notification.complaint.complaintFeedbackType,
          at: now(),
        });
        report.suppressed++;
      }
    } else report.ignored++;
  }
  return report;
};

export type { SesEventReport };
export { recordSesEvent };
