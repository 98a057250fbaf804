/**
 * `npm run dev`: DynamoDB Local (data kept in `.local/`), the demo seed on first start, the local
 * API on :3000 and the web app on :5173. `npm run dev -- --fresh` (or `npm run dev:fresh`) starts over.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listLogins } from '@socle/data';
import { Role, regionOf, roleLabels } from '@socle/domain';
import { LOCAL_DIR, REPO_ROOT, startLocalStack } from './localStack.ts';
import { seedDemo } from './seed.ts';

const apiPort = Number(process.env.API_PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const fresh = process.argv.includes('--fresh');

if (fresh) {
  rmSync(join(LOCAL_DIR, 'dynamodb'), { recursive: true, force: true });
  console.log('Données locales effacées (--fresh).');
}

const webUrl = `http://localhost:${webPort}`;
const stack = await startLocalStack({
  apiPort,
  dynamoPort,
  persistent: true,
  allowedOrigins: [webUrl, `http://127.0.0.1:${webPort}`],
});

const logins = await listLogins();
if (logins.length === 0) {
  console.log('Base vide : création de la démonstration (deux ans d’activité)…');
  const startedAt = Date.now();
  const summary = await seedDemo();
  console.log(
    `Démonstration créée en ${Math.round((Date.now() - startedAt) / 1000)} s : ${summary.logins.length} comptes, ${summary.dossiers} dossiers, ${summary.certificates} certificats, ${summary.closedSessions} sessions de jury closes, ${summary.regions.length} régions.`,
  );
}

const webConfig = {
  apiUrl: stack.apiUrl,
  auth: { issuer: stack.issuer.issuer, clientId: stack.issuer.clientId },
};
const web = spawn('npx', ['vite', 'dev', '--port', String(webPort), '--strictPort'], {
  cwd: join(REPO_ROOT, 'web'),
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, SOCLE_WEB_CONFIG: JSON.stringify(webConfig) },
});

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
console.log(`
  Socle tourne en local.
  API        ${stack.apiUrl}   (OpenAPI : ${stack.apiUrl}/openapi.json)
  Web        ${webUrl}
  DynamoDB   ${stack.dynamo.endpoint}  (données dans .local/dynamodb)

  Comptes de démonstration (cliquez sur le nom sur la page de connexion) :
${staff.map((login) => `    ${login.email.padEnd(28)} ${login.roles.map((r) => roleLabels[r]).join(', ')}`).join('\n')}

  Jurys régionaux (secrétariat, puis membres employeurs et salariés) :
${juryLinesByRegion.join('\n')}

  Jeton pour les scripts : npm run -s token -- <email>
`);

const shutdown = async () => {
  web.kill('SIGTERM');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
