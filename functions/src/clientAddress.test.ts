import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ORIGIN_SECRET_ARN_ENV,
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
  quotaClientOf,
  quotaKeyOf,
  viewerIp,
} from './clientAddress.ts';

const send = vi.hoisted(() => vi.fn());
vi.mock('@aws-sdk/client-secrets-manager', () => ({
  SecretsManagerClient: class {
    send = send;
  },
  GetSecretValueCommand: class {
    constructor(readonly input: unknown) {}
  },
}));

const SECRET = 'origin-secret-of-the-stage';
const EDGE_IP = '130.176.0.1';

const eventFrom = (headers: Record<string, string>, sourceIp = EDGE_IP) =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as APIGatewayProxyEventV2;

describe('Function: viewerIp', () => {
  it('drops the port of an IPv4 viewer address', () => {
    expect(viewerIp('203.0.113.7:46532')).toBe('203.0.113.7');
  });
  it('drops the port after the last colon of an unbracketed IPv6 address', () => {
    expect(viewerIp('2001:db8:85a3::8a2e:370:7334:443')).toBe('2001:db8:85a3::8a2e:370:7334');
  });
  it('refuses what is not an address', () => {
    expect(viewerIp('203.0.113.7')).toBeUndefined();
    expect(viewerIp('evil:80')).toBeUndefined();
    expect(viewerIp('')).toBeUndefined();
  });
});

describe('Function: quotaKeyOf', () => {
  it('keeps an IPv4 address as it is, and unwraps an IPv4-mapped one', () => {
    expect(quotaKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(quotaKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
  it('counts IPv6 clients per /64, however the address is written', () => {
    const key = quotaKeyOf('2001:db8:0:42::1');
    expect(key).toBe('2001:db8:0:42::/64');
    expect(quotaKeyOf('2001:0db8:0000:0042:ffff:1:2:3')).toBe(key);
    expect(quotaKeyOf('2001:db8:0:43::1')).not.toBe(key);
    expect(quotaKeyOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('Function: quotaClientOf', () => {
  beforeEach(() => {
    delete process.env[ORIGIN_SECRET_ARN_ENV];
    delete process.env[ORIGIN_SECRET_ENV];
    send.mockReset();
  });
  afterEach(() => {
    delete process.env[ORIGIN_SECRET_ARN_ENV];
    delete process.env[ORIGIN_SECRET_ENV];
  });

  it('uses the source IP when no origin secret is configured (local stack)', async () => {
    const event = eventFrom({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7:1234', [ORIGIN_SECRET_HEADER]: 'x' });
    expect(await quotaClientOf(event)).toBe(EDGE_IP);
  });

  it('uses the viewer address when the request carries the origin secret', async () => {
    // Prepare
    process.env[ORIGIN_SECRET_ENV] = SECRET;
    const viewer = (address: string) =>
      eventFrom({ [VIEWER_ADDRESS_HEADER]: address, [ORIGIN_SECRET_HEADER]: SECRET });
    // Act & Assess
    expect(await quotaClientOf(viewer('203.0.113.7:1234'))).toBe('203.0.113.7');
    expect(await quotaClientOf(viewer('2001:db8::7:443'))).toBe('2001:db8:0:0::/64');
  });

  it('ignores a viewer address sent with a wrong or missing secret', async () => {
    process.env[ORIGIN_SECRET_ENV] = SECRET;
    const forged = { [VIEWER_ADDRESS_HEADER]: '203.0.113.7:1234' };
    expect(await quotaClientOf(eventFrom(forged, '198.51.100.9'))).toBe('198.51.100.9');
    expect(
      await quotaClientOf(eventFrom({ ...forged, [ORIGIN_SECRET_HEADER]: `${SECRET}x` }, '198.51.100.9')),
    ).toBe('198.51.100.9');
  });

  it('falls back to the source IP when the viewer address is malformed', async () => {
    process.env[ORIGIN_SECRET_ENV] = SECRET;
    const event = eventFrom({ [VIEWER_ADDRESS_HEADER]: 'nonsense', [ORIGIN_SECRET_HEADER]: SECRET });
    expect(await quotaClientOf(event)).toBe(EDGE_IP);
  });

  it('reads the secret from Secrets Manager once, and again after a failed read', async () => {
    // Prepare
    process.env[ORIGIN_SECRET_ARN_ENV] = 'arn:aws:secretsmanager:eu-west-3:1:secret:origin-a';
    send.mockRejectedValueOnce(new Error('throttled')).mockResolvedValue({ SecretString: SECRET });
    const event = eventFrom({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7:1234', [ORIGIN_SECRET_HEADER]: SECRET });
    // Act & Assess
    await expect(quotaClientOf(event)).rejects.toThrow('throttled');
    expect(await quotaClientOf(event)).toBe('203.0.113.7');
    expect(await quotaClientOf(event)).toBe('203.0.113.7');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not read the secret for a request without a viewer address', async () => {
    process.env[ORIGIN_SECRET_ARN_ENV] = 'arn:aws:secretsmanager:eu-west-3:1:secret:origin-b';
    expect(await quotaClientOf(eventFrom({}, '198.51.100.9'))).toBe('198.51.100.9');
    expect(send).not.toHaveBeenCalled();
  });
});
