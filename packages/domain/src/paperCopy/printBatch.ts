/**
 * Paper copies printed in batches (issue 17): the national body picks requested copies, prints them
 * in one PDF (the certificates, then their address labels in the same order), checks the sheets, then
 * marks the batch printed. Marking is one DynamoDB transaction: at most 100 items, one of which is
 * the audit entry, so a batch holds at most 98 copies, which is also seven full sheets of 14 labels.
 */
import * as z from 'zod';
import { refuse } from '../rules/verdict.ts';
import type { Refused } from '../rules/verdict.ts';
import type { PaperCopyRuleCode } from '../rules/ruleCodes.ts';

/** Copies per batch: a transaction's 100 items less the audit entry, rounded down to full label sheets. */
const MAX_PRINT_BATCH = 98;

const CertificateCodeText = z.string().trim().min(1, { error: 'code requis' }).max(60);

/** Distinct codes, in the order the person chose them (the order of the sheets and of the labels). */
const distinctCodes = <T>(items: readonly T[], codeOf: (item: T) => string) =>
  new Set(items.map(codeOf)).size === items.length;

const batchBounds = {
  min: [1, { error: 'choisissez au moins un exemplaire' }],
  max: [MAX_PRINT_BATCH, { error: `${MAX_PRINT_BATCH} exemplaires au plus par lot` }],
} as const;

/** The copies to print: their certificates' codes. */
const PrintBatchRequest = z.object({
  codes: z
    .array(CertificateCodeText)
    .min(...batchBounds.min)
    .max(...batchBounds.max)
    .refine((codes) => distinctCodes(codes, (c) => c), { error: 'un exemplaire figure deux fois' }),
});
type PrintBatchRequest = z.infer<typeof PrintBatchRequest>;

/**
 * The copies found printed: each with the request it answers (`requestedAt`), so a copy sent and
 * requested again since the PDF was made is not marked for a sheet of the previous request.
 */
const MarkPrintedRequest = z.object({
  copies: z
    .array(z.object({ code: CertificateCodeText, requestedAt: z.string().min(1).max(40) }))
    .min(...batchBounds.min)
    .max(...batchBounds.max)
    .refine((copies) => distinctCodes(copies, (c) => c.code), { error: 'un exemplaire figure deux fois' }),
});
type MarkPrintedRequest = z.infer<typeof MarkPrintedRequest>;

/** Written at write time: one copy of the batch moved on (printed by someone else, its request renewed). */
const batchCopyChanged = (code: string): Refused<PaperCopyRuleCode> =>
  refuse(
    'paper_copy_state',
    `l’exemplaire du certificat ${code} a changé entre-temps (déjà imprimé, ou demande renouvelée) : aucun exemplaire du lot n’a été marqué, rechargez la liste`,
  );

/** Read before the write: a copy of the batch is no longer waiting to be printed. */
const batchCopyNotRequested = (code: string): Refused<PaperCopyRuleCode> =>
  refuse(
    'paper_copy_state',
    `le certificat ${code} n’a pas d’exemplaire papier à imprimer : retirez-le du lot`,
  );

export { MAX_PRINT_BATCH, MarkPrintedRequest, PrintBatchRequest, batchCopyChanged, batchCopyNotRequested };
