/**
 * The claims source of one sign-in (`LOGIN#<userId>` / `LOGIN`): what the token trigger and the dev
 * issuer read to build a token's claims. Index: gsi1 "loginsByEmail" (the dev issuer's list and the
 * email lookup). Its email is claimed once across the platform (`EMAIL#<email>`). Keys: keys.ts
 * (`login`, `loginsByEmail`, `emailClaim`).
 */
import { colleges, roles } from '@socle/domain';
import * as z from 'zod';
import { INDEXES } from '../table.ts';
import { itemReader } from './storedItem.ts';

const loginIndexes = { byEmail: INDEXES.loginsByEmail } as const;

const LoginItem = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  tenantId: z.string().optional(),
  roles: z.array(z.enum(roles)),
  organisms: z.array(z.string()),
  region: z.string().optional(),
  college: z.enum(colleges).optional(),
  status: z.enum(['active', 'disabled']),
});
type Login = z.output<typeof LoginItem>;

const loginFromItem = itemReader('login', LoginItem);

export type { Login };
export { LoginItem, loginFromItem, loginIndexes };
