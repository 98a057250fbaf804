/**
 * `npm run reindex-due-erasures`: rebuilds, network by network, the index of the candidates whose
 * erasure may be due (docs/data-model.md, "Whose erasure is due") from their dossiers; needed once
 * over data written before that index existed, and safe to run again (it also removes stray
 * entries). In AWS with the stage's credentials and `TABLE_NAME`, `AWS_REGION`; without
 * `TABLE_NAME`, on the running `npm run dev`.
 */
import { reindexAllDormantCandidates } from '@socle/data';
import { useRunningDevTable } from '../local/localStack.ts';

if (!process.env.TABLE_NAME) useRunningDevTable();

try {
  const networks = await reindexAllDormantCandidates();
  for (const { name, candidates, dormant } of networks) {
    console.log(`${name} : ${candidates} candidat(s) revu(s), ${dormant} dont tous les dossiers sont clos.`);
  }
  console.log(`${networks.length} réseau(x) réindexé(s).`);
} catch (error) {
  console.error(`échec : ${(error as Error).message}`);
  process.exit(1);
}
