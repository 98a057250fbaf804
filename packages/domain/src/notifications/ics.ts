/**
 * Calendar invitations for jury sessions (RFC 5545 iCalendar, iTIP methods of RFC 5546): one
 * VEVENT per session, its UID stable for the session's whole life so that a rescheduling
 * (METHOD:REQUEST, SEQUENCE + 1) updates the event already in the member's calendar and a
 * cancellation (METHOD:CANCEL) removes it. Times are local to the region's jury (TZID + VTIMEZONE),
 * never floating: a Guadeloupe session at 9 h stays at 9 h in Guadeloupe for a member in Paris.
 * Pure: text in, text out.
 */
import { vtimezoneLines } from './timeZones.ts';

const IcsMethod = { REQUEST: 'REQUEST', CANCEL: 'CANCEL' } as const;
type IcsMethod = (typeof IcsMethod)[keyof typeof IcsMethod];

interface IcsPerson {
  name: string;
  email: string;
}

interface JuryEventOptions {
  method: IcsMethod;
  /** Stable per session: `sessionUid(sessionId)`. */
  uid: string;
  /** 0 for the first invitation, +1 for each rescheduling; a cancellation carries the next one. */
  sequence: number;
  /** Local day (`YYYY-MM-DD`) and clock time (`HH:MM`) in `timeZone`. */
  date: string;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  organizer: IcsPerson;
  attendee: IcsPerson;
  /** When the invitation was produced (DTSTAMP, UTC). */
  now: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines are escaped. */
const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A parameter value (CN) is quoted, and may not hold a double quote or a control character. */
const quoteParam = (value: string): string => `"${value.replace(/["\p{Cc}]/gu, '')}"`;

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, which
 * counts in their 75; a multi-byte UTF-8 character is never split.
 */
const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
};

const compact = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** Wall-clock arithmetic: the end of a session of `minutes` starting at `date` `time` (same zone). */
const localEnd = (date: string, time: string, minutes: number): { date: string; time: string } => {
  const end = new Date(Date.parse(`${date}T${time}:00Z`) + minutes * 60_000).toISOString();
  return { date: end.slice(0, 10), time: end.slice(11, 16) };
};

const utcStamp = (at: Date) => `${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** The UID of a session's event, the same in every invitation, update and cancellation. */
const sessionUid = (sessionId: string): string => `jury-session-${sessionId}@socle`;

/** The iCalendar object (CRLF lines, folded) of a jury session invitation, update or cancellation. */
const juryEventIcs = (options: JuryEventOptions): string => {
  const end = localEnd(options.date, options.startTime, options.durationMinutes);
  const tz = options.timeZone;
  const cancelled = options.method === IcsMethod.CANCEL;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Socle//Jurys CléA//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method}`,
    ...vtimezoneLines(tz),
    'BEGIN:VEVENT',
    `UID:${options.uid}`,
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART;TZID=${tz}:${compact(options.date, options.startTime)}`,
    `DTEND;TZID=${tz}:${compact(end.date, end.time)}`,
    `SUMMARY:${escapeText(options.summary)}`,
    `DESCRIPTION:${escapeText(options.description)}`,
    ...(options.location ? [`LOCATION:${escapeText(options.location)}`] : []),
    ...(options.url ? [`URL:${options.url}`] : []),
    `ORGANIZER;CN=${quoteParam(options.organizer.name)}:mailto:${options.organizer.email}`,
    `ATTENDEE;CN=${quoteParam(options.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${
      cancelled ? 'FALSE' : 'TRUE'
    }:mailto:${options.attendee.email}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
};

export type { IcsPerson, JuryEventOptions };
export { IcsMethod, escapeText, foldLine, juryEventIcs, sessionUid };
