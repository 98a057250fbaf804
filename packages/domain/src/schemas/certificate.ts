/** The register of certificates (SPEC §5), as the API answers it to signed-in users. */
import * as z from 'zod';
import { certifications } from '../constants.ts';

const paperCopyStatuses = ['requested', 'printed', 'sent'] as const;
type PaperCopyStatus = (typeof paperCopyStatuses)[number];

const PaperCopy = z.object({
  status: z.enum(paperCopyStatuses),
  /** Gone once the holder's data was erased (only a sent copy can be: erasure waits for it). */
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
type PaperCopy = z.output<typeof PaperCopy>;

const Certificate = z.object({
  code: z.string(),
  certification: z.enum(certifications),
  status: z.enum(['valid', 'revoked']),
  issuedOn: z.string(),
  revokedOn: z.string().optional(),
  revocationReason: z.string().optional(),
  region: z.string(),
  sessionId: z.string(),
  tenantId: z.string(),
  dossierId: z.string(),
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
type Certificate = z.output<typeof Certificate>;

export type { PaperCopyStatus };
export { Certificate, PaperCopy, paperCopyStatuses };
