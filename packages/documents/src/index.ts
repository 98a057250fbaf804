export { DocumentsError, FontNotFoundError, InvalidDateError } from './errors.ts';
export { FONT_DIR_ENV, FONT_FILES, loadFonts } from './fonts.ts';
export { formatDateFr, frenchTypography, fullName } from './format.ts';
export * from './layout/index.ts';
export { renderPortfolio, renderPortfolioPdf } from './portfolio/renderPortfolio.ts';
export type { FontBytes, RenderOptions } from './types/fonts.ts';
export type { PortfolioInput } from './types/portfolio.ts';
export type { RenderResult } from './types/render.ts';
