import { describe, expect, it } from 'vitest';
import { routes } from '@socle/contract/routes';
import { generateSigningKeys, keyStore, parseSigningKeys, publicJwks } from './credentials.ts';
import { ServiceUnavailableError } from './middleware/errorMapper.ts';

describe('Function: parseSigningKeys', () => {
  it('refuses what is not a key pair, saying what is wrong (never the content)', () => {
    const cases = [
      ['{"status":"not_configured"}', /^signing keys not configured: the secret still holds the placeholder/],
      ['h7#Kp2!xQ9', /^signing keys not configured: the secret is not JSON/],
      ['', /^signing keys not configured: the secret is empty/],
      ['{"kid":"k","privateJwk":{"kty":"RSA"},"publicJwk":{}}', /not an Ed25519 key pair/],
    ] as const;
    for (const [secret, message] of cases) {
      let error: unknown;
      try {
        parseSigningKeys(secret);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as Error).message).toMatch(message);
      if (secret.length > 2) expect((error as Error).message).not.toContain(secret);
    }
  });

  it('reads what npm run credentials:keys prints', async () => {
    const keys = await generateSigningKeys();
    expect(parseSigningKeys(JSON.stringify(keys))).toEqual(keys);
  });
});

describe('Function: keyStore', () => {
  it('never keeps a failed read: the next call reads again, and keeps the first good keys', async () => {
    const keys = await generateSigningKeys();
    const secrets = ['{"status":"not_configured"}', 'transient', JSON.stringify(keys)];
    let reads = 0;
    const store = keyStore(async () => {
      const secret = secrets[Math.min(reads++, secrets.length - 1)] as string;
      if (secret === 'transient') throw new Error('ThrottlingException');
      return parseSigningKeys(secret);
    });

    await expect(store()).rejects.toThrow('signing keys not configured');
    await expect(store()).rejects.toThrow('ThrottlingException');
    expect(await store()).toEqual(keys);
    expect(await store()).toEqual(keys);
    expect(reads).toBe(3);
  });

  it('shares one read between calls made while it is pending', async () => {
    let reads = 0;
    const keys = await generateSigningKeys();
    const store = keyStore(async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return keys;
    });
    await Promise.all([store(), store(), store()]);
    expect(reads).toBe(1);
  });
});

describe('Function: publicJwks', () => {
  it('publishes only the public members of the key, which the route schema names one by one', async () => {
    const { keys } = await publicJwks();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    const route = routes.find((r) => r.id === 'publicJwks');
    // A private member slipped into the answer is dropped by the response's parse.
    const parsed = route?.response.schema.parse({ keys: [{ ...keys[0], d: 'private' }] }) as {
      keys: Record<string, unknown>[];
    };
    expect(parsed.keys[0]).not.toHaveProperty('d');
  });
});
