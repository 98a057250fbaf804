/**
 * The grid's marks not saved yet, kept in localStorage so that they survive a reload or a closed tab
 * during an outage (issue 15). One entry per evaluation, tagged with the version the marks were made
 * on: they are restored only onto that same version, never over a grid someone saved since.
 */
import type { CriterionStatus } from '@socle/domain';

interface PendingMark {
  status: CriterionStatus;
  note: string;
}

type PendingMarks = Record<string, PendingMark>;

type MarksStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (evaluationId: string) => `socle.grille.${evaluationId}`;

/** The browser's localStorage, or none (server rendering, storage disabled or full). */
const browserStorage = (): MarksStorage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
};

const isMark = (value: unknown): value is PendingMark =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PendingMark).status === 'string' &&
  typeof (value as PendingMark).note === 'string';

/** The marks pending on this version of the evaluation; an entry of another version is dropped. */
const loadPendingMarks = (
  storage: MarksStorage | undefined,
  evaluationId: string,
  version: number,
): PendingMarks => {
  if (!storage) return {};
  try {
    const raw = storage.getItem(keyOf(evaluationId));
    if (!raw) return {};
    const stored = JSON.parse(raw) as { version?: unknown; marks?: unknown };
    if (stored.version !== version || typeof stored.marks !== 'object' || stored.marks === null) {
      storage.removeItem(keyOf(evaluationId));
      return {};
    }
    return Object.fromEntries(
      Object.entries(stored.marks).filter(([, mark]) => isMark(mark)),
    ) as PendingMarks;
  } catch {
    return {};
  }
};

/** Keeps the pending marks (made on `version`), or clears the entry when none is pending. */
const savePendingMarks = (
  storage: MarksStorage | undefined,
  evaluationId: string,
  version: number,
  marks: PendingMarks,
): void => {
  if (!storage) return;
  try {
    if (Object.keys(marks).length === 0) storage.removeItem(keyOf(evaluationId));
    else storage.setItem(keyOf(evaluationId), JSON.stringify({ version, marks }));
  } catch {
    // A full or disabled storage: the marks still live in memory and the autosave keeps trying.
  }
};

export type { MarksStorage, PendingMark, PendingMarks };
export { browserStorage, loadPendingMarks, savePendingMarks };
