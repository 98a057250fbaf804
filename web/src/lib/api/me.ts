/** `GET /me`: the signed-in user (schema shared with the API). */
import { Me } from '@socle/domain';
import type { Role } from '@socle/domain';

const hasRole = (me: Pick<Me, 'roles'>, ...wanted: Role[]): boolean =>
  me.roles.some((r) => wanted.includes(r as Role));

/** A suspended network can still read its data but not change it. */
const isReadOnly = (me: Pick<Me, 'tenant'>): boolean => me.tenant?.status === 'suspended';

export { Me, hasRole, isReadOnly };
