/**
 * Who acts and when: one value built once per request (functions/src/http.ts) from the verified
 * principal, handed to every data function instead of a scope, a write context and an organism
 * restriction threaded one by one. Jobs without a caller act as `systemActor` on the real clock.
 */
import { regionToday } from './path/regionTime.ts';
import { organismRestriction } from './principal.ts';
import type { Principal } from './principal.ts';

/** Where "now" comes from: the only source of time in the data layer and the handlers. */
interface Clock {
  /** The instant, ISO 8601 in UTC (`2026-12-08T03:40:00.000Z`). */
  now(): string;
  /** The same instant as a Date, for the domain's decisions that take one. */
  instant(): Date;
  /** The calendar day (YYYY-MM-DD) in a region's time zone; Paris without a region. */
  today(region?: string): string;
}

/**
 * A clock stopped at one instant. A request's clock is its start: every record, audit event and
 * "today" a request writes agrees on one instant; tests inject one to place a write in time.
 */
const clockAt = (instant: Date): Clock => {
  const frozen = new Date(instant.getTime());
  const iso = frozen.toISOString();
  return {
    now: () => iso,
    instant: () => new Date(frozen.getTime()),
    today: (region) => regionToday(region, frozen),
  };
};

/** The real clock, read at every call: for jobs that run longer than an instant. */
const systemClock: Clock = {
  now: () => new Date().toISOString(),
  instant: () => new Date(),
  today: (region) => regionToday(region, new Date()),
};

/**
 * The caller of a data function. `Scope` is the data layer's branded tenant scope on tenant routes
 * (the brand stays with the keys it guards, in packages/data) and `undefined` elsewhere.
 */
interface Actor<Scope = undefined> {
  readonly scope: Scope;
  readonly principal: Principal;
  /** The organisms an organism-bound caller is restricted to; undefined for admins (computed once). */
  readonly organisms: string[] | undefined;
  readonly clock: Clock;
  /** The request the actor's writes are audited under. */
  readonly requestId: string;
}

const actorOf = <Scope>(
  principal: Principal,
  scope: Scope,
  { requestId, clock }: { requestId: string; clock: Clock },
): Actor<Scope> => ({ scope, principal, organisms: organismRestriction(principal), clock, requestId });

/**
 * A job no user calls (a sweep, a seed): its own principal, which names it in the audit trail, no
 * organism restriction (it acts for the platform), and the real clock unless it places its writes
 * in time.
 */
const systemActor = <Scope>(
  principal: Principal,
  scope: Scope,
  { requestId, clock = systemClock }: { requestId: string; clock?: Clock },
): Actor<Scope> => ({ scope, principal, organisms: undefined, clock, requestId });

export type { Actor, Clock };
export { actorOf, clockAt, systemActor, systemClock };
