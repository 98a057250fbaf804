/**
 * The port delivery sends through: Amazon SES v2 in AWS (`sesSender.ts`), the local mailbox in
 * dev and tests (`localSender.ts`). Delivery knows nothing else of either.
 */
import type { RenderedEmail } from '@socle/domain/notifications';

interface OutgoingEmail extends RenderedEmail {
  /** The outbox message's id: lets a provider deduplicate, and the local mailbox name the mail. */
  messageId: string;
  to: string;
}

interface EmailSender {
  /** Sends one email; resolves with the provider's message id, rejects when it was not accepted. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

export type { EmailSender, OutgoingEmail };
