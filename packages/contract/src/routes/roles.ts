import { Role } from '@socle/domain';

/** Every role of a network's staff. */
const STAFF = [Role.NETWORK_ADMIN, Role.ADVISOR, Role.EVALUATOR, Role.TRAINER] as const;

export { STAFF };
