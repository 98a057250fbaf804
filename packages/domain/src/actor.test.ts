import { describe, expect, it } from 'vitest';
import { actorOf, clockAt, systemActor, systemClock } from './actor.ts';
import type { Principal } from './principal.ts';

const advisor: Principal = { userId: 'u1', tenantId: 'T1', roles: ['advisor'], organisms: ['O1'] };
const admin: Principal = { userId: 'u2', tenantId: 'T1', roles: ['network_admin'], organisms: ['O1'] };

describe('Actor', () => {
  it('restricts organism-bound staff to their organisms, computed once, and not admins', () => {
    const clock = clockAt(new Date('2026-12-08T03:00:00Z'));
    expect(actorOf(advisor, 'scope', { requestId: 'r', clock }).organisms).toEqual(['O1']);
    expect(actorOf(admin, 'scope', { requestId: 'r', clock }).organisms).toBeUndefined();
  });

  it('names a job by its own principal on the real clock', () => {
    const actor = systemActor({ ...advisor, userId: 'system:sweep' }, undefined, { requestId: 'sweep' });
    expect([actor.principal.userId, actor.clock, actor.requestId]).toEqual([
      'system:sweep',
      systemClock,
      'sweep',
    ]);
    expect(actor.organisms).toBeUndefined();
  });
});

describe('clockAt', () => {
  it('stays at its instant and says the day in the region, Paris without one', () => {
    const clock = clockAt(new Date('2026-12-07T23:30:00Z'));
    expect(clock.now()).toBe('2026-12-07T23:30:00.000Z');
    expect(clock.now()).toBe(clock.instant().toISOString());
    expect(clock.today()).toBe('2026-12-08');
    expect(clock.today('03')).toBe('2026-12-07');
  });

  it('hands out copies of its instant, so a caller cannot move it', () => {
    const clock = clockAt(new Date('2026-12-07T10:00:00Z'));
    clock.instant().setUTCFullYear(2000);
    expect(clock.now()).toBe('2026-12-07T10:00:00.000Z');
  });
});
