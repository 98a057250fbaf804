/** French formatting of dates and lists for display. */

const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const parisDayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const longDateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });
const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/Paris',
});
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const listFormat = new Intl.ListFormat('fr-FR', { style: 'long', type: 'conjunction' });

/** `2026-03-12` → `12/03/2026`; a timestamp → its day in Paris. Empty for a missing value. */
const formatDate = (value: string | null | undefined): string => {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T00:00:00Z`));
  return parisDayFormat.format(new Date(value));
};

/** A timestamp → `12 mars 2026 à 14:05` (Paris time). */
const formatDateTime = (value: string): string => dateTimeFormat.format(new Date(value));

/** `2031-03-12` → `12 mars 2031`. */
const formatLongDate = (value: string | null | undefined): string =>
  value ? longDateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : '';

/** A date → `14:32` (Paris time). */
const formatTime = (value: Date): string => timeFormat.format(value);

/** Today in Paris as `2026-03-12`, to compare with ISO dates. */
const todayIso = (now: Date = new Date()): string => isoDayFormat.format(now);

/** `210` → `3 h 30`, `45` → `45 min`, `120` → `2 h`. */
const formatMinutes = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
};

/** `12.5` → `12,5 h`. */
const formatHours = (hours: number): string => `${numberFormat.format(hours)} h`;

/** `['a', 'b', 'c']` → `a, b et c`. */
const formatList = (values: readonly string[]): string => listFormat.format(values);

export {
  formatDate,
  formatDateTime,
  formatHours,
  formatList,
  formatLongDate,
  formatMinutes,
  formatTime,
  todayIso,
};
