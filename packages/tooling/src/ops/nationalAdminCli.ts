/**
 * `npm run national-admin -- --email … --first-name … --last-name …`: creates a national admin and
 * sends the invitation. In AWS, with the stage's credentials and its stack outputs in the
 * environment: `TABLE_NAME`, `USER_POOL_ID`, `AWS_REGION`. Without `TABLE_NAME`, on the running
 * `npm run dev` (DynamoDB Local, no invitation).
 */
import { parseArgs } from 'node:util';
import { ValidationError } from '@socle/domain';
import { useRunningDevTable } from '../local/localStack.ts';
import { createNationalAdmin } from './nationalAdmin.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string', default: '' },
    'first-name': { type: 'string', default: '' },
    'last-name': { type: 'string', default: '' },
  },
});

if (!process.env.TABLE_NAME) useRunningDevTable();

try {
  const login = await createNationalAdmin({
    email: values.email,
    firstName: values['first-name'],
    lastName: values['last-name'],
  });
  console.log(`Compte créé : ${login.email} (administration nationale, identifiant ${login.userId}).`);
  console.log(
    process.env.USER_POOL_ID
      ? 'Une invitation avec un mot de passe provisoire a été envoyée à cette adresse.'
      : "En local : il apparaît sur la page de connexion (pas d'invitation).",
  );
} catch (error) {
  if (error instanceof ValidationError) {
    for (const issue of error.issues) console.error(`${issue.path} : ${issue.message}`);
    console.error(
      'usage : npm run national-admin -- --email <e-mail> --first-name <prénom> --last-name <nom>',
    );
    process.exit(2);
  }
  console.error(`échec : ${(error as Error).message}`);
  process.exit(1);
}
