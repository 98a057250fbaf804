/** The signed-in user as `GET /me` returns it: roles and network, from the verified token. */
import * as z from 'zod';
import { Tenant } from './tenant.ts';

const Me = z.object({
  userId: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  roles: z.array(z.string()),
  organisms: z.array(z.string()),
  region: z.string().optional(),
  tenant: Tenant.pick({ id: true, name: true, status: true, certifications: true }).optional(),
});
type Me = z.infer<typeof Me>;

export { Me };
