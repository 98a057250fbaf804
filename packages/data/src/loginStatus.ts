/**
 * The current state of a login (`LOGIN#<userId>`, the item the token trigger copies into tokens),
 * as the API checks every token against it. Read through a per-container cache: a disabled login,
 * a removed role or organism takes effect on a request at most `LOGIN_STATUS_TTL_MS` after the
 * change, for one GetItem per user per window instead of one per request.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';
import { loginFromItem } from './entities/login.ts';
import type { Login } from './entities/login.ts';

/** How long a container trusts a login it read: the revocation delay promised (issue 14). */
const LOGIN_STATUS_TTL_MS = 60_000;
/** A container serves a few hundred people at most; past this, the oldest entries go first. */
const MAX_ENTRIES = 5_000;

interface LoginStatusOptions {
  /** @default LOGIN_STATUS_TTL_MS */
  ttlMs?: number;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** @default MAX_ENTRIES */
  maxEntries?: number;
  /** @default a consistent GetItem of the login item */
  read?: (userId: string) => Promise<Login | undefined>;
}

interface Entry {
  readAt: number;
  login: Promise<Login | undefined>;
}

interface LoginStatusCache {
  /**
   * The login as read at most `ttlMs` ago. `issuedAtMs` is the token's issue time: a token issued
   * after (or in the second of) the cached read may carry a role added since, so the login is read
   * again rather than narrowing the new token to the old state for up to a minute.
   */
  current(userId: string, options?: { issuedAtMs?: number }): Promise<Login | undefined>;
  /** Forgets every entry. */
  clear(): void;
}

/** Consistent: a change is seen on the first read after it, never a replica's older copy. */
const readLogin = async (userId: string): Promise<Login | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.login(userId), ConsistentRead: true }),
  );
  return Item ? loginFromItem(Item) : undefined;
};

/** A cache of current logins (one per container; tests make their own with a clock). */
const createLoginStatusCache = ({
  ttlMs = LOGIN_STATUS_TTL_MS,
  now = Date.now,
  maxEntries = MAX_ENTRIES,
  read = readLogin,
}: LoginStatusOptions = {}): LoginStatusCache => {
  const entries = new Map<string, Entry>();
  return {
    current(userId, { issuedAtMs } = {}) {
      const at = now();
      const known = entries.get(userId);
      // `iat` has a one-second resolution: a token of the same second as the read may be newer.
      const tokenNewer = issuedAtMs !== undefined && known !== undefined && known.readAt < issuedAtMs + 1000;
      if (known && at - known.readAt < ttlMs && at >= known.readAt && !tokenNewer) return known.login;
      entries.delete(userId);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const login = read(userId);
      // Concurrent requests of the same user share one read; a failed read is not kept.
      const entry: Entry = { readAt: at, login };
      entries.set(userId, entry);
      login.catch(() => {
        if (entries.get(userId) === entry) entries.delete(userId);
      });
      return login;
    },
    clear: () => entries.clear(),
  };
};

let clock: () => number = Date.now;

/** The container's cache, used by the route wrapper. */
const loginStatus = createLoginStatusCache({ now: () => clock() });

/** Replaces the clock of the container's cache (tests move time on instead of sleeping); none resets it. */
const setLoginStatusClock = (now?: () => number) => {
  clock = now ?? Date.now;
};

export type { LoginStatusCache, LoginStatusOptions };
export { LOGIN_STATUS_TTL_MS, createLoginStatusCache, loginStatus, setLoginStatusClock };
