/** Form values of a training plan (strings, as inputs give them) and their conversion to request bodies. */
import type { TrainingPlan } from '@socle/domain';

interface SessionValues {
  /** Sent to the API: a session keeps its id across edits (attendance is recorded against it). */
  id: string;
  date: string;
  /** As typed; a number input bound with `bind:value` may hold a number or null at run time. */
  plannedHours: string;
  topic: string;
  attended?: boolean | null;
  attendedHours?: number | null;
  progressNote?: string | null;
}

interface PlanValues {
  organismId: string;
  targetedCriteria: string[];
  objectives: string;
  /** As typed (see `SessionValues.plannedHours`). */
  plannedHours: string;
  sessions: SessionValues[];
}

/** A number input bound with `bind:value` gives a number or null; an empty field means "not given". */
const toNumber = (value: unknown): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim().replace(',', '.');
  return text === '' ? undefined : Number(text);
};

const newSession = (): SessionValues => ({ id: crypto.randomUUID(), date: '', plannedHours: '', topic: '' });

const planFrom = (plan: TrainingPlan): PlanValues => ({
  organismId: plan.organismId,
  targetedCriteria: [...plan.targetedCriteria],
  objectives: plan.objectives,
  plannedHours: String(plan.plannedHours),
  sessions: plan.sessions.map((s) => ({
    ...s,
    plannedHours: String(s.plannedHours),
    topic: s.topic ?? '',
  })),
});

const planInput = (v: PlanValues) => ({
  targetedCriteria: v.targetedCriteria,
  objectives: v.objectives,
  plannedHours: toNumber(v.plannedHours),
  sessions: v.sessions.map((s) => ({
    ...s,
    plannedHours: toNumber(s.plannedHours),
    topic: s.topic.trim() === '' ? null : s.topic,
  })),
});

const planLabels: Record<string, string> = {
  organismId: 'Organisme de formation',
  targetedCriteria: 'Critères visés',
  objectives: 'Objectifs pédagogiques',
  plannedHours: 'Heures de formation prévues',
  sessions: 'Séances',
  'sessions.*.date': 'Date de la séance',
  'sessions.*.plannedHours': 'Heures prévues de la séance',
  'sessions.*.topic': 'Thème de la séance',
};

export type { PlanValues, SessionValues };
export { newSession, planFrom, planInput, planLabels, toNumber };
