/** French formatting of the values printed on documents. */
import { InvalidDateError } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// UTC on both sides: a date of birth or of evaluation is a calendar day, not an instant, and must not
// shift with the Lambda's time zone.
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** Midnight UTC of a `YYYY-MM-DD` day; throws `InvalidDateError` on anything else (2023-02-30 too). */
const parseIsoDate = (value: string): Date => {
  const match = ISO_DATE.exec(value);
  const date = new Date(`${value}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) {
    throw new InvalidDateError(value);
  }
  return date;
};

/**
 * `1992-06-15` → `15 juin 1992`, and `1er juin 1992` for the first of the month, as French writes it
 * (Intl prints `1 juin`).
 */
const formatDateFr = (value: string): string =>
  longDate
    .formatToParts(parseIsoDate(value))
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');

/** Non-breaking space: keeps `maîtrisés :` on one line. */
const NBSP = '\u00a0';

/**
 * French typography for text typed as plain ASCII (the référentiel, names): typographic apostrophe,
 * and a non-breaking space before `: ; ! ?` so that the sign never starts a line.
 */
const frenchTypography = (text: string): string => text.replace(/'/g, '’').replace(/ ([:;!?])/g, `${NBSP}$1`);

/** `1 critère`, `0 critère`, `3 critères`: in French, 0 and 1 take the singular. */
const plural = (count: number, singular: string, pluralForm: string): string =>
  `${count} ${count > 1 ? pluralForm : singular}`;

/** First name then last name, as entered: no upper-casing, which would lose `N’Diaye`'s shape. */
const fullName = (person: { firstName: string; lastName: string }): string =>
  `${person.firstName.trim()} ${person.lastName.trim()}`;

export { NBSP, formatDateFr, frenchTypography, fullName, parseIsoDate, plural };
