/**
 * `npm run -s token -- <email>`: prints a bearer token of a demo login, signed by the dev issuer,
 * for curl and scripts. Needs `npm run dev` running (it reads the logins from DynamoDB Local).
 */
import { join } from 'node:path';
import { listLogins } from '@socle/data';
import { LOCAL_DIR, useRunningDevTable } from './localStack.ts';
import { createDevIssuer } from './devIssuer.ts';

const email = process.argv[2];
if (!email) {
  console.error('usage: npm run -s token -- <email de démonstration>');
  process.exit(2);
}
const apiPort = Number(process.env.API_PORT ?? 3000);
useRunningDevTable();

try {
  const login = (await listLogins()).find((l) => l.email === email.toLowerCase());
  if (!login) {
    console.error(`aucun compte ${email}`);
    process.exit(1);
  }
  const issuer = await createDevIssuer({
    issuer: `http://localhost:${apiPort}/dev-auth`,
    keyFile: join(LOCAL_DIR, 'dev-issuer-keys.json'),
  });
  console.log(await issuer.issueAccessToken(login));
} catch (error) {
  console.error(
    `impossible de lire les comptes : lancez d'abord « npm run dev » (${(error as Error).message})`,
  );
  process.exit(1);
}
