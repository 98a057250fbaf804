/**
 * `npm run dev`: DynamoDB Local (data kept in `.local/`), the demo seed on first start, the local
 * API on :3000 and the web app on :5173. `npm run dev -- --fresh` (or `npm run dev:fresh`) starts over.
 * The request logs (the handlers', the web server's) go to `.local/dev.log` so that the banner stays
 * on screen; `npm run dev -- --verbose` prints them here instead.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listLogins } from '@socle/data';
import { Role, regionOf, roleLabels } from '@socle/domain';
import { renderOptionsFromEnv } from '@socle/functions/notifications/config';
import { deliverPendingMessages } from '@socle/functions/notifications/delivery';
import { localSender } from '@socle/functions/notifications/localSender';
import { DemoStart, ensureDemoSeeded } from './demoStart.ts';
import { LOCAL_DIR, REPO_ROOT, startLocalStack } from './localStack.ts';

const apiPort = Number(process.env.API_PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const fresh = process.argv.includes('--fresh');
const verbose = process.argv.includes('--verbose');

// What this script says goes to the terminal; everything else written to stdout and stderr (the
// handlers' JSON logs, the web server's) goes to the log file unless --verbose.
const logFile = join(LOCAL_DIR, 'dev.log');
const terminalOut = process.stdout.write.bind(process.stdout);
const terminalErr = process.stderr.write.bind(process.stderr);
const say = (text: string) => terminalOut(`${text}\n`);
const sayError = (text: string) => terminalErr(`${text}\n`);
mkdirSync(LOCAL_DIR, { recursive: true });
const log = createWriteStream(logFile, { flags: 'a' });
if (!verbose) {
  log.write(`\n--- npm run dev, ${new Date().toISOString()} ---\n`);
  const toLog = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    return log.write(chunk, done);
  }) as typeof process.stdout.write;
  process.stdout.write = toLog;
  process.stderr.write = toLog;
}
/** A path as short as it reads: relative to the current directory when inside it. */
const shown = (path: string) => {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
};
const logHint = verbose
  ? ''
  : `  Journaux des requêtes : ${shown(logFile)} (npm run dev -- --verbose pour les voir ici)\n`;

if (fresh) {
  rmSync(join(LOCAL_DIR, 'dynamodb'), { recursive: true, force: true });
  say('Données locales effacées (--fresh).');
}

const webUrl = `http://localhost:${webPort}`;
// Certificates' links and QR codes point to the web app actually served (WEB_PORT), unless a public
// URL is configured.
process.env.PUBLIC_WEB_URL ??= webUrl;
// Until the demo is whole, the API (logins included) answers 503: nothing can read a half demo.
const stack = await startLocalStack({
  apiPort,
  dynamoPort,
  persistent: true,
  allowedOrigins: [webUrl, `http://127.0.0.1:${webPort}`],
  notReadyBecause: 'demo seeding',
});
let web: ReturnType<typeof spawn> | undefined;
let outboxTimer: ReturnType<typeof setInterval> | undefined;

const shutdown = async () => {
  clearInterval(outboxTimer);
  web?.kill('SIGTERM');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const startedAt = Date.now();
try {
  const { start, summary } = await ensureDemoSeeded({
    onProgress: (step) =>
      say(
        step === 'wiping'
          ? 'Démonstration incomplète (un démarrage a été interrompu pendant sa création) : base effacée, création reprise depuis le début.'
          : 'Création de la démonstration (deux ans d’activité, une à deux minutes)… L’API répond 503 jusqu’à la fin.',
      ),
  });
  if (start !== DemoStart.READY && summary)
    say(
      `Démonstration créée en ${Math.round((Date.now() - startedAt) / 1000)} s : ${summary.logins.length} comptes, ${summary.dossiers} dossiers, ${summary.certificates} certificats, ${summary.closedSessions} sessions de jury closes, ${summary.regions.length} régions.`,
    );
} catch (error) {
  sayError(
    `La création de la démonstration a échoué : ${(error as Error).message}\nElle reprendra depuis le début au prochain « npm run dev ».`,
  );
  await stack.stop();
  process.exit(1);
}
stack.ready();

// The outbox is delivered to the local mailbox (/dev/outbox) every minute, as the scheduled delivery
// sends it through SES in AWS (the page also delivers when viewed). A failed run is logged; the next
// one tries again.
outboxTimer = setInterval(() => {
  deliverPendingMessages({ sender: localSender(), render: renderOptionsFromEnv() }).catch((error) =>
    console.error(`local outbox delivery failed: ${(error as Error).message}`),
  );
}, 60_000);
outboxTimer.unref();

const webConfig = {
  apiUrl: stack.apiUrl,
  auth: { issuer: stack.issuer.issuer, clientId: stack.issuer.clientId },
};
// Vite itself rather than through npx, so that stopping it stops the server (npx left it running).
const webProcess = spawn(
  join(REPO_ROOT, 'node_modules/.bin/vite'),
  ['dev', '--port', String(webPort), '--strictPort'],
  {
    cwd: join(REPO_ROOT, 'web'),
    stdio: ['ignore', verbose ? 'inherit' : 'pipe', verbose ? 'inherit' : 'pipe'],
    env: { ...process.env, SOCLE_WEB_CONFIG: JSON.stringify(webConfig) },
  },
);
web = webProcess;
webProcess.stdout?.pipe(log, { end: false });
webProcess.stderr?.pipe(log, { end: false });
const webExited = new Promise<number | null>((resolve) => webProcess.once('exit', resolve));

/** The banner comes once the web app answers, so that nothing the web server prints pushes it away. */
const webAnswers = async (): Promise<boolean> => {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const exited = await Promise.race([
      webExited,
      new Promise((resolve) => setTimeout(() => resolve('wait'), 300)),
    ]);
    if (exited !== 'wait') return false;
    try {
      await fetch(webUrl);
      return true;
    } catch {
      // not listening yet
    }
  }
  return false;
};
if (!(await webAnswers())) {
  sayError(`Le serveur web ne démarre pas sur ${webUrl} (port déjà pris ?). Détails : ${logFile}`);
  await shutdown();
}

const all = (await listLogins()).sort((a, b) => a.email.localeCompare(b.email));
// 40-odd jury logins would bury the network staff's: one line per region for them.
const staff = all.filter((login) => !login.region);
const juryByRegion = new Map<string, typeof all>();
for (const login of all) {
  if (login.region) juryByRegion.set(login.region, [...(juryByRegion.get(login.region) ?? []), login]);
}
const juryLinesByRegion = [...juryByRegion]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, logins]) => {
    const secretariesFirst = logins.sort(
      (a, b) => Number(b.roles.includes(Role.JURY_SECRETARY)) - Number(a.roles.includes(Role.JURY_SECRETARY)),
    );
    return `    ${regionOf(code).name} : ${secretariesFirst.map((login) => login.email).join(', ')}`;
  });
say(`
  Socle tourne en local.
  API        ${stack.apiUrl}   (OpenAPI : ${stack.apiUrl}/openapi.json)
  Web        ${webUrl}
  DynamoDB   ${stack.dynamo.endpoint}  (données dans ${shown(join(LOCAL_DIR, 'dynamodb'))})

  Comptes de démonstration (cliquez sur le nom sur la page de connexion) :
${staff.map((login) => `    ${login.email.padEnd(28)} ${login.roles.map((r) => roleLabels[r]).join(', ')}`).join('\n')}

  Jurys régionaux (secrétariat, puis membres employeurs et salariés) :
${juryLinesByRegion.join('\n')}

  Jeton pour les scripts : npm run -s token -- <email>
${logHint}`);
