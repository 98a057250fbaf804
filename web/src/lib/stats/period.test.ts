import { describe, expect, it } from 'vitest';
import {
  FIRST_MONTH,
  addMonths,
  defaultPeriod,
  filtersFrom,
  filtersHref,
  formatCount,
  formatDays,
  isTimeGrouping,
  monthAbbreviation,
  monthName,
  monthOf,
  monthOptions,
  periodName,
  scopeText,
  statementMonths,
  volumesFileName,
} from './period.ts';

/** fr-FR groups thousands with a narrow no-break space (U+202F). */
const NNBSP = '\u202f';
const ULID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const params = (query: string) => new URLSearchParams(query);
/** An instant in March 2026, Paris (UTC+1 until the 29th). */
const MARCH_15 = new Date('2026-03-15T12:00:00Z');

describe('Function: monthOf (the month in Paris, not in UTC)', () => {
  it.each([
    // Winter (UTC+1): 23:00 UTC on the last evening is already the next month in Paris.
    ['2026-01-31T22:59:59Z', '2026-01'],
    ['2026-01-31T23:00:00Z', '2026-02'],
    // New Year: the year changes with the month.
    ['2025-12-31T22:59:59Z', '2025-12'],
    ['2025-12-31T23:30:00Z', '2026-01'],
    // Summer (UTC+2): 22:00 UTC is midnight in Paris.
    ['2026-06-30T21:59:59Z', '2026-06'],
    ['2026-06-30T22:00:00Z', '2026-07'],
    // The night of the change to summer time (29 March 2026) and the last evening of March.
    ['2026-03-29T01:30:00Z', '2026-03'],
    ['2026-03-31T22:00:00Z', '2026-04'],
    // Leap day.
    ['2028-02-29T22:59:00Z', '2028-02'],
    ['2028-02-29T23:00:00Z', '2028-03'],
  ])('%s → %s', (instant, month) => {
    expect(monthOf(new Date(instant))).toBe(month);
  });
});

describe('Function: addMonths', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', 0, '2026-03'],
    ['2026-03', -11, '2025-04'],
    ['2026-12', -12, '2025-12'],
    ['2026-05', -17, '2024-12'],
    ['2026-11', 14, '2028-01'],
    ['2026-01', -35, '2023-02'],
    ['2026-02', 24, '2028-02'],
  ] as const)('addMonths(%s, %i) → %s', (month, delta, expected) => {
    expect(addMonths(month, delta)).toBe(expected);
  });

  it('is undone by the opposite move, over ten years of months', () => {
    let month = '2020-01';
    for (let i = 0; i < 120; i++) {
      const next = addMonths(month, 1);
      expect(next).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(addMonths(next, -1)).toBe(month);
      month = next;
    }
    expect(month).toBe('2030-01');
  });
});

describe('Function: defaultPeriod', () => {
  it('covers the last 12 months, this one included', () => {
    expect(defaultPeriod(MARCH_15)).toEqual({ from: '2025-04', to: '2026-03' });
  });

  it('takes this month in Paris: on New Year’s Eve at 23:30 UTC it is already January', () => {
    expect(defaultPeriod(new Date('2025-12-31T23:30:00Z'))).toEqual({ from: '2025-02', to: '2026-01' });
  });
});

describe('French names', () => {
  it('names months and abbreviates them for axes', () => {
    expect(monthName('2026-03')).toBe('mars 2026');
    expect(monthName('2026-12')).toBe('décembre 2026');
    expect(monthName('2026-01')).toBe('janvier 2026');
    expect(monthAbbreviation('2026-02')).toBe('févr.');
    expect(monthAbbreviation('2026-08')).toBe('août');
  });

  it('names quarters (1er, then 2e…), months, and leaves years as they are', () => {
    expect(periodName('2026-T1')).toBe('1er trimestre 2026');
    expect(periodName('2026-T2')).toBe('2e trimestre 2026');
    expect(periodName('2026-T4')).toBe('4e trimestre 2026');
    expect(periodName('2026-05')).toBe('mai 2026');
    expect(periodName('2026')).toBe('2026');
  });

  it('leaves a key that is neither a quarter nor a month as it is', () => {
    expect(periodName('2026-T5')).toBe('2026-T5');
    expect(periodName('2026-13')).toBe('2026-13');
    expect(periodName('Île-de-France')).toBe('Île-de-France');
  });

  it('formats counts and delays in French', () => {
    expect(formatCount(1234)).toBe(`1${NNBSP}234`);
    expect(formatCount(0)).toBe('0');
    expect(formatDays(null)).toBe('–');
    expect(formatDays(0)).toBe('0 jour');
    expect(formatDays(1)).toBe('1 jour');
    expect(formatDays(2)).toBe('2 jours');
    expect(formatDays(1.5)).toBe('1,5 jours');
    expect(formatDays(1200)).toBe(`1${NNBSP}200 jours`);
  });

  it('names the CSV file after the period', () => {
    expect(volumesFileName('2025-12', '2026-11')).toBe('socle-volumes-2025-12_2026-11.csv');
  });
});

describe('Function: monthOptions', () => {
  it('lists the months from the first to this one, newest first, named in French', () => {
    expect(monthOptions('2025-12', MARCH_15)).toEqual([
      { value: '2026-03', label: 'mars 2026' },
      { value: '2026-02', label: 'février 2026' },
      { value: '2026-01', label: 'janvier 2026' },
      { value: '2025-12', label: 'décembre 2025' },
    ]);
  });

  it('offers this month only when the first month is this one, nothing when it is later', () => {
    expect(monthOptions('2026-03', MARCH_15).map((o) => o.value)).toEqual(['2026-03']);
    expect(monthOptions('2026-04', MARCH_15)).toEqual([]);
  });
});

describe('Function: statementMonths', () => {
  it('offers 36 months (three years back, this month included) and defaults to last month', () => {
    const { month, options } = statementMonths(params(''), MARCH_15);
    expect(month).toBe('2026-02');
    expect(options).toHaveLength(36);
    expect(options[0]?.value).toBe('2026-03');
    expect(options.at(-1)?.value).toBe('2023-04');
  });

  it('defaults to December of last year in January', () => {
    expect(statementMonths(params(''), new Date('2026-01-10T10:00:00Z')).month).toBe('2025-12');
  });

  it('keeps a month asked in the URL when it is offered, the oldest and this one included', () => {
    expect(statementMonths(params('mois=2025-06'), MARCH_15).month).toBe('2025-06');
    expect(statementMonths(params('mois=2023-04'), MARCH_15).month).toBe('2023-04');
    expect(statementMonths(params('mois=2026-03'), MARCH_15).month).toBe('2026-03');
  });

  it.each(['2023-03', '2026-04', '2026-3', 'mars', ''])('falls back to last month for mois=%s', (asked) => {
    expect(statementMonths(params(`mois=${asked}`), MARCH_15).month).toBe('2026-02');
  });
});

describe('Function: filtersFrom', () => {
  const allowed = ['month', 'quarter', 'region'] as const;

  it('defaults to the last 12 months and the first grouping offered', () => {
    expect(filtersFrom(params(''), allowed, MARCH_15)).toEqual({
      from: '2025-04',
      to: '2026-03',
      groupBy: 'month',
      certification: undefined,
      region: undefined,
      tenantId: undefined,
      organismId: undefined,
    });
  });

  it('keeps valid values from the URL', () => {
    const filters = filtersFrom(
      params(
        `from=2024-02&to=2025-01&groupBy=region&certification=clea-numerique&region=11&tenantId=${ULID}&organismId=${ULID}`,
      ),
      allowed,
      MARCH_15,
    );
    expect(filters).toEqual({
      from: '2024-02',
      to: '2025-01',
      groupBy: 'region',
      certification: 'clea-numerique',
      region: '11',
      tenantId: ULID,
      organismId: ULID,
    });
  });

  it('swaps a period typed backwards', () => {
    const { from, to } = filtersFrom(params('from=2026-01&to=2025-06'), allowed, MARCH_15);
    expect({ from, to }).toEqual({ from: '2025-06', to: '2026-01' });
  });

  it('accepts a single month, FIRST_MONTH and this month as bounds', () => {
    expect(filtersFrom(params('from=2025-07&to=2025-07'), allowed, MARCH_15)).toMatchObject({
      from: '2025-07',
      to: '2025-07',
    });
    expect(filtersFrom(params(`from=${FIRST_MONTH}&to=2024-12`), allowed, MARCH_15).from).toBe(FIRST_MONTH);
    expect(filtersFrom(params('to=2026-03'), allowed, MARCH_15).to).toBe('2026-03');
  });

  it('replaces a month in the future, before 2020 or malformed by the default', () => {
    expect(filtersFrom(params('to=2026-04'), allowed, MARCH_15).to).toBe('2026-03');
    expect(filtersFrom(params('from=2019-12'), allowed, MARCH_15).from).toBe('2025-04');
    expect(filtersFrom(params('from=2025-13&to=2025-6'), allowed, MARCH_15)).toMatchObject({
      from: '2025-04',
      to: '2026-03',
    });
  });

  it('clips a period longer than 60 months to the 60 months ending at its end', () => {
    const { from, to } = filtersFrom(params('from=2020-01&to=2026-03'), allowed, MARCH_15);
    expect({ from, to }).toEqual({ from: '2021-04', to: '2026-03' });
    // Exactly 60 months stays as asked.
    expect(filtersFrom(params('from=2021-04&to=2026-03'), allowed, MARCH_15).from).toBe('2021-04');
  });

  it('refuses a grouping the page does not offer, an unknown certification, region or id', () => {
    const filters = filtersFrom(
      params(
        'groupBy=organism&certification=cléa&region=99&tenantId=abc&organismId=01jabcdefghjkmnpqrstvwxyz0',
      ),
      allowed,
      MARCH_15,
    );
    expect(filters.groupBy).toBe('month');
    expect(filters.certification).toBeUndefined();
    expect(filters.region).toBeUndefined();
    expect(filters.tenantId).toBeUndefined();
    expect(filters.organismId).toBeUndefined();
  });

  it('groups by month when the page offers no grouping at all', () => {
    expect(filtersFrom(params('groupBy=region'), [], MARCH_15).groupBy).toBe('month');
  });
});

describe('Function: filtersHref', () => {
  it('leaves empty and undefined filters out of the link', () => {
    expect(filtersHref('/statistiques', {})).toBe('/statistiques');
    expect(
      filtersHref('/statistiques', { from: '2025-01', region: undefined, certification: undefined }),
    ).toBe('/statistiques?from=2025-01');
  });

  it('gives back the filters filtersFrom reads', () => {
    const filters = filtersFrom(params('from=2024-02&to=2025-01&groupBy=quarter&region=11'), [
      'month',
      'quarter',
    ]);
    const href = filtersHref('/statistiques', filters);
    const back = filtersFrom(new URL(href, 'https://socle.test').searchParams, ['month', 'quarter']);
    expect(back).toEqual(filters);
  });
});

describe('Function: scopeText', () => {
  const base = filtersFrom(params('from=2025-12&to=2026-11'), ['month'], new Date('2026-11-20T12:00:00Z'));

  it('says the period in words', () => {
    expect(scopeText(base)).toBe('De décembre 2025 à novembre 2026');
    expect(scopeText({ ...base, from: '2026-03', to: '2026-03' })).toBe('En mars 2026');
  });

  it('adds the region, network, organism and certification, in that order', () => {
    expect(
      scopeText(
        { ...base, certification: 'clea' },
        { region: 'Île-de-France', network: 'Réseau Sud', organism: 'Atelier Nord' },
      ),
    ).toBe('De décembre 2025 à novembre 2026 · Île-de-France · Réseau Sud · Atelier Nord · CléA');
  });
});

describe('Function: isTimeGrouping', () => {
  it('is true for month, quarter and year only', () => {
    expect(['month', 'quarter', 'year'].every((g) => isTimeGrouping(g as 'month'))).toBe(true);
    for (const g of ['region', 'network', 'organism', 'certification'] as const)
      expect(isTimeGrouping(g)).toBe(false);
  });
});
