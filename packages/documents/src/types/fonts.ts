/** Raw TrueType bytes of the two faces every Socle document uses. */
interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Rendering resources, kept apart from the document's data (which comes from the dossier). */
interface RenderOptions {
  /** Font bytes to embed; by default `loadFonts()` finds DejaVu Sans (see fonts.ts). */
  fonts?: FontBytes;
}

export type { FontBytes, RenderOptions };
