/**
 * The national body's printing and billing calls (issue 17): a batch of paper copies as one PDF
 * (certificates, then their address labels), marking the batch printed once checked, and the
 * consolidated national usage statement (screen, CSV, PDF).
 */
import { MAX_PRINT_BATCH, nationalStatementFileName } from '@socle/domain';
import { todayIso } from '$lib/format';
import { createClient } from './client';
import type { Fetch } from './client';

/** A copy as it was printed: its certificate and the request the sheet answers. */
interface PrintedCopy {
  code: string;
  requestedAt: string;
}

const printingCalls = (fetchFn: Fetch = fetch) => {
  const { call } = createClient(fetchFn);
  return {
    /** The batch's PDF and the name to save it under; marks nothing. */
    batchFile: async (codes: readonly string[]) => ({
      blob: await call('printPaperCopyBatch', { body: { codes: [...codes] } }),
      fileName: `exemplaires-papier-${todayIso()}.pdf`,
    }),
    /** Marks every copy of a checked batch printed, or none (409 naming the copy that changed). */
    markPrinted: (copies: readonly PrintedCopy[]) =>
      call('markPaperCopiesPrinted', { body: { copies: copies.map((c) => ({ ...c })) } }),
    /** Every network's statement for a month (`2026-04`) or a year (`2026`). */
    nationalStatement: (period: string) => call('getNationalStatement', { params: { period } }),
    nationalStatementCsv: async (period: string) => ({
      blob: await call('getNationalStatementCsv', { params: { period } }),
      fileName: nationalStatementFileName(period, 'csv'),
    }),
    nationalStatementPdf: async (period: string) => ({
      blob: await call('getNationalStatementPdf', { params: { period } }),
      fileName: nationalStatementFileName(period, 'pdf'),
    }),
  };
};

export type { PrintedCopy };
export { MAX_PRINT_BATCH, printingCalls };
