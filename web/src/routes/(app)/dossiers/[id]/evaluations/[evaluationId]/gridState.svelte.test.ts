import { ApiError } from '$lib/api/errors';
import type { Evaluation, EvaluationSave, ReferentielOut } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import { GridState } from './gridState.svelte';
import type { MarksStorage } from './pendingMarks';

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

const evaluation = (version: number): Evaluation =>
  ({
    id: 'EVAL1',
    kind: 'preliminary',
    status: 'in_progress',
    scope: ['1.1.1', '1.1.2', '1.1.3'],
    sequences: [],
    results: {},
    version,
  }) as unknown as Evaluation;

// The grid reads only the limits until its mastery is shown.
const referentiel = {
  limits: { preliminaryMaxMinutes: 600, finalMaxMinutes: 600 },
  thresholds: {},
  domains: [],
} as unknown as ReferentielOut;

const unavailable = () =>
  new ApiError(503, { error: 'service_unavailable', message: 'Service momentanément indisponible' });

const gridOf = (
  version: number,
  storage: MarksStorage,
  save: (body: EvaluationSave) => Promise<Evaluation>,
) =>
  new GridState({
    evaluation: evaluation(version),
    referentiel,
    acquiredBefore: [],
    save,
    storage,
    debounceMs: 0,
  });

describe('Class: GridState, unsaved marks across a reload', () => {
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
      sent.push(body);
      return { ...evaluation(4), results: body.results } as Evaluation;
    });
    const restored = second.restored;
    const shown = second.statuses;
    const allSaved = await second.flush();
    second.stop();
    // Assess
    expect(first.saveState.kind).toBe('retrying');
    expect(kept).toEqual(['socle.grille.EVAL1']);
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
