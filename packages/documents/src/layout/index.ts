export type { CreatePdfOptions, DocumentMetadata } from './createPdf.ts';
export { createPdf } from './createPdf.ts';
export type { DecoratePagesOptions } from './decoratePages.ts';
export { decoratePages } from './decoratePages.ts';
export type { HeadingOptions, ItemOptions, LayoutFonts, PageCursorOptions, TextStyle } from './pageCursor.ts';
export { PageCursor } from './pageCursor.ts';
export { A4_PORTRAIT, theme } from './theme.ts';
export type { MeasureFont, WrapTextOptions } from './wrapText.ts';
export { fitLine, wrapText } from './wrapText.ts';
