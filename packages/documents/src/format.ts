/** French formatting of the values printed on documents. */
import { InvalidDateError, InvalidTimeError } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

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

/** `1992-06-15` → `15/06/1992`: the short form, for table columns. */
const formatShortDateFr = (value: string): string => {
  parseIsoDate(value);
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
};

/**
 * `09:30` → `9 h 30`, `14:00` → `14 h`: the French way to write a time of day, with non-breaking
 * spaces so that it never breaks across lines. Throws `InvalidTimeError` on anything but `HH:MM`.
 */
const formatTimeFr = (value: string): string => {
  const match = CLOCK_TIME.exec(value);
  if (!match) throw new InvalidTimeError(value);
  const hours = Number(match[1]);
  return match[2] === '00' ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${match[2]}`;
};

/**
 * The calendar day (`YYYY-MM-DD`) and clock time (`HH:MM`) of an ISO 8601 instant in an IANA time
 * zone: a session closed at `2026-12-15T16:42:00Z` in Paris closed at 17:42 on 15 December.
 */
const localDateTime = (instant: string, timeZone: string): { date: string; time: string } => {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new InvalidDateError(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

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

export {
  NBSP,
  formatDateFr,
  formatShortDateFr,
  formatTimeFr,
  frenchTypography,
  fullName,
  localDateTime,
  parseIsoDate,
  plural,
};
