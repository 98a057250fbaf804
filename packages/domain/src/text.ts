/** Text helpers for comparisons that ignore case and accents (name search, name confirmation). */

/** Lowercase, without diacritics, apostrophes and dashes folded to spaces, spaces collapsed. */
const foldForSearch = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .toLowerCase()
    .replace(/[’'\-‐]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export { foldForSearch };
