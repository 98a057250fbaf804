/** Sequences as typed in the grid (strings), checked with the shared schema before they are saved. */
import { SequenceSchema } from '@socle/domain';
import type { Sequence, SequenceMode } from '@socle/domain';
import { todayIso } from '$lib/format';

interface SequenceDraft {
  key: string;
  date: string;
  start: string;
  /** Minutes, as typed (a number input may give a number). */
  duration: string | number | null;
  mode: SequenceMode;
}

type SequenceField = 'date' | 'start' | 'durationMinutes' | 'mode';

interface ParsedSequence {
  value?: Sequence;
  errors: Partial<Record<SequenceField, string>>;
}

/** A number input bound with `bind:value` gives a number (or null when empty), a text input a string. */
const typed = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

const parseSequence = (row: SequenceDraft): ParsedSequence => {
  const duration = typed(row.duration);
  const result = SequenceSchema.safeParse({
    date: row.date,
    start: row.start,
    durationMinutes: duration === '' ? undefined : Number(duration),
    mode: row.mode,
  });
  if (result.success && result.data.date > todayIso()) {
    return { errors: { date: 'une séquence se saisit une fois réalisée (date future)' } };
  }
  if (result.success) return { value: result.data, errors: {} };
  const errors: ParsedSequence['errors'] = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SequenceField;
    const empty = field === 'durationMinutes' ? duration === '' : !row[field as 'date' | 'start'];
    errors[field] ??= empty ? 'champ obligatoire' : issue.message;
  }
  return { errors };
};

const draftOf = (s: Sequence): SequenceDraft => ({
  key: crypto.randomUUID(),
  date: s.date,
  start: s.start,
  duration: String(s.durationMinutes),
  mode: s.mode,
});

export type { ParsedSequence, SequenceDraft, SequenceField };
export { draftOf, parseSequence };
