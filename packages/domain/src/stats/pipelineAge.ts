/** The jury secretary's view of the pipeline: how long presented dossiers have been waiting. */

const pipelineAgeBuckets = [
  { key: 'under_1_month', label: 'moins d’un mois', maxDays: 30 },
  { key: '1_to_2_months', label: '1 à 2 mois', maxDays: 61 },
  { key: '2_to_3_months', label: '2 à 3 mois', maxDays: 92 },
  { key: 'over_3_months', label: 'plus de 3 mois', maxDays: Number.POSITIVE_INFINITY },
] as const;
type PipelineAgeBucket = (typeof pipelineAgeBuckets)[number]['key'];

const DAY_MS = 86_400_000;

/** Whole days a dossier has waited since it was presented. */
const waitingDays = (submittedAt: string, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(submittedAt)) / DAY_MS));

/** Counts waiting dossiers per age bucket (every bucket listed, oldest last). */
const pipelineByAge = (entries: readonly { submittedAt: string }[], now: Date) =>
  pipelineAgeBuckets.map((bucket, index) => {
    const lower = index === 0 ? -1 : (pipelineAgeBuckets[index - 1]?.maxDays ?? -1);
    const count = entries.filter((e) => {
      const days = waitingDays(e.submittedAt, now);
      return days > lower && days <= bucket.maxDays;
    }).length;
    return { key: bucket.key, label: bucket.label, count };
  });

export type { PipelineAgeBucket };
export { pipelineAgeBuckets, pipelineByAge, waitingDays };
