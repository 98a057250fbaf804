/**
 * `npm run -s credentials:keys`: prints a fresh Ed25519 key pair (JWK) for the Open Badges signing
 * keys secret of a deployed stage (infra/README.md shows the command that stores it).
 */
import { generateSigningKeys } from '@socle/functions/credentials';

console.log(JSON.stringify(await generateSigningKeys()));
