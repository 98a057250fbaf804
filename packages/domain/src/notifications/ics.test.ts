import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { IcsMethod, escapeText, foldLine, juryEventIcs, sessionUid } from './ics.ts';
import type { JuryEventOptions } from './ics.ts';
import { regionTimeZone } from '../path/regionTime.ts';

const base: JuryEventOptions = {
  method: IcsMethod.REQUEST,
  uid: sessionUid('01JSESSION0000000000000000'),
  sequence: 0,
  date: '2027-03-01',
  startTime: '09:30',
  durationMinutes: 180,
  timeZone: 'Europe/Paris',
  summary: 'Jury paritaire CléA – Île-de-France',
  description: 'Session du jury, salle 2; apportez vos notes, merci.\nÀ bientôt',
  location: 'Maison de la formation, 12 rue de l’Échiquier, Paris',
  organizer: { name: 'Secrétariat du jury', email: 'jury@socle.example.fr' },
  attendee: { name: 'Élodie', email: 'elodie@example.fr' },
  now: new Date('2027-01-10T08:00:00Z'),
};

/** Parses with ical.js, registering the calendar's own VTIMEZONE (nothing from the system's). */
const parse = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
};

describe('Function: juryEventIcs', () => {
  it('is parsed back by ical.js as a REQUEST with the session UID and sequence', () => {
    // Act
    const { calendar, event } = parse(juryEventIcs(base));

    // Assess
    expect({
      method: calendar.getFirstPropertyValue('method'),
      uid: event.uid,
      sequence: event.sequence,
    }).toEqual({ method: 'REQUEST', uid: 'jury-session-01JSESSION0000000000000000@socle', sequence: 0 });
  });

  it.each([
    ['84', 'Europe/Paris', '2027-03-01T08:30:00.000Z'],
    ['84', 'Europe/Paris', '2027-07-01T07:30:00.000Z'],
    ['01', 'America/Guadeloupe', '2027-03-01T13:30:00.000Z'],
    ['02', 'America/Martinique', '2027-03-01T13:30:00.000Z'],
    ['03', 'America/Cayenne', '2027-03-01T12:30:00.000Z'],
    ['04', 'Indian/Reunion', '2027-03-01T05:30:00.000Z'],
    ['06', 'Indian/Mayotte', '2027-03-01T06:30:00.000Z'],
  ])('places a session of region %s at 9 h 30 in %s (%s)', (region, zone, instant) => {
    // Prepare
    const date = instant.slice(0, 10);
    const timeZone = regionTimeZone(region);

    // Act
    const { event } = parse(juryEventIcs({ ...base, date, timeZone }));

    // Assess
    expect({
      tzid: event.startDate.zone?.tzid,
      start: event.startDate.toJSDate().toISOString(),
      hoursLong: event.duration.toSeconds() / 3600,
    }).toEqual({ tzid: zone, start: instant, hoursLong: 3 });
  });

  it('keeps the UID across a rescheduling, with the sequence one higher', () => {
    // Act
    const first = parse(juryEventIcs(base)).event;
    const update = parse(juryEventIcs({ ...base, date: '2027-03-08', sequence: 1 })).event;

    // Assess
    expect([update.uid === first.uid, update.sequence - first.sequence]).toEqual([true, 1]);
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the same UID', () => {
    // Act
    const { calendar, vevent } = parse(juryEventIcs({ ...base, method: IcsMethod.CANCEL, sequence: 2 }));

    // Assess
    expect({
      method: calendar.getFirstPropertyValue('method'),
      status: vevent.getFirstPropertyValue('status'),
      uid: vevent.getFirstPropertyValue('uid'),
    }).toEqual({ method: 'CANCEL', status: 'CANCELLED', uid: base.uid });
  });

  it('round-trips escaped text (commas, semicolons, newlines, accents)', () => {
    // Act
    const { event } = parse(juryEventIcs(base));

    // Assess
    expect([event.description, event.location]).toEqual([base.description, base.location]);
  });

  it('ends every line with CRLF and no line is longer than 75 octets', () => {
    // Act
    const ics = juryEventIcs({ ...base, description: 'é'.repeat(200) });

    // Assess
    const lines = ics.split('\r\n');
    expect({
      endsWithCrlf: ics.endsWith('\r\n'),
      bareLf: /[^\r]\n/.test(ics),
      longest: Math.max(...lines.map((l) => new TextEncoder().encode(l).length)),
    }).toEqual({ endsWithCrlf: true, bareLf: false, longest: 75 });
  });

  it('carries the VTIMEZONE of its TZID', () => {
    // Act
    const { calendar } = parse(juryEventIcs({ ...base, timeZone: 'Indian/Reunion' }));

    // Assess
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Indian/Reunion');
  });
});

describe('Function: foldLine', () => {
  it('never splits a multi-byte character', () => {
    // Act
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(62)}€€€€`);

    // Assess
    expect(folded.split('\r\n ').map((l) => new TextEncoder().encode(l).length)).toEqual([74, 12]);
  });
});

describe('Function: escapeText', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
