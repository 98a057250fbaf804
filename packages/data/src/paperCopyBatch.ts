/**
 * Paper copies printed in batches (issue 17). Generating the PDF changes nothing: the person checks
 * the sheets (a jammed printer, a misfed label sheet), then marks the batch printed, all copies in
 * one transaction, each on the condition that it is still the request that was printed. A copy
 * changed meanwhile cancels the whole batch (409 naming it): nothing is half-marked.
 */
import {
  MAX_PRINT_BATCH,
  batchCopyChanged,
  batchCopyNotRequested,
  enforce,
  paperCopyTransition,
  violationOf,
} from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { findCertificate } from './certificates.ts';
import type { PaperCopy, StoredCertificate } from './entities/certificate.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

/** A certificate whose paper copy waits to be printed, with the address it goes to. */
type CopyToPrint = StoredCertificate & {
  paperCopy: PaperCopy & { recipient: NonNullable<PaperCopy['recipient']> };
};

/**
 * Reads a batch's certificates in the order given (in parallel; a batch is small). A code the
 * register lacks has no copy to print: refused naming it, as one no longer waiting.
 */
const readBatch = async (codes: readonly string[]): Promise<StoredCertificate[]> => {
  if (codes.length > MAX_PRINT_BATCH) throw new RangeError(`at most ${MAX_PRINT_BATCH} copies per batch`);
  const certificates = await Promise.all(codes.map((code) => findCertificate(code)));
  return certificates.map((certificate, i) => {
    if (!certificate) throw violationOf(batchCopyNotRequested(codes[i] as string));
    return certificate;
  });
};

const isToPrint = (c: StoredCertificate): c is CopyToPrint =>
  paperCopyTransition(c.paperCopy?.status, 'print').ok && c.paperCopy?.recipient !== undefined;

/** The copies of a batch to print, in order: every one must be waiting to be printed (409 naming it). */
const copiesToPrint = async (codes: readonly string[]): Promise<CopyToPrint[]> => {
  const certificates = await readBatch(codes);
  for (const c of certificates) if (!isToPrint(c)) enforce(batchCopyNotRequested(c.code));
  return certificates as CopyToPrint[];
};

/** One copy's move to printed, on the condition that it is still the request that was printed. */
const markPrintedItem = (code: string, requestedAt: string, printedAt: string): GuardedItem => ({
  item: {
    Update: {
      TableName: tableName(),
      Key: keys.certificate(code),
      UpdateExpression: 'SET paperCopy.#status = :printed, paperCopy.printedAt = :at, gsi4pk = :queue',
      ConditionExpression: 'paperCopy.#status = :requested AND paperCopy.requestedAt = :requestedAt',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':printed': 'printed',
        ':requested': 'requested',
        ':requestedAt': requestedAt,
        ':at': printedAt,
        ':queue': keys.paperCopyQueue('printed', requestedAt, code).gsi4pk,
      },
    },
  },
  onConditionFailed: () => violationOf(batchCopyChanged(code), { code }),
});

/**
 * Marks a printed batch: every copy, or none. Each copy names the request it printed
 * (`requestedAt`); one that is no longer that request waiting to be printed refuses the batch.
 * One audit event for the batch lists its codes (a transaction holds 100 items at most).
 */
const markBatchPrinted = async (
  ctx: WriteContext,
  copies: readonly { code: string; requestedAt: string }[],
): Promise<StoredCertificate[]> => {
  const certificates = await readBatch(copies.map((c) => c.code));
  certificates.forEach((c, i) => {
    if (c.paperCopy?.status !== 'requested' || c.paperCopy.requestedAt !== copies[i]?.requestedAt)
      throw violationOf(batchCopyChanged(c.code), { code: c.code });
  });
  const printedAt = ctx.clock.now();
  await transact([
    ...copies.map((c) => markPrintedItem(c.code, c.requestedAt, printedAt)),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'certificate.paper_copies_printed',
      entity: { type: 'paper_copy_batch', id: copies[0]?.code ?? '' },
      summary: `${copies.length > 1 ? `${copies.length} exemplaires imprimés` : 'un exemplaire imprimé'} : ${copies.map((c) => c.code).join(', ')}`,
    }),
  ]);
  return certificates.map((c) => ({
    ...c,
    paperCopy: { ...(c.paperCopy as PaperCopy), status: 'printed', printedAt },
  }));
};

export type { CopyToPrint };
export { copiesToPrint, markBatchPrinted };
