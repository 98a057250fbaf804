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
const listFormat = new Intl.ListFormat('fr-FR', { style: 'long', type: 'conjunction' });

/** `2026-03-12` → `12/03/2026`; a timestamp → its day in Paris. Empty for a missing value. */
const formatDate = (value: string | null | undefined): string => {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T00:00:00Z`));
  return parisDayFormat.format(new Date(value));
};

/** A timestamp → `12 mars 2026 à 14:05` (Paris time). */
const formatDateTime = (value: string): string => dateTimeFormat.format(new Date(value));

/** `['a', 'b', 'c']` → `a, b et c`. */
const formatList = (values: readonly string[]): string => listFormat.format(values);

export { formatDate, formatDateTime, formatList };
