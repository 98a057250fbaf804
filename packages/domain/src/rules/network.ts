/**
 * Networks and their organisms as the national admin and network admins manage them (SPEC §1): a
 * network is suspended or reactivated once; a write naming an organism needs it known, active and
 * offering the activity (checked in the write's transaction).
 */
import { allow, refuse } from './verdict.ts';
import type { Refused, Verdict } from './verdict.ts';
import type { NetworkRuleCode } from './ruleCodes.ts';

type NetworkStatusChange = 'suspend' | 'reactivate';

/** Suspending an active network, reactivating a suspended one. */
const canChangeNetworkStatus = (
  current: { status: string },
  change: NetworkStatusChange,
): Verdict<NetworkRuleCode> => {
  if (change === 'suspend' && current.status === 'suspended') {
    return refuse('already_suspended', 'ce réseau est déjà suspendu');
  }
  if (change === 'reactivate' && current.status === 'active') {
    return refuse('already_active', 'ce réseau est déjà actif');
  }
  return allow();
};

/** Written at write time: the organism named at `path` is unknown, inactive or without the activity. */
const organismUnavailable = (path: string): Refused<NetworkRuleCode> =>
  refuse('organism_unavailable', `${path} : organisme inconnu, inactif ou sans cette activité`);

export type { NetworkStatusChange };
export { canChangeNetworkStatus, organismUnavailable };
