/**
 * `npm run sweep`: what the daily scheduled function does in AWS — persist `expired` on dossiers past
 * their 5-year deadline, then queue the deadline reminders (6 and 1 months before) in the outbox,
 * delivered to the local mailbox (/dev/outbox). Needs `npm run dev` running (it works on DynamoDB Local).
 */
import { sendDeadlineReminders, sweepExpiredDossiers } from '@socle/data';
import { todayIso } from '@socle/domain';
import { useRunningDevTable } from './localStack.ts';

useRunningDevTable();

try {
  const today = todayIso();
  const result = await sweepExpiredDossiers({ today, monthsBack: 120 });
  console.log(
    `Échéances : ${result.examined} dossier(s) examiné(s), ${result.expired} expiré(s), ${result.skipped} ignoré(s).`,
  );
  const reminders = await sendDeadlineReminders({ today });
  console.log(
    `Rappels d’échéance : ${reminders.examined} dossier(s) examiné(s), ${reminders.reminded} rappel(s) enregistré(s) dont ${reminders.queued} e-mail(s) en attente d’envoi, ${reminders.skipped} ignoré(s).`,
  );
} catch (error) {
  console.error(
    `impossible de balayer les échéances : lancez d'abord « npm run dev » (${(error as Error).message})`,
  );
  process.exit(1);
}
