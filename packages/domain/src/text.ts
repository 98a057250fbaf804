/** Text helpers for comparisons that ignore case and accents (name search, name confirmation). */

/** Lowercase, without diacritics, apostrophes and dashes folded to spaces, spaces collapsed. */
const foldForSearch = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    // Letters that Unicode does not decompose into a base letter and a diacritic.
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/[’'\-‐]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words a name search looks for (at most 5, folded): each must occur, so word order does not matter. */
const searchTerms = (query: string): string[] =>
  [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, 5);

export { foldForSearch, searchTerms };
