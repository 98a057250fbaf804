/**
 * The individual training plan (SPEC §3.3): built by a trainer of the network from the gaps, with
 * objectives, a calendar of sessions and planned hours; attendance and progress are recorded.
 */
import * as z from 'zod';
import { Id, IsoDate, IsoDateTime, RecordMeta, Text, Version } from './common.ts';

const PlannedSession = z.object({
  id: z.string().min(1).max(40),
  date: IsoDate,
  plannedHours: z.number().positive().max(12, { error: '12 heures au plus par séance' }),
  topic: z.string().trim().max(300).nullable().optional(),
  /** Recorded after the session. */
  attended: z.boolean().nullable().optional(),
  attendedHours: z.number().min(0).max(12).nullable().optional(),
  progressNote: z.string().trim().max(1000).nullable().optional(),
});

const PlanFields = z.object({
  targetedCriteria: z.array(z.string()).min(1, { error: 'au moins un critère visé' }).max(200),
  objectives: Text(2000),
  plannedHours: z.number().positive().max(1000, { error: '1 000 heures au plus' }),
  sessions: z.array(PlannedSession).max(300),
});

const sessionIdsUnique = (p: { sessions?: { id: string }[] }) =>
  !p.sessions || new Set(p.sessions.map((s) => s.id)).size === p.sessions.length;
const sessionIdsIssue = { error: 'identifiant de séance en double', path: ['sessions'] };

const TrainingPlanCreate = PlanFields.refine(sessionIdsUnique, sessionIdsIssue);
const TrainingPlanUpdate = PlanFields.partial()
  .extend({ version: Version })
  .refine(sessionIdsUnique, sessionIdsIssue);

const TrainingPlan = PlanFields.extend({
  id: Id,
  dossierId: Id,
  trainerId: Id,
  trainerName: z.string().optional(),
  organismId: Id,
  startedAt: IsoDateTime,
  ...RecordMeta.shape,
});
type TrainingPlan = z.infer<typeof TrainingPlan>;
type TrainingPlanCreate = z.infer<typeof TrainingPlanCreate>;
type TrainingPlanUpdate = z.infer<typeof TrainingPlanUpdate>;

/** Hours actually attended so far. */
const attendedHours = (plan: Pick<TrainingPlan, 'sessions'>) =>
  plan.sessions.reduce((sum, s) => sum + (s.attended ? (s.attendedHours ?? s.plannedHours) : 0), 0);

export { PlannedSession, TrainingPlan, TrainingPlanCreate, TrainingPlanUpdate, attendedHours };
