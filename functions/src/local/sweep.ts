/**
 * `npm run sweep`: what the daily scheduled function does in AWS — persist `expired` on dossiers past
 * their 5-year deadline. Needs `npm run dev` running (it works on DynamoDB Local).
 */
import { sweepExpiredDossiers } from '@socle/data';
import { todayIso } from '@socle/domain';
import { useRunningDevTable } from './localStack.ts';

useRunningDevTable();

try {
  const result = await sweepExpiredDossiers({ today: todayIso(), monthsBack: 120 });
  console.log(
    `Échéances : ${result.examined} dossier(s) examiné(s), ${result.expired} expiré(s), ${result.skipped} ignoré(s).`,
  );
} catch (error) {
  console.error(
    `impossible de balayer les échéances : lancez d'abord « npm run dev » (${(error as Error).message})`,
  );
  process.exit(1);
}
