/** The decisions of a candidate's path (SPEC §3): table-driven cases and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierStatuses } from '../dossierStateMachine.ts';
import { PATH_RULE_CODES } from './codes.ts';
import {
  canRecordAttendance,
  deadlineFromSequences,
  finalWithinDeadline,
  sequenceDatesAllowed,
} from './dates.ts';
import { duplicateOpening, normalisedIdentity } from './duplicate.ts';
import {
  canStartFinalEvaluation,
  finalEvaluationScope,
  resultsInScope,
  trainingHours,
} from './finalEvaluation.ts';
import { habilitationAllows, organismRegionAllowed } from './habilitation.ts';
import { regionToday } from './regionTime.ts';
import { canWithdraw } from './withdrawal.ts';

const codeOf = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'allowed' : verdict.code);

const day = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

describe('Function: finalEvaluationScope', () => {
  it.each([
    { targeted: ['1.1.1', '1.1.2'], acquired: [], scope: ['1.1.1', '1.1.2'] },
    { targeted: ['1.1.1', '1.1.2'], acquired: ['1.1.2', '2.1.1'], scope: ['1.1.1'] },
    { targeted: ['1.1.1', '1.1.1'], acquired: [], scope: ['1.1.1'] },
    { targeted: ['1.1.1'], acquired: ['1.1.1'], scope: [] },
  ])('covers the targets $targeted minus $acquired', ({ targeted, acquired, scope }) => {
    expect(finalEvaluationScope({ plan: { targetedCriteria: targeted }, acquired })).toEqual(scope);
  });

  it('never covers a criterion outside the plan nor one already acquired (property)', () => {
    const code: fc.Arbitrary<string> = fc.constantFrom('1.1.1', '1.1.2', '1.2.1', '2.1.1', '2.1.2', '3.1.1');
    fc.assert(
      fc.property(fc.array(code), fc.array(code), (targeted, acquired) => {
        const scope = finalEvaluationScope({ plan: { targetedCriteria: targeted }, acquired });
        expect(scope.every((c) => targeted.includes(c) && !acquired.includes(c))).toBe(true);
        // Union with what was acquired before gives back every target.
        expect(targeted.every((c) => scope.includes(c) || acquired.includes(c))).toBe(true);
      }),
    );
  });
});

describe('Function: canStartFinalEvaluation', () => {
  it.each([
    { plan: undefined, acquired: [], code: 'final_needs_plan' },
    { plan: { targetedCriteria: ['1.1.1'] }, acquired: ['1.1.1'], code: 'final_scope_empty' },
    { plan: { targetedCriteria: ['1.1.1'] }, acquired: [], code: 'allowed' },
  ])('answers $code', ({ plan, acquired, code }) => {
    expect(codeOf(canStartFinalEvaluation({ plan, acquired }))).toBe(code);
  });
});

describe('Function: resultsInScope', () => {
  it('refuses a result outside the final scope on that result, naming the plan', () => {
    const verdict = resultsInScope({ scope: ['1.1.1'], codes: ['1.1.1', '2.1.1'], kind: 'final' });
    expect(verdict).toMatchObject({ ok: false, code: 'criterion_not_trained', field: 'results.2.1.1' });
    expect(verdict.ok ? '' : verdict.message).toContain('plan');
  });

  it('allows results inside the scope', () => {
    expect(resultsInScope({ scope: ['1.1.1', '1.1.2'], codes: ['1.1.2'], kind: 'final' }).ok).toBe(true);
  });
});

describe('Function: trainingHours', () => {
  it.each([
    { planned: 10, sessions: [], attended: 0, done: false },
    {
      planned: 6,
      sessions: [
        { plannedHours: 3, attended: true },
        { plannedHours: 3, attended: true, attendedHours: 2 },
        { plannedHours: 3, attended: false },
      ],
      attended: 5,
      done: false,
    },
    { planned: 4, sessions: [{ plannedHours: 4, attended: true }], attended: 4, done: true },
  ])('counts $attended h of $planned h', ({ planned, sessions, attended, done }) => {
    expect(trainingHours({ plannedHours: planned, sessions })).toEqual({ planned, attended, done });
  });
});

describe('Function: canWithdraw', () => {
  it.each([
    { status: 'on_jury_agenda', session: undefined, code: 'on_jury_agenda' },
    { status: 'eligible', session: 'S1', code: 'on_jury_agenda' },
    { status: 'eligible', session: undefined, code: 'allowed' },
    { status: 'in_training', session: undefined, code: 'allowed' },
  ] as const)('$status on session $session → $code', ({ status, session, code }) => {
    expect(codeOf(canWithdraw({ status, agendaSessionId: session }))).toBe(code);
  });

  it('always refuses a dossier on an agenda, whatever its state (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dossierStatuses), fc.string({ minLength: 1 }), (status, session) => {
        expect(codeOf(canWithdraw({ status, agendaSessionId: session }))).toBe('on_jury_agenda');
      }),
    );
  });
});

describe('Function: habilitationAllows', () => {
  const tenant = {
    status: 'active',
    certifications: ['clea'],
    habilitationFrom: '2024-01-01',
    habilitationTo: '2027-12-31',
    regions: ['11', '84'],
  };

  it.each([
    { change: {}, certification: 'clea', region: '11', today: '2026-06-01', code: 'allowed' },
    {
      change: { status: 'suspended' },
      certification: 'clea',
      region: '11',
      today: '2026-06-01',
      code: 'tenant_suspended',
    },
    {
      change: {},
      certification: 'clea_numerique',
      region: '11',
      today: '2026-06-01',
      code: 'not_habilitated',
    },
    { change: {}, certification: 'clea', region: '11', today: '2023-12-31', code: 'habilitation_expired' },
    { change: {}, certification: 'clea', region: '11', today: '2028-01-01', code: 'habilitation_expired' },
    { change: {}, certification: 'clea', region: '04', today: '2026-06-01', code: 'region_not_habilitated' },
    {
      change: { regions: undefined },
      certification: 'clea',
      region: '04',
      today: '2026-06-01',
      code: 'allowed',
    },
    {
      change: { habilitationTo: null },
      certification: 'clea',
      region: '11',
      today: '2040-01-01',
      code: 'allowed',
    },
  ])('$code for $certification in $region on $today', ({ change, certification, region, today, code }) => {
    expect(
      codeOf(habilitationAllows({ tenant: { ...tenant, ...change }, certification, region, today })),
    ).toBe(code);
  });

  it('allows exactly the days within the habilitation (property)', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const verdict = habilitationAllows({
          tenant: { ...tenant, habilitationFrom: from, habilitationTo: to },
          certification: 'clea',
          region: '11',
          today,
        });
        expect(verdict.ok).toBe(from <= today && today <= to);
      }),
    );
  });
});

describe('Function: organismRegionAllowed', () => {
  it.each([
    { regions: ['11', '84'], region: '84', code: 'allowed' },
    { regions: ['11', '84'], region: '04', code: 'region_not_habilitated' },
    { regions: undefined, region: '04', code: 'allowed' },
  ])('$region within $regions → $code', ({ regions, region, code }) => {
    expect(codeOf(organismRegionAllowed({ tenant: { regions }, region }))).toBe(code);
  });

  it('refuses on the region field', () => {
    const verdict = organismRegionAllowed({ tenant: { regions: ['11'] }, region: '04' });
    expect(verdict.ok ? undefined : verdict.field).toBe('region');
  });
});

describe('Function: sequenceDatesAllowed', () => {
  const base = { openedOn: '2026-03-10', today: '2026-03-20' };

  it.each([
    { dates: ['2026-03-10', '2026-03-20'], code: 'allowed', field: undefined },
    { dates: ['2026-03-12', '2026-03-09'], code: 'sequence_before_opening', field: 'sequences.1.date' },
    { dates: ['2026-03-21'], code: 'sequence_in_future', field: 'sequences.0.date' },
  ])('$dates → $code', ({ dates, code, field }) => {
    const verdict = sequenceDatesAllowed({ ...base, sequences: dates.map((date) => ({ date })) });
    expect(codeOf(verdict)).toBe(code);
    expect(verdict.ok ? undefined : verdict.field).toBe(field);
  });

  it('allows a set of dates exactly when all lie between the opening and today (property)', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 5 }), day, day, (dates, a, b) => {
        const [openedOn, today] = a <= b ? [a, b] : [b, a];
        const verdict = sequenceDatesAllowed({ sequences: dates.map((date) => ({ date })), openedOn, today });
        expect(verdict.ok).toBe(dates.every((d) => d >= openedOn && d <= today));
      }),
    );
  });
});

describe('Function: deadlineFromSequences', () => {
  it('counts from the first sequence, not from a later one nor the submission', () => {
    expect(
      deadlineFromSequences({ sequences: [{ date: '2026-04-02' }, { date: '2026-03-30' }], years: 5 }),
    ).toBe('2031-03-30');
  });

  it('keeps 29 February within the years (28 February)', () => {
    expect(deadlineFromSequences({ sequences: [{ date: '2028-02-29' }], years: 5 })).toBe('2033-02-28');
  });

  it('is undefined without a sequence', () => {
    expect(deadlineFromSequences({ sequences: [], years: 5 })).toBeUndefined();
  });

  it('depends on the first sequence only: later sequences never move it (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (first, more, years) => {
          const later = more.filter((d) => d > first);
          const alone = deadlineFromSequences({ sequences: [{ date: first }], years });
          const withLater = deadlineFromSequences({
            sequences: [...later, first].map((date) => ({ date })),
            years,
          });
          expect(withLater).toBe(alone);
          expect((alone as string) > first).toBe(true);
        },
      ),
    );
  });
});

describe('Function: finalWithinDeadline', () => {
  it.each([
    { dates: ['2031-03-29', '2031-03-30'], code: 'allowed' },
    { dates: ['2031-03-29', '2031-03-31'], code: 'deadline_passed' },
  ])('$dates against 2031-03-30 → $code', ({ dates, code }) => {
    expect(
      codeOf(finalWithinDeadline({ sequences: dates.map((date) => ({ date })), deadline: '2031-03-30' })),
    ).toBe(code);
  });
});

describe('Function: canRecordAttendance', () => {
  it.each([
    { session: { date: '2026-05-02', attended: true }, code: 'attendance_in_future' },
    { session: { date: '2026-05-02', attended: false }, code: 'attendance_in_future' },
    { session: { date: '2026-05-02', attendedHours: 2 }, code: 'attendance_in_future' },
    { session: { date: '2026-05-02', attended: null }, code: 'allowed' },
    { session: { date: '2026-05-01', attended: true }, code: 'allowed' },
  ])('$session → $code', ({ session, code }) => {
    expect(
      codeOf(canRecordAttendance({ sessions: [{ date: '2026-04-01' }, session], today: '2026-05-01' })),
    ).toBe(code);
  });

  it('names the session at fault', () => {
    const verdict = canRecordAttendance({
      sessions: [{ date: '2026-04-01' }, { date: '2026-06-01', attended: true }],
      today: '2026-05-01',
    });
    expect(verdict.ok ? undefined : verdict.field).toBe('sessions.1.attended');
  });
});

describe('Function: duplicateOpening', () => {
  it.each([
    { existing: [], confirmed: false, code: 'allowed' },
    { existing: [{ dossierId: 'D1', status: 'in_training' }], confirmed: false, code: 'duplicate_candidate' },
    { existing: [{ dossierId: 'D1', status: 'certified' }], confirmed: false, code: 'already_certified' },
    { existing: [{ dossierId: 'D1', status: 'certified' }], confirmed: true, code: 'allowed' },
  ] as const)('$existing confirmed=$confirmed → $code', ({ existing, confirmed, code }) => {
    expect(codeOf(duplicateOpening({ existing, confirmed }))).toBe(code);
  });

  it('never allows an unconfirmed opening of a known person (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dossierId: fc.string(), status: fc.constantFrom(...dossierStatuses) }), {
          minLength: 1,
        }),
        (existing) => {
          expect(duplicateOpening({ existing, confirmed: false }).ok).toBe(false);
        },
      ),
    );
  });
});

describe('Function: normalisedIdentity', () => {
  it('ignores case, accents, dashes and surrounding spaces', () => {
    expect(
      normalisedIdentity({ lastName: ' LEFÈVRE-Duval', firstName: 'zoé ', birthDate: '1990-01-02' }),
    ).toBe(normalisedIdentity({ lastName: 'Lefevre Duval', firstName: 'Zoe', birthDate: '1990-01-02' }));
  });

  it('tells different birth dates apart', () => {
    expect(normalisedIdentity({ lastName: 'Martin', firstName: 'Léa', birthDate: '1990-01-02' })).not.toBe(
      normalisedIdentity({ lastName: 'Martin', firstName: 'Léa', birthDate: '1990-01-03' }),
    );
  });
});

describe('Function: regionToday', () => {
  it.each([
    { region: '11', at: '2026-12-07T22:30:00Z', today: '2026-12-07' },
    { region: '11', at: '2026-12-07T23:30:00Z', today: '2026-12-08' },
    { region: '04', at: '2026-12-07T20:30:00Z', today: '2026-12-08' },
    { region: '01', at: '2026-12-08T03:30:00Z', today: '2026-12-07' },
  ])('is $today in region $region at $at', ({ region, at, today }) => {
    expect(regionToday(region, new Date(at))).toBe(today);
  });
});

describe('Constant: PATH_RULE_CODES', () => {
  it('lists each code once', () => {
    expect(new Set(PATH_RULE_CODES).size).toBe(PATH_RULE_CODES.length);
  });
});
