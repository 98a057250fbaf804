/**
 * Bodies the certificate pages send, checked before sending. The rules are the API's
 * (packages/contract/src/routes/certificates.ts); the messages are written for the form, not for the API.
 */
import * as z from 'zod';

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

export { PaperCopyRequest, Revocation };
