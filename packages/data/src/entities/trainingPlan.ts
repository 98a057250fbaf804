/**
 * An individual training plan (`T#<t>#D#<dossierId>` / `PLAN#<id>`), in its dossier's partition.
 * Keys: keys.ts (`trainingPlan`). Erasure scrubs a plan (no objectives, sessions without notes,
 * `erasedAt`): a scrubbed plan is never read back (its dossier answers 404).
 */
import { TrainingPlan } from '@socle/domain';
import * as z from 'zod';
import { itemReader } from './storedItem.ts';

const TrainingPlanItem = TrainingPlan.extend({ erasedAt: z.string().optional() });
type StoredTrainingPlan = z.output<typeof TrainingPlanItem>;

const trainingPlanFromItem = itemReader('training plan', TrainingPlanItem);

export type { StoredTrainingPlan };
export { TrainingPlanItem, trainingPlanFromItem };
