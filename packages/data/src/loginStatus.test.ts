/** The cache's timing, with an injected clock and read (the DynamoDB read itself: test/integration/revocation.test.ts). */
import { describe, expect, it } from 'vitest';
import { createLoginStatusCache } from './loginStatus.ts';
import type { Login } from './users.ts';

const login = (status: Login['status']): Login => ({
  userId: 'u1',
  email: 'u1@test.local',
  name: 'U',
  roles: ['advisor'],
  organisms: [],
  status,
});

/** A cache over a login whose stored state the test changes, counting reads. */
const setup = () => {
  let time = 1_000_000_000_000;
  let stored = login('active');
  const reads: string[] = [];
  const cache = createLoginStatusCache({
    now: () => time,
    read: async (userId) => {
      reads.push(userId);
      return stored;
    },
  });
  return {
    cache,
    reads,
    advance: (ms: number) => {
      time += ms;
    },
    store: (next: Login) => {
      stored = next;
    },
    time: () => time,
  };
};

describe('Function: createLoginStatusCache', () => {
  it('reads a login once within the window', async () => {
    // Prepare
    const { cache, reads, advance } = setup();
    // Act
    await cache.current('u1');
    advance(59_999);
    await cache.current('u1');
    // Assess
    expect(reads).toEqual(['u1']);
  });

  it('sees a change once the window has passed', async () => {
    const { cache, advance, store } = setup();
    await cache.current('u1');
    store(login('disabled'));
    advance(30_000);
    expect((await cache.current('u1'))?.status).toBe('active');
    advance(30_000);
    expect((await cache.current('u1'))?.status).toBe('disabled');
  });

  it('reads again for a token issued after the cached read', async () => {
    const { cache, reads, advance, time } = setup();
    await cache.current('u1', { issuedAtMs: time() - 600_000 });
    advance(5_000);
    await cache.current('u1', { issuedAtMs: time() - 600_000 });
    await cache.current('u1', { issuedAtMs: time() });
    expect(reads).toHaveLength(2);
  });

  it('shares one read between concurrent requests', async () => {
    const { cache, reads } = setup();
    await Promise.all([cache.current('u1'), cache.current('u1'), cache.current('u1')]);
    expect(reads).toHaveLength(1);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = createLoginStatusCache({
      now: () => 0,
      read: async () => {
        if (fail) throw new Error('throttled');
        return login('active');
      },
    });
    await expect(cache.current('u1')).rejects.toThrow('throttled');
    fail = false;
    expect((await cache.current('u1'))?.status).toBe('active');
  });

  it('keeps at most maxEntries logins', async () => {
    const reads: string[] = [];
    const cache = createLoginStatusCache({
      now: () => 0,
      maxEntries: 2,
      read: async (userId) => {
        reads.push(userId);
        return undefined;
      },
    });
    for (const id of ['a', 'b', 'c', 'a']) await cache.current(id);
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
  });
});
