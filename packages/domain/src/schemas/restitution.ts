/** What the restitution shows: the grid domain by domain, the latest status of each criterion. */
import * as z from 'zod';
import { Dossier } from './dossier.ts';
import { Evaluation } from './evaluation.ts';

const MasteryOut = z.object({
  complete: z.boolean(),
  acquiredCriteria: z.array(z.string()),
  gaps: z.array(z.string()),
  domains: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      mastered: z.boolean(),
      masteredSubdomains: z.number(),
      subdomains: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          acquired: z.number(),
          total: z.number(),
          minAcquired: z.number(),
          missingMandatory: z.array(z.string()),
          mastered: z.boolean(),
        }),
      ),
    }),
  ),
});

const Restitution = z.object({
  dossier: Dossier,
  candidate: z.object({ firstName: z.string(), lastName: z.string() }),
  referentiel: z.object({ id: z.string(), label: z.string(), title: z.string() }),
  mastery: MasteryOut,
  /** Criterion code → latest status and note, over all submitted evaluations. */
  criteria: z.record(
    z.string(),
    z.object({ text: z.string(), status: z.string(), note: z.string().nullable().optional() }),
  ),
  evaluations: z.array(
    Evaluation.pick({ id: true, kind: true, submittedAt: true, sequences: true, evaluatorName: true }),
  ),
});

type Restitution = z.infer<typeof Restitution>;
type MasteryOut = z.infer<typeof MasteryOut>;

export { MasteryOut, Restitution };
