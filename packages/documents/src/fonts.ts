/**
 * Where the PDF fonts come from. The documents embed DejaVu Sans (Bitstream Vera licence: free to
 * embed and redistribute) because the 14 standard PDF fonts only cover WinAnsi, and candidates' names
 * need Latin Extended (Ł, ő, ş…), typographic apostrophes and French non-breaking spaces.
 *
 * Lookup order:
 * 1. `SOCLE_FONT_DIR`: a directory holding `DejaVuSans.ttf` and `DejaVuSans-Bold.ttf` (and
 *    `DejaVuSansMono.ttf`, see below). In AWS Lambda the esbuild bundle does not carry `node_modules`,
 *    so the deployment copies the files next to the bundle and sets this variable
 *    (e.g. `SOCLE_FONT_DIR=/var/task/fonts`).
 * 2. The `dejavu-fonts-ttf` npm package, resolved from this module (local dev, tests).
 * Callers that already hold the bytes (a Lambda layer, a cache) pass them as `RenderOptions.fonts`.
 *
 * The monospaced face (DejaVu Sans Mono) only prints the certificate code. It is optional: it is looked
 * up in the same places, the directory that holds the two main faces first, and when no directory has
 * it the certificate sets its code in the bold face, letter-spaced. So a deployment that has not yet
 * copied the file still renders every document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FontNotFoundError } from './errors.ts';
import type { FontBytes } from './types/fonts.ts';

/** The faces every document needs: `loadFonts` fails without them. */
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
/**
 * The optional face, for the certificate code. Kept apart from `FONT_FILES`: the infra copies
 * `FONT_FILES` into the documents bundle and its tests hold both lists equal, so shipping this file too
 * is a change of the infra (`pdfFonts.files` and its test), made there.
 */
const MONO_FONT_FILE = 'DejaVuSansMono.ttf';
const FONT_DIR_ENV = 'SOCLE_FONT_DIR';

const packagePath = (file: string): string | undefined => {
  try {
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    // Not installed (a Lambda bundle without node_modules): the caller reports every path tried.
    return undefined;
  }
};

const candidateDirs = (env: NodeJS.ProcessEnv): string[] => {
  const dirs: string[] = [];
  const fromEnv = env[FONT_DIR_ENV]?.trim();
  if (fromEnv) dirs.push(fromEnv);
  const regular = packagePath(FONT_FILES.regular);
  if (regular) dirs.push(join(regular, '..'));
  return dirs;
};

/** The monospaced face from the first directory that holds it, `dir` (that of the main faces) first. */
const loadMono = (dir: string, dirs: string[]): Pick<FontBytes, 'mono'> => {
  const path = [dir, ...dirs.filter((d) => d !== dir)]
    .map((d) => join(d, MONO_FONT_FILE))
    .find((p) => existsSync(p));
  return path ? { mono: readFileSync(path) } : {};
};

/**
 * Reads the regular and bold DejaVu Sans faces from `SOCLE_FONT_DIR`, else from the npm package, and
 * DejaVu Sans Mono when it is found (the certificate code; optional, see above).
 */
const loadFonts = (env: NodeJS.ProcessEnv = process.env): FontBytes => {
  const tried: string[] = [];
  const dirs = candidateDirs(env);
  for (const dir of dirs) {
    const regular = join(dir, FONT_FILES.regular);
    const bold = join(dir, FONT_FILES.bold);
    tried.push(dir);
    if (existsSync(regular) && existsSync(bold)) {
      return { regular: readFileSync(regular), bold: readFileSync(bold), ...loadMono(dir, dirs) };
    }
  }
  throw new FontNotFoundError(tried.length > 0 ? tried : [`$${FONT_DIR_ENV} (unset)`, 'dejavu-fonts-ttf']);
};

let cached: FontBytes | undefined;

/** @internal The fonts of a warm Lambda are read once (about 1.7 MB for the three faces). */
const defaultFonts = (): FontBytes => {
  cached ??= loadFonts();
  return cached;
};

export { FONT_DIR_ENV, FONT_FILES, MONO_FONT_FILE, defaultFonts, loadFonts };
