/**
 * A new PDF with the Socle fonts embedded and its metadata set. Output is deterministic: dates come
 * from the input (never the clock), font names from the input (subsetName), and the resource names
 * pdf-lib makes up (`F-1234…`) from its fixed-seed generator, so the same input gives the same bytes
 * (useful for caching and for tests).
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { defaultFonts } from '../fonts.ts';
import { parseIsoDate } from '../format.ts';
import type { FontBytes } from '../types/fonts.ts';
import type { LayoutFonts } from './pageCursor.ts';

interface DocumentMetadata {
  title: string;
  subject: string;
  keywords?: string[];
  /** `YYYY-MM-DD`: the document's creation and modification date. */
  createdOn: string;
  /** BCP 47 tag for screen readers and text extraction. */
  language?: string;
}

interface CreatePdfOptions {
  metadata: DocumentMetadata;
  fonts?: FontBytes;
  /**
   * Also embeds DejaVu Sans Mono as `fonts.mono`, when the font bytes hold it. Off by default: an
   * embedded face is written to the file even if nothing uses it.
   */
  mono?: boolean;
}

// fontkit shapes every string on each measure and draw, and that is most of the render time. pdf-lib
// keeps only each glyph's own advance (it drops GPOS positions), so kerning and mark positioning are
// wasted work; the text is NFC (precomposed glyphs), and plain letters instead of fi/fl ligatures keep
// copy and search simple. Measuring gets about four times faster, with the same widths.
const NO_SHAPING = {
  kern: false,
  mark: false,
  mkmk: false,
  liga: false,
  clig: false,
  calt: false,
  rlig: false,
  ccmp: false,
  locl: false,
};

/**
 * `ABCDEF+DejaVuSans`: the PDF convention for a font subset, which preflight tools and PDF/A check.
 * The six letters come from the document title and date, so they are stable for the same input and
 * differ between documents (two subsets of one name would collide when PDFs are merged).
 */
const subsetName = (postscriptName: string, metadata: DocumentMetadata): string => {
  const digest = createHash('sha256')
    .update(`${metadata.title}|${metadata.createdOn}|${postscriptName}`)
    .digest();
  const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
  return `${tag}+${postscriptName}`;
};

const embed = (doc: PDFDocument, bytes: Uint8Array, metadata: DocumentMetadata): Promise<PDFFont> => {
  // Parsing the name table only: fontkit decodes tables lazily.
  const { postscriptName } = fontkit.create(bytes);
  return doc.embedFont(bytes, {
    subset: true,
    features: NO_SHAPING,
    customName: subsetName(postscriptName ?? 'Font', metadata),
  });
};

const createPdf = async ({
  metadata,
  fonts,
  mono = false,
}: CreatePdfOptions): Promise<{ doc: PDFDocument; fonts: LayoutFonts }> => {
  // updateMetadata: false, or pdf-lib stamps the current time and its own producer on save.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = fonts ?? defaultFonts();
  // subset: only the glyphs used are embedded (tens of KB instead of about 700 KB per face).
  // Embedded one after the other so object numbers do not depend on promise timing.
  const regular = await embed(doc, bytes.regular, metadata);
  const bold = await embed(doc, bytes.bold, metadata);
  const monoFace = mono && bytes.mono ? await embed(doc, bytes.mono, metadata) : undefined;

  const date = parseIsoDate(metadata.createdOn);
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor('Socle');
  doc.setSubject(metadata.subject);
  if (metadata.keywords) doc.setKeywords(metadata.keywords);
  doc.setCreator('Socle');
  doc.setProducer('Socle (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(metadata.language ?? 'fr-FR');
  return { doc, fonts: monoFace ? { regular, bold, mono: monoFace } : { regular, bold } };
};

export type { CreatePdfOptions, DocumentMetadata };
export { createPdf };
