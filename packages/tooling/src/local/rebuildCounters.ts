/**
 * `npm run rebuild-counters [-- --repair]`: recounts every monitoring counter from the dossiers and
 * their audit trails, prints the drift, and with `--repair` adds the differences. What the weekly
 * drift check does in AWS. Needs `npm run dev` running (it works on DynamoDB Local).
 */
import { rebuildCounters } from '@socle/data';
import { useRunningDevTable } from './localStack.ts';

useRunningDevTable();
const repair = process.argv.includes('--repair');

try {
  const report = await rebuildCounters({ repair });
  console.log(
    `Compteurs : ${report.dossiers} dossier(s), ${report.countedEvents} événement(s) compté(s), ${report.cells} cellule(s).`,
  );
  if (report.orphanEvents) console.log(`${report.orphanEvents} événement(s) sans dossier (ignorés).`);
  if (report.drift.length === 0) {
    console.log('Aucun écart : les compteurs correspondent à l’historique des dossiers.');
  } else {
    console.log(`${report.drift.length} écart(s) :`);
    console.table(
      report.drift.map((d) => ({
        mois: d.cell.month,
        région: d.cell.region,
        réseau: d.cell.tenantId,
        organisme: d.cell.organismId,
        certification: d.cell.certification,
        compteur: d.field,
        attendu: d.expected,
        enregistré: d.stored,
      })),
    );
    console.log(
      repair ? `${report.repairedCells} cellule(s) réparée(s).` : 'Relancez avec --repair pour corriger.',
    );
  }
} catch (error) {
  console.error(`impossible de recompter : lancez d'abord « npm run dev » (${(error as Error).message})`);
  process.exit(1);
}
