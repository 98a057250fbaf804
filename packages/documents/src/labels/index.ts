/**
 * The print batch and the national statement renderers, loaded on their first call like the others
 * (../renderers.ts explains why: pdf-lib and fontkit stay out of the cold start).
 */
import type * as Batch from './renderPrintBatch.ts';
import type * as National from '../nationalStatement/renderNationalStatement.ts';

const renderPrintBatch = async (
  ...args: Parameters<typeof Batch.renderPrintBatch>
): ReturnType<typeof Batch.renderPrintBatch> =>
  (await import('./renderPrintBatch.ts')).renderPrintBatch(...args);

const renderPrintBatchPdf = async (
  ...args: Parameters<typeof Batch.renderPrintBatchPdf>
): Promise<Uint8Array> => (await import('./renderPrintBatch.ts')).renderPrintBatchPdf(...args);

const renderNationalStatement = async (
  ...args: Parameters<typeof National.renderNationalStatement>
): Promise<Uint8Array> =>
  (await import('../nationalStatement/renderNationalStatement.ts')).renderNationalStatement(...args);

export type { PrintBatchInput } from './renderPrintBatch.ts';
export type { PostalRecipient } from './postalAddress.ts';
export { postalLines } from './postalAddress.ts';
export { renderNationalStatement, renderPrintBatch, renderPrintBatchPdf };
