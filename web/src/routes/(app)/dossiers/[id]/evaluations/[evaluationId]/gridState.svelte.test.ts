import type { Evaluation, EvaluationSave, ReferentielOut } from '@socle/domain';
import { ApiError, NetworkError } from '$lib/api/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GridState } from './gridState.svelte';
import type { MarksStorage } from './pendingMarks';

/** One domain, two sub-domains: 1.1 (4 criteria, 3 needed, 1.1.4 mandatory) and 1.2 (2 criteria, both needed). */
const referentiel: ReferentielOut = {
  id: '01JREFERENT1ELC1EAAAAAAAAA',
  certification: 'clea',
  label: 'CléA 2026',
  title: 'CléA',
  status: 'published',
  counts: { domains: 1, subdomains: 2, criteria: 6 },
  current: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  domains: [
    {
      code: '1',
      title: 'Communiquer en français',
      subdomains: [
        {
          code: '1.1',
          title: 'Écouter',
          criteria: ['1.1.1', '1.1.2', '1.1.3', '1.1.4'].map((code) => ({ code, text: `Critère ${code}` })),
        },
        {
          code: '1.2',
          title: 'Lire',
          criteria: ['1.2.1', '1.2.2'].map((code) => ({ code, text: `Critère ${code}` })),
        },
      ],
    },
  ],
  thresholds: {
    '1.1': { minAcquired: 3, mandatory: ['1.1.4'] },
    '1.2': { minAcquired: 2, mandatory: [] },
  },
  limits: { preliminaryMaxMinutes: 120, finalMaxMinutes: 60, deadlineYears: 5 },
} as unknown as ReferentielOut;

const ALL = ['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.2.1', '1.2.2'];

const evaluation = (overrides: Partial<Evaluation> = {}): Evaluation =>
  ({
    id: '01JEVA1UAT10NAAAAAAAAAAAAA',
    dossierId: '01JD0SS1ERAAAAAAAAAAAAAAAA',
    kind: 'preliminary',
    status: 'in_progress',
    referentielId: referentiel.id,
    evaluatorId: '01JEVA1UAT0RAAAAAAAAAAAAAA',
    organismId: '01J0RGAN1SMAAAAAAAAAAAAAAA',
    scope: ALL,
    sequences: [],
    results: {},
    version: 3,
    ...overrides,
  }) as Evaluation;

const apiError = (status: number, error: string, fields?: { path: string; message: string }[]) =>
  new ApiError(status, { error, message: `refus ${error}`, ...(fields ? { fields } : {}) });

/**
 * A save function the test answers by hand: each call is recorded with its body and waits until
 * the test resolves (with the next version) or rejects it.
 */
const controlledSave = () => {
  const calls: {
    body: EvaluationSave;
    resolve: (version: number) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const save = (body: EvaluationSave) =>
    new Promise<Evaluation>((resolve, reject) => {
      calls.push({
        body: structuredClone(body),
        resolve: (version) => resolve(evaluation({ version })),
        reject,
      });
    });
  return { calls, save };
};

/** A save that answers at once with version + 1 (the server's behaviour). */
const autoSave = () => {
  const bodies: EvaluationSave[] = [];
  const save = async (body: EvaluationSave) => {
    bodies.push(structuredClone(body));
    return evaluation({ version: body.version + 1 });
  };
  return { bodies, save };
};

const sequence = { date: '2026-01-05', start: '09:00', durationMinutes: 60, mode: 'on_site' as const };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('GridState: marking', () => {
  it('starts from the evaluation as loaded: results with notes, version, sequences, nothing unsaved', () => {
    const grid = new GridState({
      evaluation: evaluation({
        results: { '1.1.1': { status: 'acquired', note: 'bien' }, '1.1.2': { status: 'not_acquired' } },
        sequences: [sequence],
      }),
      referentiel,
      acquiredBefore: [],
      save: autoSave().save,
    });
    expect(grid.results['1.1.1']).toEqual({ status: 'acquired', note: 'bien' });
    expect(grid.results['1.1.2']).toEqual({ status: 'not_acquired', note: '' });
    expect(grid.version).toBe(3);
    expect(grid.sequences).toHaveLength(1);
    expect(grid.sequences[0]).toMatchObject({ date: '2026-01-05', start: '09:00', duration: '60' });
    expect(grid.totalMinutes).toBe(60);
    expect(grid.hasUnsaved).toBe(false);
    expect(grid.saveState).toEqual({ kind: 'idle' });
    expect(grid.limitMinutes).toBe(120);
  });

  it('ignores a criterion outside the scope and a status set again to the same value', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({
      evaluation: evaluation({ scope: ['1.1.1'], results: { '1.1.1': { status: 'acquired' } } }),
      referentiel,
      acquiredBefore: [],
      save,
    });
    grid.setStatus('1.2.1', 'acquired');
    grid.setStatus('1.1.1', 'acquired');
    expect(grid.results['1.2.1']).toBeUndefined();
    expect(grid.hasUnsaved).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(bodies).toEqual([]);
  });

  it('keeps the note when the status changes, and takes no note on a criterion without a status', () => {
    const grid = new GridState({
      evaluation: evaluation(),
      referentiel,
      acquiredBefore: [],
      save: autoSave().save,
    });
    grid.setNote('1.1.1', 'avant tout statut');
    expect(grid.results['1.1.1']).toBeUndefined();
    expect(grid.hasUnsaved).toBe(false);
    grid.setStatus('1.1.1', 'not_acquired');
    grid.setNote('1.1.1', 'à revoir');
    grid.setStatus('1.1.1', 'acquired');
    expect(grid.results['1.1.1']).toEqual({ status: 'acquired', note: 'à revoir' });
  });

  it('counts the answered criteria of the scope only', () => {
    const grid = new GridState({
      evaluation: evaluation({ scope: ['1.1.1', '1.1.2'], results: { '1.2.1': { status: 'acquired' } } }),
      referentiel,
      acquiredBefore: [],
      save: autoSave().save,
    });
    expect(grid.answered).toBe(0);
    grid.setStatus('1.1.1', 'not_evaluated');
    expect(grid.answered).toBe(1);
    grid.setStatus('1.1.2', 'acquired');
    expect(grid.answered).toBe(2);
  });
});

describe('GridState: live mastery', () => {
  it('follows each mark with the version’s thresholds (mandatory criterion included)', () => {
    const grid = new GridState({
      evaluation: evaluation(),
      referentiel,
      acquiredBefore: [],
      save: autoSave().save,
    });
    const sub = (code: string) => grid.mastery.domains[0]?.subdomains.find((s) => s.code === code);
    expect(sub('1.1')).toMatchObject({ acquired: 0, mastered: false });
    for (const code of ['1.1.1', '1.1.2', '1.1.3']) grid.setStatus(code, 'acquired');
    // 3 of 4 reaches the threshold, but the mandatory 1.1.4 is missing.
    expect(sub('1.1')).toMatchObject({ acquired: 3, mastered: false, missingMandatory: ['1.1.4'] });
    grid.setStatus('1.1.4', 'acquired');
    expect(sub('1.1')).toMatchObject({ acquired: 4, mastered: true, missingMandatory: [] });
    expect(grid.mastery.complete).toBe(false);
    grid.setStatus('1.2.1', 'acquired');
    grid.setStatus('1.2.2', 'acquired');
    expect(grid.mastery.complete).toBe(true);
    // Taking a mark back takes the mastery back.
    grid.setStatus('1.2.2', 'not_acquired');
    expect(grid.mastery.complete).toBe(false);
    expect(grid.mastery.gaps).toEqual(['1.2.2']);
  });

  it('adds what was acquired before to a final evaluation, and only to a final one', () => {
    const acquiredBefore = ['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.2.1'];
    const final = new GridState({
      evaluation: evaluation({ kind: 'final', scope: ['1.2.2'] }),
      referentiel,
      acquiredBefore,
      save: autoSave().save,
    });
    expect(final.limitMinutes).toBe(60);
    expect(final.mastery.complete).toBe(false);
    final.setStatus('1.2.2', 'acquired');
    expect(final.mastery.complete).toBe(true);

    const preliminary = new GridState({
      evaluation: evaluation({ kind: 'preliminary' }),
      referentiel,
      acquiredBefore,
      save: autoSave().save,
    });
    preliminary.setStatus('1.2.2', 'acquired');
    expect(preliminary.mastery.acquiredCriteria).toEqual(['1.2.2']);
    expect(preliminary.mastery.complete).toBe(false);
  });
});

describe('GridState: autosave', () => {
  it('batches the changes of the debounce window into one request with the version', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(500);
    grid.setStatus('1.1.2', 'not_acquired');
    grid.setNote('1.1.2', '  à revoir  ');
    grid.setStatus('1.1.3', 'acquired');
    grid.setNote('1.1.3', '   ');
    await vi.advanceTimersByTimeAsync(799);
    // Each change restarts the 800 ms wait.
    expect(bodies).toEqual([]);
    expect(grid.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(bodies).toEqual([
      {
        version: 3,
        results: {
          '1.1.1': { status: 'acquired', note: null },
          '1.1.2': { status: 'not_acquired', note: 'à revoir' },
          '1.1.3': { status: 'acquired', note: null },
        },
      },
    ]);
    expect(grid.version).toBe(4);
    expect(grid.saveState.kind).toBe('saved');
    expect(grid.hasUnsaved).toBe(false);
  });

  it('sends only what changed since the last save, with the version the server returned', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    grid.setStatus('1.2.1', 'not_evaluated');
    await vi.advanceTimersByTimeAsync(800);
    expect(bodies.map((b) => [b.version, Object.keys(b.results ?? {})])).toEqual([
      [3, ['1.1.1']],
      [4, ['1.2.1']],
    ]);
    expect(grid.version).toBe(5);
  });

  it('sends one request at a time: a change made while saving waits, then goes with the new version', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(1);
    expect(grid.saveState.kind).toBe('saving');
    grid.setStatus('1.1.2', 'acquired');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(grid.hasUnsaved).toBe(true);
    calls[0]?.resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toEqual({ version: 4, results: { '1.1.2': { status: 'acquired', note: null } } });
    calls[1]?.resolve(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.version).toBe(5);
    expect(grid.hasUnsaved).toBe(false);
  });

  it('flush saves at once, without waiting for the debounce, and says whether everything is saved', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    expect(await grid.flush()).toBe(true);
    expect(bodies).toEqual([]);
    grid.setStatus('1.1.1', 'acquired');
    expect(await grid.flush()).toBe(true);
    expect(bodies).toHaveLength(1);
    // The debounce timer was cleared: nothing is sent again later.
    await vi.advanceTimersByTimeAsync(5000);
    expect(bodies).toHaveLength(1);
  });

  it('flush waits for the request in flight before sending what is left', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    grid.setStatus('1.1.2', 'acquired');
    const flushed = grid.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body.version).toBe(4);
    calls[1]?.resolve(5);
    expect(await flushed).toBe(true);
  });
});

describe('GridState: failures', () => {
  it('stops for good on a version conflict and lists what was not saved', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.2', 'not_acquired');
    grid.setNote('1.1.2', 'écrit à la main');
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(409, 'version_conflict'));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState).toEqual({ kind: 'conflict' });
    expect(grid.hasUnsaved).toBe(true);
    // Sorted as the grid shows them, with whether a note was typed.
    expect(grid.unsavedChanges).toEqual([
      { code: '1.1.1', status: 'acquired', note: false },
      { code: '1.1.2', status: 'not_acquired', note: true },
    ]);
    // Nothing is sent any more: not the next change, not a flush.
    grid.setStatus('1.2.1', 'acquired');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await grid.flush()).toBe(false);
    expect(calls).toHaveLength(1);
    expect(grid.version).toBe(3);
  });

  it('orders unsaved criteria numerically (1.1.10 after 1.1.9) and names unsaved sequences', async () => {
    const ref = structuredClone(referentiel);
    const codes = Array.from({ length: 10 }, (_, i) => `1.1.${i + 1}`);
    (ref.domains[0] as ReferentielOut['domains'][number]).subdomains[0] = {
      code: '1.1',
      title: 'Écouter',
      criteria: codes.map((code) => ({ code, text: code })),
    };
    const { calls, save } = controlledSave();
    const grid = new GridState({
      evaluation: evaluation({ scope: codes }),
      referentiel: ref,
      acquiredBefore: [],
      save,
    });
    grid.setStatus('1.1.10', 'acquired');
    grid.setStatus('1.1.9', 'acquired');
    grid.addSequence();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(409, 'version_conflict'));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.unsavedChanges.map((c) => c.code)).toEqual(['1.1.9', '1.1.10', undefined]);
  });

  it('keeps refused results (400) and sends them again with the next change', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(400, 'validation', [{ path: 'results.1.1.1.note', message: 'trop long' }]));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState).toEqual({ kind: 'failed', message: 'results.1.1.1.note : trop long' });
    expect(grid.hasUnsaved).toBe(true);
    // Not retried on its own…
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    // …but with the next change, together with it.
    grid.setStatus('1.1.2', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    expect(Object.keys(calls[1]?.body.results ?? {}).sort()).toEqual(['1.1.1', '1.1.2']);
  });

  it('retries a network failure by itself, waiting 3 s, then 6 s, and starts over at 3 s after a success', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(new NetworkError());
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState).toEqual({ kind: 'retrying', message: new NetworkError().message });
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body.results).toEqual({ '1.1.1': { status: 'acquired', note: null } });
    calls[1]?.reject(apiError(503, 'service_unavailable'));
    await vi.advanceTimersByTimeAsync(5999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]?.resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState.kind).toBe('saved');
    expect(grid.hasUnsaved).toBe(false);
    // After a success, the next failure waits 3 s again.
    grid.setStatus('1.1.2', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[3]?.reject(new NetworkError());
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(5);
  });

  it('never waits more than 30 s between retries', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    // 3, 6, 12, 24, then 30, 30.
    const waits = [3000, 6000, 12_000, 24_000, 30_000, 30_000];
    for (const [i, wait] of waits.entries()) {
      calls[i]?.reject(new NetworkError());
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(calls).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(i + 2);
    }
  });

  it.each([
    [401, 'unauthorized', 'Votre session a expiré : reconnectez-vous pour continuer.'],
    [403, 'forbidden', 'Vous ne pouvez plus modifier cette évaluation. Rechargez la page.'],
    [404, 'not_found', 'Vous ne pouvez plus modifier cette évaluation. Rechargez la page.'],
    [
      409,
      'invalid_transition',
      "Cette évaluation n'est plus modifiable (elle a peut-être été validée). Rechargez la page.",
    ],
  ])('stops on a %i (%s) with a French message', async (status, error, message) => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(status, error));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState).toEqual({ kind: 'stopped', message });
    grid.setStatus('1.1.2', 'acquired');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it('retries a 429 rather than stopping', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(429, 'too_many_requests'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(grid.saveState.kind).toBe('saving');
    expect(calls).toHaveLength(2);
  });

  it('stop() (after the submit) cancels a pending save', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.setStatus('1.1.1', 'acquired');
    grid.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(bodies).toEqual([]);
  });
});

describe('GridState: sequences', () => {
  const fill = (
    grid: GridState,
    index: number,
    values: { date: string; start: string; duration: string },
  ) => {
    Object.assign(grid.sequences[index] as object, values);
    grid.sequencesChanged();
  };

  it('holds back an incomplete sequence, saves the results without it, then the sequence once complete', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.addSequence();
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    expect(grid.sequencesHeld).toBe('incomplete');
    expect(bodies).toEqual([{ version: 3, results: { '1.1.1': { status: 'acquired', note: null } } }]);
    expect(grid.hasUnsaved).toBe(true);
    fill(grid, 0, { date: '2026-01-05', start: '09:00', duration: '45' });
    await vi.advanceTimersByTimeAsync(800);
    expect(bodies[1]).toEqual({ version: 4, sequences: [{ ...sequence, durationMinutes: 45 }] });
    expect(grid.sequencesHeld).toBeUndefined();
    expect(grid.hasUnsaved).toBe(false);
  });

  it('holds back sequences over the time limit of the evaluation (final: 60 min here)', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({
      evaluation: evaluation({ kind: 'final', scope: ['1.2.2'] }),
      referentiel,
      acquiredBefore: [],
      save,
    });
    grid.addSequence();
    fill(grid, 0, { date: '2026-01-05', start: '09:00', duration: '61' });
    await vi.advanceTimersByTimeAsync(800);
    expect(grid.totalMinutes).toBe(61);
    expect(grid.overLimit).toBe(true);
    expect(grid.sequencesHeld).toBe('over_limit');
    expect(bodies).toEqual([]);
    // Exactly the limit is allowed.
    fill(grid, 0, { date: '2026-01-05', start: '09:00', duration: '60' });
    await vi.advanceTimersByTimeAsync(800);
    expect(grid.overLimit).toBe(false);
    expect(bodies).toHaveLength(1);
  });

  it('holds back a sequence dated in the future (the grid refuses it before the server)', async () => {
    vi.setSystemTime(new Date('2026-03-10T12:00:00Z'));
    const { bodies, save } = autoSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.addSequence();
    fill(grid, 0, { date: '2026-03-11', start: '09:00', duration: '30' });
    await vi.advanceTimersByTimeAsync(800);
    expect(grid.sequencesHeld).toBe('incomplete');
    expect(grid.parsedSequences[0]?.errors.date).toMatch(/date future/);
    expect(bodies).toEqual([]);
  });

  it('keeps refused sequences back (400 on sequences only) and still saves the results', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.addSequence();
    fill(grid, 0, { date: '2026-01-05', start: '09:00', duration: '60' });
    grid.setStatus('1.1.1', 'acquired');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[0]?.body.sequences).toHaveLength(1);
    expect(calls[0]?.body.results).toBeDefined();
    calls[0]?.reject(apiError(400, 'validation', [{ path: 'sequences.0.date', message: 'avant l’entrée' }]));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.sequencesError).toBe('avant l’entrée');
    expect(grid.sequencesHeld).toBe('refused');
    // The results go again at once (no debounce), without the refused sequences.
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toEqual({ version: 3, results: { '1.1.1': { status: 'acquired', note: null } } });
    calls[1]?.resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    // Still held, and still said why, though the results are saved.
    expect(grid.saveState.kind).toBe('saved');
    expect(grid.sequencesHeld).toBe('refused');
    expect(grid.sequencesError).toBe('avant l’entrée');
    expect(grid.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    // A change of the sequences sends them again; accepted, the error goes.
    fill(grid, 0, { date: '2026-01-06', start: '09:00', duration: '60' });
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[2]?.body).toEqual({ version: 4, sequences: [{ ...sequence, date: '2026-01-06' }] });
    calls[2]?.resolve(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.sequencesError).toBeUndefined();
    expect(grid.sequencesHeld).toBeUndefined();
    expect(grid.hasUnsaved).toBe(false);
  });

  it('saves the removal of a sequence (the empty list is sent)', async () => {
    const { bodies, save } = autoSave();
    const grid = new GridState({
      evaluation: evaluation({ sequences: [sequence] }),
      referentiel,
      acquiredBefore: [],
      save,
    });
    grid.removeSequence(grid.sequences[0]?.key as string);
    await vi.advanceTimersByTimeAsync(800);
    expect(grid.sequences).toEqual([]);
    expect(bodies).toEqual([{ version: 3, sequences: [] }]);
  });
});

describe('GridState: a refused save of sequences alone', () => {
  it('says the sequences were refused when there were no results to send with them', async () => {
    const { calls, save } = controlledSave();
    const grid = new GridState({ evaluation: evaluation(), referentiel, acquiredBefore: [], save });
    grid.addSequence();
    Object.assign(grid.sequences[0] as object, { date: '2026-01-05', start: '09:00', duration: '60' });
    grid.sequencesChanged();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject(apiError(400, 'validation', [{ path: 'sequences.0.date', message: 'avant l’entrée' }]));
    await vi.advanceTimersByTimeAsync(0);
    expect(grid.saveState).toEqual({ kind: 'failed', message: 'séquences refusées (avant l’entrée)' });
    expect(calls).toHaveLength(1);
  });
});

/** An in-memory Storage, as localStorage behaves for the three calls the grid makes. */
const memoryStorage = (): MarksStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

describe('GridState: unsaved marks across a reload', () => {
  const unavailable = () => apiError(503, 'service_unavailable');
  const gridOf = (
    version: number,
    storage: MarksStorage,
    save: (body: EvaluationSave) => Promise<Evaluation>,
  ) =>
    new GridState({
      evaluation: evaluation({ version }),
      referentiel,
      acquiredBefore: [],
      save,
      storage,
      debounceMs: 0,
    });

  it('keeps the marks a 503 left unsaved, restores them on the same version, sends them and clears them', async () => {
    // Arrange: the API answers 503 to the first visit.
    const storage = memoryStorage();
    const first = gridOf(3, storage, () => Promise.reject(unavailable()));
    first.setStatus('1.1.1', 'acquired');
    first.setStatus('1.1.2', 'not_acquired');
    first.setNote('1.1.2', 'à revoir');
    await first.flush();
    first.stop();
    const kept = [...storage.items.keys()];
    // Act: the page is reloaded, the API is back.
    const sent: EvaluationSave[] = [];
    const second = gridOf(3, storage, async (body) => {
      sent.push(structuredClone(body));
      return evaluation({ version: 4 });
    });
    const restored = second.restored;
    const shown = { ...second.statuses };
    const allSaved = await second.flush();
    second.stop();
    // Assess
    expect(first.saveState.kind).toBe('retrying');
    expect(kept).toEqual([`socle.grille.${evaluation().id}`]);
    expect(restored).toBe(2);
    expect(shown).toEqual({ '1.1.1': 'acquired', '1.1.2': 'not_acquired' });
    expect(sent).toEqual([
      {
        version: 3,
        results: {
          '1.1.1': { status: 'acquired', note: null },
          '1.1.2': { status: 'not_acquired', note: 'à revoir' },
        },
      },
    ]);
    expect(allSaved).toBe(true);
    expect(storage.items.size).toBe(0);
  });

  it('does not restore marks made on another version of the evaluation', async () => {
    // Arrange
    const storage = memoryStorage();
    const first = gridOf(3, storage, () => Promise.reject(unavailable()));
    first.setStatus('1.1.1', 'acquired');
    await first.flush();
    first.stop();
    // Act: someone saved the evaluation meanwhile (version 5).
    const second = gridOf(5, storage, () => Promise.reject(new Error('nothing to send')));
    second.stop();
    // Assess
    expect(second.restored).toBe(0);
    expect(second.statuses).toEqual({});
    expect(storage.items.size).toBe(0);
  });
});
