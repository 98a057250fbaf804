import { describe, expect, it } from 'vitest';
import { loadPendingMarks, savePendingMarks } from './pendingMarks.ts';
import type { MarksStorage } from './pendingMarks.ts';

/** An in-memory Storage, as the browser's localStorage behaves for these three calls. */
const memoryStorage = (): MarksStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const marks = {
  '1.1.1': { status: 'acquired' as const, note: '' },
  '1.1.2': { status: 'not_acquired' as const, note: 'à revoir' },
};

describe('Function: loadPendingMarks', () => {
  it('restores the marks kept for the same evaluation and version', () => {
    // Arrange
    const storage = memoryStorage();
    savePendingMarks(storage, 'EVAL1', 4, marks);
    // Act
    const restored = loadPendingMarks(storage, 'EVAL1', 4);
    // Assess
    expect(restored).toEqual(marks);
    expect(loadPendingMarks(storage, 'EVAL2', 4)).toEqual({});
  });

  it('drops marks made on another version (the grid was saved elsewhere since)', () => {
    // Arrange
    const storage = memoryStorage();
    savePendingMarks(storage, 'EVAL1', 4, marks);
    // Act
    const restored = loadPendingMarks(storage, 'EVAL1', 5);
    // Assess
    expect(restored).toEqual({});
    expect(storage.items.size).toBe(0);
  });

  it('ignores a mangled entry rather than failing the grid', () => {
    // Arrange
    const storage = memoryStorage();
    storage.setItem('socle.grille.EVAL1', '{not json');
    storage.setItem('socle.grille.EVAL2', JSON.stringify({ version: 1, marks: { a: { status: 1 } } }));
    // Act & Assess
    expect(loadPendingMarks(storage, 'EVAL1', 1)).toEqual({});
    expect(loadPendingMarks(storage, 'EVAL2', 1)).toEqual({});
    expect(loadPendingMarks(undefined, 'EVAL1', 1)).toEqual({});
  });
});

describe('Function: savePendingMarks', () => {
  it('clears the entry once nothing is pending', () => {
    // Arrange
    const storage = memoryStorage();
    savePendingMarks(storage, 'EVAL1', 4, marks);
    // Act
    savePendingMarks(storage, 'EVAL1', 5, {});
    // Assess
    expect(storage.items.size).toBe(0);
  });

  it('survives a storage that refuses to write', () => {
    // Arrange
    const full: MarksStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    // Act & Assess
    expect(() => savePendingMarks(full, 'EVAL1', 1, marks)).not.toThrow();
  });
});
