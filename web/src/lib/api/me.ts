/**
 * The signed-in user (`GET /me`, schema shared with the API) and what they may do: `can(me, routeId)`
 * answers as the API's gate does, from the route's roles in the contract.
 */
import type { Me } from '@socle/domain';

/** A suspended network can still read its data but not change it. */
const isReadOnly = (me: Pick<Me, 'tenant'>): boolean => me.tenant?.status === 'suspended';

export { can } from '@socle/contract/can';
export { Me } from '@socle/domain';
export { isReadOnly };
