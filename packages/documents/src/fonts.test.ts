import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, MONO_FONT_FILE, loadFonts } from './fonts.ts';

const packageFont = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);

describe('Function: loadFonts', () => {
  let dir: string;

  beforeAll(() => {
    // A copy where the regular face is the bold file: proves which directory was read.
    dir = mkdtempSync(join(tmpdir(), 'socle-fonts-'));
    copyFileSync(packageFont(FONT_FILES.bold), join(dir, FONT_FILES.regular));
    copyFileSync(packageFont(FONT_FILES.bold), join(dir, FONT_FILES.bold));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the fonts from SOCLE_FONT_DIR when it is set', () => {
    // Act
    const fonts = loadFonts({ SOCLE_FONT_DIR: dir });

    // Assess
    expect(Buffer.from(fonts.regular).equals(Buffer.from(fonts.bold))).toBe(true);
  });

  it('falls back to the npm package when SOCLE_FONT_DIR is unset', () => {
    // Act
    const fonts = loadFonts({});

    // Assess
    expect(fonts.regular.byteLength).not.toBe(fonts.bold.byteLength);
  });

  it('reads DejaVu Sans Mono from the npm package when SOCLE_FONT_DIR lacks it', () => {
    // Act
    const fonts = loadFonts({ SOCLE_FONT_DIR: dir });

    // Assess
    expect(fonts.mono?.byteLength).toBe(readFileSync(packageFont(MONO_FONT_FILE)).byteLength);
  });

  it('reads DejaVu Sans Mono from SOCLE_FONT_DIR when it holds it', () => {
    // Prepare: a directory whose monospaced face is the regular file.
    const withMono = mkdtempSync(join(tmpdir(), 'socle-fonts-'));
    for (const file of [FONT_FILES.regular, FONT_FILES.bold, MONO_FONT_FILE]) {
      copyFileSync(packageFont(FONT_FILES.regular), join(withMono, file));
    }

    // Act
    const fonts = loadFonts({ SOCLE_FONT_DIR: withMono });
    rmSync(withMono, { recursive: true, force: true });

    // Assess
    expect(fonts.mono?.byteLength).toBe(fonts.regular.byteLength);
  });

  it('falls back to the npm package when SOCLE_FONT_DIR lacks the files', () => {
    // Act
    const fonts = loadFonts({ SOCLE_FONT_DIR: join(dir, 'missing') });

    // Assess
    expect(fonts.regular.byteLength).toBeGreaterThan(100_000);
  });
});
