/**
 * The calendar day in a region: overseas regions are hours away from Paris (SPEC §4), so "today"
 * and "in the future" are judged in the region's own time zone.
 */

/** INSEE region code → IANA time zone of the overseas regions. */
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '01': 'America/Guadeloupe',
  '02': 'America/Martinique',
  '03': 'America/Cayenne',
  '04': 'Indian/Reunion',
  '06': 'Indian/Mayotte',
};

/** The region's time zone; metropolitan France (or no region) is on Paris time. */
const regionTimeZone = (region: string | undefined): string =>
  (region && OVERSEAS_TIME_ZONES[region]) || 'Europe/Paris';

/**
 * The ISO day it is in the region at an instant.
 * @example regionToday('04', new Date('2026-12-07T21:00:00Z')) // '2026-12-08' (UTC+4)
 */
const regionToday = (region: string | undefined, now: Date): string =>
  // en-CA formats as YYYY-MM-DD.
  new Intl.DateTimeFormat('en-CA', {
    timeZone: regionTimeZone(region),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

export { regionTimeZone, regionToday };
