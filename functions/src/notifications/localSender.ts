/**
 * The sender of `npm run dev` and the tests: nothing leaves the machine; each email is written, as
 * rendered, to the local mailbox in the table, which the dev page (`/dev/outbox`) and tests read.
 */
import { putLocalMail } from '@socle/data';
import type { EmailSender } from './emailSender.ts';

const localSender = (clock: () => Date = () => new Date()): EmailSender => ({
  async send({ messageId, to, subject, text, html, attachments }) {
    await putLocalMail({
      messageId,
      to,
      sentAt: clock().toISOString(),
      email: { subject, text, html, attachments },
    });
    return { providerMessageId: `local-${messageId}` };
  },
});

export { localSender };
