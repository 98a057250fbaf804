/**
 * `npm run seed:scale [-- --scale 0.002 --seed 15 --concurrency 24]`: loads a national-scale dataset
 * (scaleDataset.ts; scale 1 = SPEC §8: 300 networks, 1,500 organisms, 500,000 dossiers over ten
 * years) into the DynamoDB Local of a running `npm run dev`, or, when none answers, into one it
 * starts on the dev data directory (so that `npm run dev` finds the data afterwards). Prints the
 * progress and what was written: items, items/s and the write units DynamoDB Local reports.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTable, startDynamoLocal } from '@socle/testing';
import type { DynamoLocal } from '@socle/testing';
import { LOCAL_DIR, useRunningDevTable } from './localStack.ts';
import { loadScaleDataset, scaleShape } from './scaleDataset.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.002' },
    seed: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '24' },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (
  !(scale > 0 && scale <= 1) ||
  !Number.isInteger(seed) ||
  !(Number.isInteger(concurrency) && concurrency > 0)
) {
  console.error('usage : npm run seed:scale -- --scale <0..1> --seed <entier> --concurrency <entier>');
  process.exit(2);
}

/** Whether something answers on the dev DynamoDB Local's endpoint. */
const answers = async (endpoint: string) => {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
};

useRunningDevTable();
// A bulk load on a busy DynamoDB Local, not a person's request: no 1.4 s fail-fast (awsClientConfig.ts).
process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS ??= '30000';
const endpoint = process.env.DYNAMODB_ENDPOINT as string;
let started: DynamoLocal | undefined;
if (!(await answers(endpoint))) {
  started = await startDynamoLocal({
    port: Number(new URL(endpoint).port),
    dbPath: join(LOCAL_DIR, 'dynamodb'),
  });
  console.log(`DynamoDB Local démarré (${started.endpoint}, données dans ${join(LOCAL_DIR, 'dynamodb')}).`);
}
await ensureTable(endpoint, process.env.TABLE_NAME as string);

const shape = scaleShape(scale);
console.log(
  `Jeu de données à l'échelle ${scale} (graine ${seed}) : ${shape.networks} réseaux, ` +
    `${shape.networks * shape.organismsPerNetwork} organismes, ~${shape.dossiers} dossiers sur ${shape.years} ans, ` +
    `table ${process.env.TABLE_NAME} (${endpoint}).`,
);

let lastPrint = 0;
try {
  const report = await loadScaleDataset({
    scale,
    seed,
    // Midnight UTC: runs of the same day give the same items (dates are relative to it).
    now: new Date(new Date().setUTCHours(0, 0, 0, 0)),
    concurrency,
    onProgress: (stats, elapsedMs) => {
      if (elapsedMs - lastPrint < 2_000) return;
      lastPrint = elapsedMs;
      console.log(
        `  ${stats.items} éléments écrits en ${(elapsedMs / 1000).toFixed(0)} s (${Math.round(stats.items / (elapsedMs / 1000))}/s)`,
      );
    },
  });
  const { dataset, written, elapsedMs } = report;
  const seconds = elapsedMs / 1000;
  console.log('Terminé.');
  console.table({
    réseaux: dataset.networks,
    organismes: dataset.organisms,
    dossiers: dataset.dossiers,
    certificats: dataset.certificates,
    'sessions de jury': dataset.sessions,
    'événements audités': dataset.auditEvents,
    'cellules de compteurs': dataset.counterCells,
    'éléments écrits': written.items,
    'durée (s)': Math.round(seconds),
    'éléments/s': Math.round(written.items / seconds),
    'unités d’écriture (WCU)': written.consumedWcu || 'non rapportées',
    'appels BatchWriteItem': written.calls,
    'reprises (non traités)': written.retries,
  });
  console.log('Dossiers par statut :');
  console.table(dataset.byStatus);
} finally {
  await started?.stop();
}
