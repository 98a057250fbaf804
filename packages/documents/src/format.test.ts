import { describe, expect, it } from 'vitest';
import { InvalidDateError, InvalidTimeError } from './errors.ts';
import {
  formatDateFr,
  formatShortDateFr,
  formatTimeFr,
  frenchTypography,
  localDateTime,
  parseIsoDate,
  plural,
} from './format.ts';

describe('Function: formatDateFr', () => {
  it('writes the day, the month in words and the year', () => {
    expect(formatDateFr('1992-06-15')).toBe('15 juin 1992');
  });

  it('writes the first of the month as 1er', () => {
    expect(formatDateFr('2025-03-01')).toBe('1er mars 2025');
  });

  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDateFr('2024-12-31')).toBe('31 décembre 2024');
  });
});

describe('Function: parseIsoDate', () => {
  it('throws on a day that does not exist', () => {
    expect(() => parseIsoDate('2023-02-30')).toThrow(InvalidDateError);
  });

  it('throws on another format', () => {
    expect(() => parseIsoDate('15/06/1992')).toThrow(InvalidDateError);
  });
});

describe('Function: frenchTypography', () => {
  it('turns straight apostrophes into typographic ones', () => {
    expect(frenchTypography("S'exprimer à l'oral")).toBe('S’exprimer à l’oral');
  });

  it('puts a non-breaking space before a colon', () => {
    expect(frenchTypography('lettre : bloc')).toBe('lettre\u00a0: bloc');
  });
});

describe('Function: plural', () => {
  it('keeps 0 in the singular, as French does', () => {
    expect(plural(0, 'critère acquis', 'critères acquis')).toBe('0 critère acquis');
  });

  it('uses the plural from 2', () => {
    expect(plural(2, 'critère acquis', 'critères acquis')).toBe('2 critères acquis');
  });
});

describe('Function: formatShortDateFr', () => {
  it('writes day, month and year with slashes', () => {
    expect(formatShortDateFr('1992-06-05')).toBe('05/06/1992');
  });
});

describe('Function: formatTimeFr', () => {
  it('writes hours and minutes around an h, without a leading zero', () => {
    expect(formatTimeFr('09:30')).toBe('9\u00a0h\u00a030');
  });

  it('writes a round hour without minutes', () => {
    expect(formatTimeFr('14:00')).toBe('14\u00a0h');
  });

  it('throws on a time that does not exist', () => {
    expect(() => formatTimeFr('24:10')).toThrow(InvalidTimeError);
  });
});

describe('Function: localDateTime', () => {
  it('gives the day and time of an instant in Paris', () => {
    expect(localDateTime('2026-12-15T16:42:00Z', 'Europe/Paris')).toEqual({
      date: '2026-12-15',
      time: '17:42',
    });
  });

  it('moves to the next day when the local time is past midnight', () => {
    expect(localDateTime('2026-06-30T22:30:00Z', 'Europe/Paris')).toEqual({
      date: '2026-07-01',
      time: '00:30',
    });
  });

  it('throws on a value that is not an instant', () => {
    expect(() => localDateTime('demain', 'Europe/Paris')).toThrow(InvalidDateError);
  });
});
