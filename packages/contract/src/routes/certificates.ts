/** Certificates: public verification (no account), the register, revocation, Open Badges export. */
import {
  Certificate,
  ListOrder,
  ListTotal,
  MarkPrintedRequest,
  PrintBatchRequest,
  RegionCode,
  Role,
  certifications,
} from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';

const R = Role;
const CodeParam = z.object({ code: z.string().trim().min(1, { error: 'code requis' }).max(60) });

/**
 * A public signing key as the JWKS publishes it: the members of an Ed25519 public JWK, named, so that
 * the response's parse drops anything else (a private `d` can never be published by mistake).
 */
const PublicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});

/** The Open Badges 3.0 issuer profile (`Profile`): what it names, nothing else. */
const IssuerProfile = z.object({
  '@context': z.array(z.string()),
  id: z.string(),
  type: z.array(z.string()),
  name: z.string(),
  url: z.string(),
  description: z.string(),
});

/** The public answer: exactly this, nothing more (a `.strict()` test pins it). */
const PublicCertificate = z
  .object({
    code: z.string(),
    certification: z.enum(certifications),
    status: z.enum(['valid', 'revoked']),
    issuedOn: z.string(),
    revokedOn: z.string().optional(),
    region: z.object({ code: z.string(), name: z.string() }).strict(),
    holder: z.object({ firstName: z.string(), lastInitial: z.string() }).strict(),
  })
  .strict();

/**
 * The last name only: a second field compared on its own (a birth date, once) lets anyone holding a
 * code recover it by trying values one at a time, so none is accepted.
 */
const Confirm = z.strictObject(
  { lastName: z.string().trim().min(1, { error: 'nom requis' }).max(100) },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `champ non accepté : ${issue.keys.join(', ')} (seul le nom de famille, lastName, l'est)`
        : undefined,
  },
);
/** `reason: holder_erased`: the holder's data was erased (data protection), no name is left to compare. */
const ConfirmResult = z
  .object({
    match: z.boolean(),
    fullName: z.string().optional(),
    reason: z.enum(['holder_erased']).optional(),
  })
  .strict();

const CredentialVerification = z.object({
  valid: z.boolean(),
  reason: z.enum(['signature', 'expired', 'revoked', 'unknown', 'malformed']).optional(),
  certificate: PublicCertificate.optional(),
});

const PaperCopyRequest = z.object({
  recipient: z.object({
    name: z.string().trim().min(1, { error: 'destinataire requis' }).max(200),
    addressLine: z.string().trim().min(1, { error: 'adresse requise' }).max(300),
    postalCode: z.string().regex(/^\d{5}$/, { error: 'code postal à 5 chiffres' }),
    city: z.string().trim().min(1, { error: 'commune requise' }).max(100),
  }),
});

const PaperCopyRecipient = z.object({
  name: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
});

const CertificateQuery = z.object({
  year: z.coerce.number().int().min(2015).max(2100).default(new Date().getUTCFullYear()),
  region: RegionCode.optional(),
  certification: z.enum(certifications).optional(),
  q: z.string().trim().max(100).optional(),
  /** Issue day: newest first unless `oldest`. */
  order: ListOrder.optional(),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const certificateRoutes = [
  {
    id: 'getPublicCertificate',
    method: 'GET',
    path: '/public/certificates/{code}',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary: 'Verify a certificate by its code (no account; rate-limited per client)',
    request: { params: CodeParam },
    response: { status: 200, schema: PublicCertificate },
  },
  {
    id: 'confirmPublicCertificate',
    method: 'POST',
    path: '/public/certificates/{code}/confirm',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary:
      "Confirm the holder's last name: the full name is given only on a match (attempts limited per client and per code; a code locked after repeated misses answers 409 confirmation_locked)",
    request: { params: CodeParam, body: Confirm },
    response: { status: 200, schema: ConfirmResult },
  },
  {
    id: 'verifyCredential',
    method: 'POST',
    path: '/public/credentials/verify',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary: 'Check an Open Badges credential: signature, expiry and current status',
    request: { body: z.object({ credential: z.string().min(10).max(20_000) }) },
    response: { status: 200, schema: CredentialVerification },
  },
  {
    id: 'publicJwks',
    method: 'GET',
    path: '/.well-known/jwks.json',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary: "The issuer's public keys (Ed25519) for offline verification of credentials",
    response: { status: 200, schema: z.object({ keys: z.array(PublicJwk) }) },
  },
  {
    id: 'issuerProfile',
    method: 'GET',
    path: '/public/issuer',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary: 'The Open Badges issuer profile',
    response: { status: 200, schema: IssuerProfile },
  },
  {
    id: 'credentialStatusList',
    method: 'GET',
    path: '/public/credentials/status/{list}',
    lambda: LambdaName.VERIFICATION,
    scope: 'public',
    summary:
      'A signed W3C Bitstring Status List credential (JWT): the revocations of exported Open Badges, for wallets',
    request: {
      params: z.object({
        list: z.coerce.number({ error: 'numéro de liste attendu' }).int().min(0).max(100_000),
      }),
    },
    response: { status: 200, schema: z.string(), contentType: 'application/vc+jwt' },
  },
  {
    id: 'listCertificates',
    method: 'GET',
    path: '/certificates',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN],
    summary: 'The register (the national admin: all, by year; a network admin: their own), newest first',
    request: { query: CertificateQuery },
    response: {
      status: 200,
      schema: z.object({ items: z.array(Certificate), cursor: z.string().optional() }),
    },
  },
  {
    id: 'getCertificate',
    method: 'GET',
    path: '/certificates/{code}',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN, R.ADVISOR],
    summary: 'A certificate of the register',
    request: { params: CodeParam },
    response: { status: 200, schema: Certificate },
  },
  {
    id: 'revokeCertificate',
    method: 'POST',
    path: '/certificates/{code}/revoke',
    lambda: LambdaName.CERTIFICATES,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Revoke a certificate (reason required); verification shows it at once',
    request: {
      params: CodeParam,
      body: z.object({ reason: z.string().trim().min(1, { error: 'motif requis' }).max(1000) }),
    },
    response: { status: 200, schema: Certificate },
  },
  {
    id: 'exportCredential',
    method: 'GET',
    path: '/certificates/{code}/credential',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN, R.ADVISOR],
    summary: 'The certificate as an Open Badges 3.0 Verifiable Credential (JWT, Ed25519)',
    request: { params: CodeParam },
    response: { status: 200, schema: z.object({ credential: z.string() }) },
  },
  {
    id: 'getCertificatePdf',
    method: 'GET',
    path: '/certificates/{code}/certificate.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN, R.ADVISOR],
    summary: 'The certificate (PDF) with its code and a QR code to the verification page',
    request: { params: CodeParam },
    response: { status: 200, schema: z.string(), contentType: 'application/pdf' },
  },
  {
    id: 'getPaperCopyRecipient',
    method: 'GET',
    path: '/certificates/{code}/paper-copy/recipient',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NETWORK_ADMIN, R.ADVISOR],
    summary:
      "Where a paper copy request starts from: the holder's name, the postal code and commune of the dossier's candidate (no street line is kept: empty)",
    request: { params: CodeParam },
    response: { status: 200, schema: PaperCopyRecipient },
  },
  {
    id: 'requestPaperCopy',
    method: 'POST',
    path: '/certificates/{code}/paper-copy',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NETWORK_ADMIN, R.ADVISOR],
    summary: 'Request a paper copy of a certificate of the network (sent by the national body)',
    request: { params: CodeParam, body: PaperCopyRequest },
    response: { status: 200, schema: Certificate },
  },
  {
    id: 'advancePaperCopy',
    method: 'PATCH',
    path: '/certificates/{code}/paper-copy',
    lambda: LambdaName.CERTIFICATES,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary:
      'Track a paper copy: requested → printed → sent, or printed → requested to undo a print until it is sent',
    request: { params: CodeParam, body: z.object({ status: z.enum(['requested', 'printed', 'sent']) }) },
    response: { status: 200, schema: Certificate },
  },
  {
    id: 'listPaperCopies',
    method: 'GET',
    path: '/paper-copies',
    lambda: LambdaName.CERTIFICATES,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Paper copies to print or to send, oldest first',
    request: { query: z.object({ status: z.enum(['requested', 'printed']).default('requested') }) },
    response: { status: 200, schema: z.object({ items: z.array(Certificate) }) },
  },
  {
    id: 'countCertificates',
    method: 'GET',
    path: '/totals/certificates',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN],
    summary:
      'How many certificates the register holds under the same filters (bounded count: may be a lower bound)',
    request: { query: CertificateQuery.omit({ cursor: true, limit: true }) },
    response: { status: 200, schema: ListTotal },
  },
  {
    id: 'exportCertificates',
    method: 'GET',
    path: '/certificates.csv',
    lambda: LambdaName.CERTIFICATES,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN],
    summary: 'The register under the same filters, as CSV for Excel (French headers, `;`, BOM)',
    request: { query: CertificateQuery.omit({ cursor: true, limit: true }) },
    response: { status: 200, schema: z.string(), contentType: 'text/csv; charset=utf-8' },
  },
  {
    id: 'printPaperCopyBatch',
    method: 'POST',
    path: '/paper-copies/print-batch.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary:
      'One PDF for a batch of requested paper copies (98 at most): the certificates in the order given, then A4 sheets of 2 × 7 address labels (99.1 × 38.1 mm) in the same order. Changes nothing: the batch is marked printed once checked (markPaperCopiesPrinted)',
    request: { body: PrintBatchRequest },
    response: { status: 200, schema: z.string(), contentType: 'application/pdf' },
  },
  {
    id: 'markPaperCopiesPrinted',
    method: 'POST',
    path: '/paper-copies/printed',
    lambda: LambdaName.CERTIFICATES,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary:
      'Mark a printed batch (98 at most) in one transaction: each copy on the condition that it is still the request printed (requestedAt) waiting to be printed; one changed meanwhile answers 409 naming it and nothing is marked',
    request: { body: MarkPrintedRequest },
    response: { status: 200, schema: z.object({ items: z.array(Certificate) }) },
  },
] as const satisfies readonly RouteDefinition[];

export { PublicCertificate, certificateRoutes };
