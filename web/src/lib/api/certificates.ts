/** The register of certificates (`/certificates`, `/paper-copies`): the shapes of functions/src/routes/certificates.ts. */
import { certifications } from '@socle/domain';
import * as z from 'zod';

const paperCopyStatuses = ['requested', 'printed', 'sent'] as const;

const PaperCopy = z.object({
  status: z.enum(paperCopyStatuses),
  /** Gone once the holder's data was erased (a sent copy only). */
  recipient: z
    .object({
      name: z.string(),
      addressLine: z.string(),
      postalCode: z.string(),
      city: z.string(),
    })
    .optional(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  printedAt: z.string().optional(),
  sentAt: z.string().optional(),
});

const Certificate = z.object({
  code: z.string(),
  certification: z.enum(certifications),
  status: z.enum(['valid', 'revoked']),
  issuedOn: z.string(),
  revokedOn: z.string().optional(),
  revocationReason: z.string().optional(),
  region: z.string(),
  sessionId: z.string().optional(),
  tenantId: z.string().optional(),
  dossierId: z.string().optional(),
  /** After the holder's data was erased (`holderErasedAt`): the first name and the last initial only. */
  holder: z.object({
    firstName: z.string(),
    lastName: z.string().optional(),
    birthDate: z.string().optional(),
    lastInitial: z.string().optional(),
  }),
  holderErasedAt: z.string().optional(),
  paperCopy: PaperCopy.optional(),
});

/** Body of `POST /certificates/{code}/paper-copy`, checked before sending (same rules as the API). */
const PaperCopyRequest = z.object({
  recipient: z.object({
    name: z.string().trim().min(1, { error: 'Indiquez le destinataire.' }).max(200),
    addressLine: z.string().trim().min(1, { error: "Indiquez l'adresse." }).max(300),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: 'Le code postal compte 5 chiffres.' }),
    city: z.string().trim().min(1, { error: 'Indiquez la commune.' }).max(100),
  }),
});

/** Body of `POST /certificates/{code}/revoke`. */
const Revocation = z.object({
  reason: z.string().trim().min(1, { error: 'Indiquez le motif de la révocation.' }).max(1000),
});

type Certificate = z.output<typeof Certificate>;
type PaperCopy = z.output<typeof PaperCopy>;
type PaperCopyStatus = (typeof paperCopyStatuses)[number];

export type { PaperCopyStatus };
export { Certificate, PaperCopy, PaperCopyRequest, Revocation, paperCopyStatuses };
