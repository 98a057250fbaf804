/**
 * @internal Test helper: the text a page draws, read back from its content streams. The documents
 * embed Type0 fonts, so strings are glyph codes (`<0012002A> Tj`); each font's ToUnicode CMap, which
 * pdf-lib writes as `bfchar` pairs, maps them back to text. Enough for what the renderers draw
 * (one `Tj` per line), not a general PDF text extractor.
 */
import { PDFDict, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import type { PDFDocument, PDFPage } from 'pdf-lib';

const decoded = (stream: unknown): string =>
  stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '';

/** Glyph code (4 hex digits) → text, from a ToUnicode CMap's `bfchar` sections. */
const parseToUnicode = (cmap: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const [, section = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', utf16 = ''] of section.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(code.toUpperCase(), Buffer.from(utf16, 'hex').swap16().toString('utf16le'));
    }
  }
  return map;
};

/** The page's font resources by name, each with its code → text map. */
const fontMaps = (page: PDFPage): Map<string, Map<string, string>> => {
  const maps = new Map<string, Map<string, string>>();
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const { context } = page.doc;
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = context.lookup(ref);
    const toUnicode = font instanceof PDFDict ? font.get(PDFName.of('ToUnicode')) : undefined;
    maps.set(name.toString(), parseToUnicode(toUnicode ? decoded(context.lookup(toUnicode)) : ''));
  }
  return maps;
};

/** The page's decoded content stream operators, as text. */
const contentOf = (page: PDFPage): string => {
  const contents = page.node.Contents();
  const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
  return streams.map((ref) => decoded(page.doc.context.lookup(ref))).join('\n');
};

/** Every string the page draws, in drawing order (one per line of text). */
const pageTexts = (page: PDFPage): string[] => {
  const maps = fontMaps(page);
  const texts: string[] = [];
  let font = new Map<string, string>();
  for (const [, fontName, hex] of contentOf(page).matchAll(/(\/[^\s/]+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
    if (fontName) {
      font = maps.get(fontName) ?? new Map();
      continue;
    }
    const codes = (hex ?? '').toUpperCase().match(/.{4}/g) ?? [];
    texts.push(codes.map((code) => font.get(code) ?? '\uFFFD').join(''));
  }
  return texts;
};

/** BaseFont names of the Type0 (composite, Unicode) fonts of a PDF. */
const type0FontNames = (doc: PDFDocument): string[] =>
  doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'))
    .map((font) => font.get(PDFName.of('BaseFont'))?.toString() ?? '');

export { contentOf, pageTexts, type0FontNames };
