/** Raw TrueType bytes of the two faces every Socle document uses, and of the optional monospaced one. */
interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  /** DejaVu Sans Mono, for the certificate code; without it the code is set in `bold`, letter-spaced. */
  mono?: Uint8Array;
}

/** Rendering resources, kept apart from the document's data (which comes from the dossier). */
interface RenderOptions {
  /** Font bytes to embed; by default `loadFonts()` finds DejaVu Sans (see fonts.ts). */
  fonts?: FontBytes;
}

export type { FontBytes, RenderOptions };
