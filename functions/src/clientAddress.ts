/**
 * Who is calling a public route, for its per-client quota. Behind CloudFront the API's source IP is
 * an edge server that many viewers share; the viewer's own address comes in `CloudFront-Viewer-Address`.
 * That header is trusted only when the request also carries the origin secret CloudFront adds
 * (infra: WebHosting): whoever calls the execute-api URL directly cannot forge it to get fresh quotas.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP, isIPv4 } from 'node:net';
import { awsClientConfig } from '@socle/data';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The header CloudFront adds to every request it forwards to the public API, with the secret. */
const ORIGIN_SECRET_HEADER = 'x-socle-origin-secret';
/** `ip:port` of the viewer, added by CloudFront when the origin request policy asks for it. */
const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';
/** In AWS: the ARN of the Secrets Manager secret holding the origin secret. */
const ORIGIN_SECRET_ARN_ENV = 'ORIGIN_SECRET_ARN';
/** Elsewhere (tests): the origin secret itself. Neither set: the source IP is always used. */
const ORIGIN_SECRET_ENV = 'ORIGIN_SECRET';

let cached: { arn: string; secret: Promise<string> } | undefined;

const readSecret = async (arn: string): Promise<string> => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient(awsClientConfig()).send(
    new GetSecretValueCommand({ SecretId: arn }),
  );
  if (!SecretString) throw new Error('the origin secret is empty');
  return SecretString;
};

/** The origin secret: read once per instance in AWS; a failed read is tried again by the next request. */
const originSecret = (): Promise<string | undefined> => {
  const arn = process.env[ORIGIN_SECRET_ARN_ENV];
  if (!arn) return Promise.resolve(process.env[ORIGIN_SECRET_ENV] || undefined);
  if (cached?.arn !== arn) {
    const secret = readSecret(arn);
    const entry = { arn, secret };
    cached = entry;
    secret.catch(() => {
      if (cached === entry) cached = undefined;
    });
  }
  return cached.secret;
};

/** Compared as digests: equal lengths for `timingSafeEqual`, and no early exit on the first difference. */
const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
};

/** The IP of `ip:port`; IPv6 comes unbracketed (`2001:db8::1:443`), so the port is after the last colon. */
const viewerIp = (viewerAddress: string): string | undefined => {
  const ip = viewerAddress.slice(0, Math.max(0, viewerAddress.lastIndexOf(':')));
  return isIP(ip) ? ip : undefined;
};

/** The eight groups of an IPv6 address, `::` expanded; the address is valid (checked by the caller). */
const ipv6Groups = (ip: string): number[] => {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail ?? '');
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
};

/**
 * The quota key of an address. An IPv6 subscriber gets a whole /64 and can pick any address in it,
 * so IPv6 clients are counted per /64; an IPv4-mapped address (`::ffff:1.2.3.4`) is its IPv4.
 */
const quotaKeyOf = (ip: string): string => {
  const address = ip.split('%')[0] ?? ip;
  if (isIPv4(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIP(address) !== 6) return address;
  const prefix = ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16));
  return `${prefix.join(':')}::/64`;
};

/**
 * Whether a public request came through our CloudFront (and so through its WAF): it bears the origin
 * secret. Where no secret is configured (the local server, tests) every request is taken as such.
 */
const cameThroughEdge = async (event: APIGatewayProxyEventV2): Promise<boolean> => {
  const secret = await originSecret();
  return !secret || sameSecret(event.headers?.[ORIGIN_SECRET_HEADER], secret);
};

/**
 * The client a public request counts against: the viewer address CloudFront saw when the request
 * carries the origin secret, otherwise the source IP of the connection to API Gateway.
 */
const quotaClientOf = async (event: APIGatewayProxyEventV2): Promise<string> => {
  const sourceIp = event.requestContext?.http?.sourceIp ?? 'unknown';
  const viewerAddress = event.headers?.[VIEWER_ADDRESS_HEADER];
  if (viewerAddress) {
    const secret = await originSecret();
    const viewer = viewerIp(viewerAddress);
    if (secret && viewer && sameSecret(event.headers?.[ORIGIN_SECRET_HEADER], secret)) {
      return quotaKeyOf(viewer);
    }
  }
  return quotaKeyOf(sourceIp);
};

export {
  ORIGIN_SECRET_ARN_ENV,
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
  cameThroughEdge,
  quotaClientOf,
  quotaKeyOf,
  viewerIp,
};
