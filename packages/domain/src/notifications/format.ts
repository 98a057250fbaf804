/** French dates and times as emails write them: `1er mars 2027`, `9 h 30`. Pure. */
import { NBSP } from './layout.ts';

// UTC: a `YYYY-MM-DD` is a calendar day, which must not shift with the Lambda's time zone.
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });

/** `2027-03-01` → `1er mars 2027` (French writes the first of the month `1er`). */
const frenchDate = (isoDate: string): string =>
  longDate
    .formatToParts(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');

/** `2027-03-01` → `lundi 1er mars 2027`: a meeting's day. */
const frenchDay = (isoDate: string): string =>
  `${weekday.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))} ${frenchDate(isoDate)}`;

/** `09:30` → `9 h 30`, `14:00` → `14 h`, with non-breaking spaces. */
const frenchTime = (clock: string): string => {
  const [hours, minutes] = clock.split(':');
  return minutes === '00' ? `${Number(hours)}${NBSP}h` : `${Number(hours)}${NBSP}h${NBSP}${minutes}`;
};

export { frenchDate, frenchDay, frenchTime };
