/**
 * The time zone a region's jury sits in, to print the closing time as the jury lived it. Overseas
 * regions are hours away from Paris (La Réunion is UTC+4, Guadeloupe UTC−4), so a session closed at
 * 13:00 UTC in Saint-Denis closed at 17:00, not at 14:00.
 */

// INSEE region codes of the five overseas regions (packages/domain/data/regions.json). The rest of
// the regions are in metropolitan France. This belongs with the region list in @socle/domain; it lives
// here until a second consumer needs it.
const OVERSEAS: Readonly<Record<string, string>> = {
  '01': 'America/Guadeloupe',
  '02': 'America/Martinique',
  '03': 'America/Cayenne',
  '04': 'Indian/Reunion',
  '06': 'Indian/Mayotte',
};

/** IANA time zone of an INSEE region code; `Europe/Paris` for metropolitan France. */
const regionTimeZone = (regionCode: string): string => OVERSEAS[regionCode] ?? 'Europe/Paris';

export { regionTimeZone };
