/**
 * An evaluation (`T#<t>#D#<dossierId>` / `EVAL#<id>`), in its dossier's partition: started,
 * autosaved and submitted by an accredited evaluator. Keys: keys.ts (`evaluation`).
 */
import { Evaluation } from '@socle/domain';
import * as z from 'zod';
import { itemReader } from './storedItem.ts';

/** Erasure keeps each criterion's status only and dates it (`erasedAt`). */
const EvaluationItem = Evaluation.extend({ erasedAt: z.string().optional() });
type StoredEvaluation = z.output<typeof EvaluationItem>;

const evaluationFromItem = itemReader('evaluation', EvaluationItem);

export type { StoredEvaluation };
export { EvaluationItem, evaluationFromItem };
