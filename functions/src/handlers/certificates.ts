/**
 * Public verification (rate-limited per client in DynamoDB, so the limit holds across Lambda
 * instances; unknown and malformed codes cost the same quota) and the register.
 */
import { createHash } from 'node:crypto';
import {
  advancePaperCopy,
  confirmHolder,
  consumeRateLimit,
  findCertificate,
  getCertificateFor,
  countRegister,
  exportRegister,
  listRegister,
  listPaperCopies,
  markBatchPrinted,
  paperCopyRecipientFor,
  publicView,
  requestPaperCopy,
  revokeCertificate,
  statusListExists,
} from '@socle/data';
import type { StoredCertificate } from '@socle/data';
import { CONFIRMATION_LIMITS, NotFoundError } from '@socle/domain';
import { certificateCodeOf, parsedCodeOf } from '../certificateCodeOf.ts';
import { quotaClientOf } from '../clientAddress.ts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  checkCredential,
  exportCredential,
  issuerProfile,
  publicJwks,
  statusListCredential,
} from '../credentials.ts';
import { routeOf } from '@socle/contract/routeOf/certificates';
import { defineRoute } from '../http.ts';
import { withoutAttributes } from '../routeResult.ts';
import { SocleMetric } from '../metricNames.ts';
import { countMetric } from '../metrics.ts';
import { InvalidCodeError, TooManyRequestsError } from '../middleware/errorMapper.ts';

/** Verifications per client and minute (API Gateway throttling and WAF sit in front of this). */
const PUBLIC_LIMIT = () => Number(process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 30);

/** The client as the quotas know it: the hash of its address, never the address itself. */
const clientOf = async (event: APIGatewayProxyEventV2) =>
  // The viewer's address behind our CloudFront, the source IP otherwise (see clientAddress.ts).
  createHash('sha256')
    .update(await quotaClientOf(event))
    .digest('base64url')
    .slice(0, 22);

/** Counts the request against one of the client's quotas; 429 past it. */
const limitClient = async (
  client: string,
  { bucket, limit, windowSeconds }: { bucket: string; limit: number; windowSeconds: number },
) => {
  // The hash is stored only for the window (plus a minute).
  const result = await consumeRateLimit({ bucket, client, limit, windowSeconds, now: new Date() });
  if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
};

/** Counts the request against the client's verification quota before anything else is done. */
const throttle = async (event: APIGatewayProxyEventV2) => {
  const client = await clientOf(event);
  await limitClient(client, { bucket: 'verify', limit: PUBLIC_LIMIT(), windowSeconds: 60 });
  return client;
};

const publicCertificate = async (raw: string) => {
  const { code, scheme } = parsedCodeOf(raw, { publicRoute: true });
  const certificate = await findCertificate(code);
  // Old-style (mod-37) codes are no longer issued: one the register lacks is a typo of a current code
  // that happens to pass the old check (1 in 37), answered as the typo it is (certificateCode.ts).
  if (!certificate) throw scheme === 'mod37' ? new InvalidCodeError() : new NotFoundError('certificate');
  return certificate;
};

const verificationHandlers = {
  // A verification is one answered check: a code found, or a credential checked. Confirming the
  // holder's name is a step of the same verification and is not counted again.
  getPublicCertificate: defineRoute(routeOf('getPublicCertificate'), async ({ event, params }) => {
    await throttle(event);
    const view = publicView(await publicCertificate(params.code));
    countMetric(SocleMetric.VERIFICATIONS);
    return view;
  }),
  confirmPublicCertificate: defineRoute(
    routeOf('confirmPublicCertificate'),
    async ({ event, params, body }) => {
      const client = await throttle(event);
      // Name guesses have a quota of their own, far below the verifications'.
      await limitClient(client, { bucket: 'confirm', ...CONFIRMATION_LIMITS.perClient });
      return confirmHolder({
        certificate: await publicCertificate(params.code),
        lastName: body.lastName,
        now: new Date(),
      });
    },
  ),
  verifyCredential: defineRoute(routeOf('verifyCredential'), async ({ event, body }) => {
    await throttle(event);
    const check = await checkCredential(body.credential);
    countMetric(SocleMetric.VERIFICATIONS);
    if (!check.valid) return check;
    const certificate = await findCertificate(check.code);
    if (!certificate) return { valid: false, reason: 'unknown' as const };
    const view = publicView(certificate);
    return certificate.status === 'revoked'
      ? { valid: false, reason: 'revoked' as const, certificate: view }
      : { valid: true, certificate: view };
  }),
  publicJwks: defineRoute(routeOf('publicJwks'), () => publicJwks()),
  issuerProfile: defineRoute(routeOf('issuerProfile'), async () => issuerProfile()),
  // Not counted against the verification quota: wallets fetch it, and it says nothing about anyone.
  credentialStatusList: defineRoute(routeOf('credentialStatusList'), async ({ params }) => {
    if (!(await statusListExists(params.list))) throw new NotFoundError('status list');
    return {
      bytes: new TextEncoder().encode(await statusListCredential(params.list)),
      fileName: `status-${params.list}.jwt`,
    };
  }),
};

/** A certificate as the API answers it: without what only storage holds (issue 13). */
const certificateView = (certificate: StoredCertificate) =>
  withoutAttributes(certificate, 'searchName', 'version', 'openBadge');

const certificateHandlers = {
  listCertificates: defineRoute(routeOf('listCertificates'), ({ principal, query }) =>
    listRegister(principal, query),
  ),
  countCertificates: defineRoute(routeOf('countCertificates'), ({ principal, query }) =>
    countRegister(principal, query),
  ),
  exportCertificates: defineRoute(routeOf('exportCertificates'), ({ actor, principal, query }) =>
    exportRegister(principal, query, actor.clock.instant()),
  ),
  getCertificate: defineRoute(routeOf('getCertificate'), async ({ principal, params }) =>
    certificateView(await getCertificateFor(principal, certificateCodeOf(params.code))),
  ),
  revokeCertificate: defineRoute(routeOf('revokeCertificate'), async ({ actor, params, body }) =>
    certificateView(await revokeCertificate(actor, certificateCodeOf(params.code), body.reason)),
  ),
  getPaperCopyRecipient: defineRoute(routeOf('getPaperCopyRecipient'), async ({ principal, params }) =>
    paperCopyRecipientFor(await getCertificateFor(principal, certificateCodeOf(params.code))),
  ),
  requestPaperCopy: defineRoute(routeOf('requestPaperCopy'), async ({ actor, principal, params, body }) => {
    const certificate = await getCertificateFor(principal, certificateCodeOf(params.code));
    return certificateView(await requestPaperCopy(actor, certificate, body.recipient));
  }),
  advancePaperCopy: defineRoute(routeOf('advancePaperCopy'), async ({ actor, params, body }) =>
    certificateView(await advancePaperCopy(actor, certificateCodeOf(params.code), body.status)),
  ),
  listPaperCopies: defineRoute(routeOf('listPaperCopies'), async ({ query }) => ({
    items: (await listPaperCopies(query.status)).map(certificateView),
  })),
  markPaperCopiesPrinted: defineRoute(routeOf('markPaperCopiesPrinted'), async ({ actor, body }) => {
    const copies = body.copies.map((c) => ({ ...c, code: certificateCodeOf(c.code) }));
    return { items: (await markBatchPrinted(actor, copies)).map(certificateView) };
  }),
  exportCredential: defineRoute(routeOf('exportCredential'), async ({ principal, params }) => ({
    credential: await exportCredential(await getCertificateFor(principal, certificateCodeOf(params.code))),
  })),
};

export { certificateHandlers, verificationHandlers };
