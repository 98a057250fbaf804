/** What a renderer returns: the file, and the page labels it drew (what the footer says). */
interface RenderResult {
  bytes: Uint8Array;
  pageCount: number;
  /**
   * `page 1 / 3`, `page 2 / 3`…, one per page, in order; empty for a document that prints none (the
   * certificate, a single page).
   */
  pageLabels: string[];
}

export type { RenderResult };
