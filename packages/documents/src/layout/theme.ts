/** The sober look shared by every Socle document: A4 portrait, one typeface, one accent colour. */
import { rgb } from 'pdf-lib';

/** A4 in PDF points (1/72 in). */
const A4_PORTRAIT: [number, number] = [595.28, 841.89];
/** A4 turned sideways: the certificate. */
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

const theme = {
  // The top and bottom margins leave room for the running header and footer drawn inside them.
  margins: { top: 72, right: 56, bottom: 64, left: 56 },
  sizes: { title: 20, heading: 13, subheading: 10.5, body: 10, small: 8 },
  /** Line height as a multiple of the font size. */
  leading: 1.35,
  colors: {
    text: rgb(0.13, 0.13, 0.13),
    muted: rgb(0.42, 0.42, 0.42),
    accent: rgb(0.1, 0.26, 0.46),
    success: rgb(0.1, 0.42, 0.24),
    danger: rgb(0.72, 0.11, 0.11),
    rule: rgb(0.78, 0.8, 0.83),
    panel: rgb(0.95, 0.96, 0.97),
  },
} as const;

export { A4_LANDSCAPE, A4_PORTRAIT, theme };
