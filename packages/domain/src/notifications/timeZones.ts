/**
 * The VTIMEZONE of each region's time zone (path/regionTime.ts maps regions to zones), for calendar
 * invitations. Overseas regions keep one offset all year; metropolitan France follows the EU rule
 * (last Sunday of March and of October), written as RRULEs so that any year resolves.
 */

/** One fixed offset all year: `+0400`, and the abbreviation calendars show. */
const fixed = (offset: string, name: string): readonly string[] => [
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  `TZOFFSETFROM:${offset}`,
  `TZOFFSETTO:${offset}`,
  `TZNAME:${name}`,
  'END:STANDARD',
];

const TIME_ZONE_RULES: Readonly<Record<string, readonly string[]>> = {
  'Europe/Paris': [
    'BEGIN:DAYLIGHT',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'END:STANDARD',
  ],
  'America/Guadeloupe': fixed('-0400', 'AST'),
  'America/Martinique': fixed('-0400', 'AST'),
  'America/Cayenne': fixed('-0300', '-03'),
  'Indian/Reunion': fixed('+0400', '+04'),
  'Indian/Mayotte': fixed('+0300', 'EAT'),
};

/** The VTIMEZONE lines of a zone; throws for a zone no region uses (a programming error). */
const vtimezoneLines = (timeZone: string): string[] => {
  const rules = TIME_ZONE_RULES[timeZone];
  if (!rules) throw new Error(`no VTIMEZONE for ${timeZone}`);
  return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...rules, 'END:VTIMEZONE'];
};

export { vtimezoneLines };
