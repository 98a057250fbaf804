/**
 * The state of an evaluation grid: criterion results, sequences, the live mastery, and the autosave
 * queue. Changes are saved ~800 ms after the last one, one request at a time, sending only what changed
 * with the evaluation's version; a 409 stops the autosave for good (nothing is silently overwritten).
 * The marks not saved yet are also kept in localStorage (pendingMarks.ts): a reload during an outage
 * restores them and sends them again.
 */
import { computeMastery, mergeAcquired, totalMinutes } from '@socle/domain';
import type {
  CriterionStatus,
  Evaluation,
  EvaluationSave,
  Mastery,
  ReferentielOut,
  Sequence,
} from '@socle/domain';
import { ApiError, NetworkError } from '$lib/api';
import { SvelteSet } from 'svelte/reactivity';
import { browserStorage, loadPendingMarks, savePendingMarks } from './pendingMarks';
import type { MarksStorage, PendingMarks } from './pendingMarks';
import { draftOf, parseSequence } from './sequences';
import type { SequenceDraft } from './sequences';

interface CriterionValue {
  status?: CriterionStatus;
  note: string;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** Network or server failure: tried again automatically. */
  | { kind: 'retrying'; message: string }
  /** Refused as invalid: saved again with the next change. */
  | { kind: 'failed'; message: string }
  /** Changed elsewhere (409): autosave stopped. */
  | { kind: 'conflict' }
  /** No longer allowed (submitted, access lost): autosave stopped. */
  | { kind: 'stopped'; message: string };

interface GridStateOptions {
  evaluation: Evaluation;
  referentiel: ReferentielOut;
  /** Criteria acquired in earlier evaluations (a final evaluation adds to them). */
  acquiredBefore: readonly string[];
  save: (body: EvaluationSave) => Promise<Evaluation>;
  debounceMs?: number;
  /** Where the unsaved marks are kept across reloads (the browser's localStorage by default). */
  storage?: MarksStorage;
}

const FIRST_RETRY_MS = 3000;
const MAX_RETRY_MS = 30_000;

class GridState {
  readonly kind: Evaluation['kind'];
  readonly scope: ReadonlySet<string>;
  readonly limitMinutes: number;
  /** Marks left unsaved by an earlier visit, restored from the browser and being sent again. */
  readonly restored: number;

  results = $state<Record<string, CriterionValue>>({});
  sequences = $state<SequenceDraft[]>([]);
  version = $state(0);
  saveState = $state<SaveState>({ kind: 'idle' });

  readonly parsedSequences = $derived(this.sequences.map(parseSequence));
  readonly sequencesValid = $derived(this.parsedSequences.every((p) => p.value));
  readonly totalMinutes = $derived(
    totalMinutes(this.parsedSequences.flatMap((p) => (p.value ? [p.value] : []))),
  );
  readonly overLimit = $derived.by(() => this.totalMinutes > this.limitMinutes);
  readonly statuses = $derived(
    Object.fromEntries(Object.entries(this.results).map(([code, v]) => [code, v.status])),
  );
  /** Live mastery, computed exactly as the server does, with the version's thresholds. */
  readonly mastery: Mastery = $derived.by(() =>
    computeMastery({
      referentiel: this.#referentiel,
      thresholds: this.#referentiel.thresholds,
      statuses: mergeAcquired(this.#acquiredBefore, this.statuses),
    }),
  );
  /** Criteria of the scope with a status. */
  readonly answered = $derived.by(() => [...this.scope].filter((c) => this.results[c]?.status).length);

  readonly #referentiel: ReferentielOut;
  readonly #acquiredBefore: readonly string[];
  readonly #save: GridStateOptions['save'];
  readonly #debounceMs: number;
  readonly #dirty = new SvelteSet<string>();
  #sequencesRevision = $state(0);
  #sequencesSaved = $state(0);
  /** The revision of the sequences the server refused (400), kept back until they change. */
  #sequencesRefused = $state(-1);
  /** Why the server refused the sequences. */
  sequencesError = $state<string | undefined>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inflight: Promise<boolean> | undefined;
  #retryMs = FIRST_RETRY_MS;
  #halted = false;
  readonly #evaluationId: string;
  readonly #storage: MarksStorage | undefined;
  /** The codes of the request in flight: still unsaved until it answers. */
  #sending: readonly string[] = [];

  constructor({
    evaluation,
    referentiel,
    acquiredBefore,
    save,
    debounceMs = 800,
    storage = browserStorage(),
  }: GridStateOptions) {
    this.kind = evaluation.kind;
    this.scope = new Set(evaluation.scope);
    this.limitMinutes =
      evaluation.kind === 'final'
        ? referentiel.limits.finalMaxMinutes
        : referentiel.limits.preliminaryMaxMinutes;
    this.version = evaluation.version;
    this.results = Object.fromEntries(
      Object.entries(evaluation.results).map(([code, r]) => [code, { status: r.status, note: r.note ?? '' }]),
    );
    this.sequences = evaluation.sequences.map(draftOf);
    this.#save = save;
    this.#debounceMs = debounceMs;
    this.#referentiel = referentiel;
    this.#acquiredBefore = evaluation.kind === 'final' ? acquiredBefore : [];
    this.#evaluationId = evaluation.id;
    this.#storage = storage;
    // Marks kept by a visit that could not save them, on this very version only.
    const pending = Object.entries(loadPendingMarks(storage, evaluation.id, evaluation.version)).filter(
      ([code]) => this.scope.has(code),
    );
    for (const [code, mark] of pending) {
      this.results[code] = { status: mark.status, note: mark.note };
      this.#dirty.add(code);
    }
    this.restored = pending.length;
    if (pending.length > 0 && evaluation.status === 'in_progress') this.#schedule(0);
  }

  /** Sequences that cannot be saved yet, and why (they are kept until they can). */
  get sequencesHeld(): 'incomplete' | 'over_limit' | 'refused' | undefined {
    if (this.#sequencesRevision === this.#sequencesSaved) return undefined;
    if (!this.sequencesValid) return 'incomplete';
    if (this.overLimit) return 'over_limit';
    if (this.#sequencesRevision === this.#sequencesRefused) return 'refused';
    return undefined;
  }

  /** True while a change is not saved yet (waiting, in flight, or refused). */
  get hasUnsaved(): boolean {
    return (
      this.#dirty.size > 0 || this.#sequencesRevision !== this.#sequencesSaved || this.#inflight !== undefined
    );
  }

  /** What is not saved, for the conflict notice: `1.2.3 : Non acquis`, `Séquences`. */
  get unsavedChanges(): { code?: string; status?: CriterionStatus; note: boolean }[] {
    const changes: { code?: string; status?: CriterionStatus; note: boolean }[] = [...this.#dirty]
      .toSorted((a, b) => a.localeCompare(b, 'fr', { numeric: true }))
      .map((code) => ({ code, status: this.results[code]?.status, note: Boolean(this.results[code]?.note) }));
    if (this.#sequencesRevision !== this.#sequencesSaved) changes.push({ note: false });
    return changes;
  }

  setStatus(code: string, status: CriterionStatus): void {
    if (!this.scope.has(code) || this.results[code]?.status === status) return;
    this.results[code] = { note: this.results[code]?.note ?? '', status };
    this.#changed(code);
  }

  setNote(code: string, note: string): void {
    const current = this.results[code];
    if (!current?.status) return;
    current.note = note;
    this.#changed(code);
  }

  addSequence(): void {
    this.sequences.push({ key: crypto.randomUUID(), date: '', start: '', duration: '', mode: 'on_site' });
    this.sequencesChanged();
  }

  removeSequence(key: string): void {
    this.sequences = this.sequences.filter((s) => s.key !== key);
    this.sequencesChanged();
  }

  sequencesChanged(): void {
    this.#sequencesRevision++;
    this.#schedule(this.#debounceMs);
  }

  /** Saves what is pending now; true when everything is saved (the way to submit is clear). */
  async flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#saveOnce();
    return !this.#halted && !this.hasUnsaved;
  }

  /** Stops the autosave (after the submit). */
  stop(): void {
    this.#halted = true;
    clearTimeout(this.#timer);
  }

  #changed(code: string): void {
    this.#dirty.add(code);
    this.#persist();
    this.#schedule(this.#debounceMs);
  }

  /** Keeps what is not saved (waiting or in flight) in the browser, cleared once all is saved. */
  #persist(): void {
    const marks: PendingMarks = {};
    for (const code of new Set([...this.#dirty, ...this.#sending])) {
      const value = this.results[code];
      if (value?.status) marks[code] = { status: value.status, note: value.note };
    }
    savePendingMarks(this.#storage, this.#evaluationId, this.version, marks);
  }

  #schedule(delay: number): void {
    if (this.#halted) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#saveOnce();
    }, delay);
  }

  /** One request at a time: waits for the one in flight, then sends everything pending. */
  async #saveOnce(): Promise<boolean> {
    while (this.#inflight) await this.#inflight;
    if (this.#halted) return false;
    const codes = [...this.#dirty].filter((c) => this.results[c]?.status);
    const revision = this.#sequencesRevision;
    const sendSequences =
      revision !== this.#sequencesSaved &&
      revision !== this.#sequencesRefused &&
      this.sequencesValid &&
      !this.overLimit;
    if (codes.length === 0 && !sendSequences) return true;
    const body: EvaluationSave = { version: this.version };
    if (codes.length > 0) {
      body.results = Object.fromEntries(
        codes.map((c) => {
          const v = this.results[c] as CriterionValue;
          return [c, { status: v.status as CriterionStatus, note: v.note.trim() || null }];
        }),
      );
    }
    if (sendSequences) body.sequences = this.parsedSequences.map((p) => p.value as Sequence);
    for (const c of codes) this.#dirty.delete(c);
    this.#sending = codes;
    this.#inflight = this.#send(body, codes, sendSequences ? revision : undefined);
    try {
      return await this.#inflight;
    } finally {
      this.#inflight = undefined;
      this.#sending = [];
      this.#persist();
    }
  }

  async #send(body: EvaluationSave, codes: string[], revision: number | undefined): Promise<boolean> {
    this.saveState = { kind: 'saving' };
    try {
      const saved = await this.#save(body);
      this.version = saved.version;
      if (revision !== undefined) {
        this.#sequencesSaved = revision;
        this.sequencesError = undefined;
      }
      this.saveState = { kind: 'saved', at: new Date() };
      this.#retryMs = FIRST_RETRY_MS;
      return true;
    } catch (e) {
      for (const c of codes) this.#dirty.add(c);
      if (revision !== undefined && this.#refusedSequences(e)) {
        // The sequences alone were refused: keep them back and save the results without them.
        this.#sequencesRefused = revision;
        this.saveState = { kind: 'failed', message: `séquences refusées (${this.sequencesError})` };
        if (codes.length > 0) this.#schedule(0);
      } else {
        this.#failed(e);
      }
      return false;
    }
  }

  /** A 400 about the sequences only (e.g. a date the server finds in the future). */
  #refusedSequences(e: unknown): boolean {
    const fields = e instanceof ApiError && e.status === 400 ? (e.body.fields ?? []) : [];
    if (fields.length === 0 || !fields.every((f) => f.path.startsWith('sequences'))) return false;
    this.sequencesError = fields.map((f) => f.message).join(' ; ');
    return true;
  }

  #failed(e: unknown): void {
    if (e instanceof ApiError && e.isVersionConflict) {
      this.stop();
      this.saveState = { kind: 'conflict' };
    } else if (e instanceof ApiError && e.status === 400) {
      const details = e.body.fields?.map((f) => `${f.path} : ${f.message}`).join(' ; ');
      this.saveState = { kind: 'failed', message: details || e.message };
    } else if (e instanceof ApiError && e.status < 500 && e.status !== 429) {
      this.stop();
      this.saveState = {
        kind: 'stopped',
        message:
          e.status === 401
            ? 'Votre session a expiré : reconnectez-vous pour continuer.'
            : e.status === 409
              ? "Cette évaluation n'est plus modifiable (elle a peut-être été validée). Rechargez la page."
              : 'Vous ne pouvez plus modifier cette évaluation. Rechargez la page.',
      };
    } else {
      if (!(e instanceof ApiError) && !(e instanceof NetworkError)) console.error(e);
      this.saveState = { kind: 'retrying', message: e instanceof Error ? e.message : String(e) };
      this.#schedule(this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    }
  }
}

export type { CriterionValue, SaveState };
export type { ParsedSequence, SequenceDraft, SequenceField } from './sequences';
export { GridState };
