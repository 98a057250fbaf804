/** Référentiel versions as the API stores and returns them (drafts are edited, published are frozen). */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { Limits, Thresholds } from '../referentiel/settings.ts';
import { Id, IsoDateTime, RecordMeta, Version } from './common.ts';

const ReferentielStatus = { DRAFT: 'draft', PUBLISHED: 'published' } as const;
type ReferentielStatus = (typeof ReferentielStatus)[keyof typeof ReferentielStatus];

const ReferentielSummary = z.object({
  id: Id,
  certification: z.enum(certifications),
  label: z.string(),
  title: z.string(),
  status: z.enum([ReferentielStatus.DRAFT, ReferentielStatus.PUBLISHED]),
  counts: z.object({ domains: z.number(), subdomains: z.number(), criteria: z.number() }),
  publishedAt: IsoDateTime.optional(),
  /** The version new dossiers of this certification are opened under. */
  current: z.boolean(),
  ...RecordMeta.shape,
});
type ReferentielSummary = z.infer<typeof ReferentielSummary>;

const CriterionOut = z.object({ code: z.string(), text: z.string() });
const ReferentielOut = ReferentielSummary.extend({
  domains: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      subdomains: z.array(z.object({ code: z.string(), title: z.string(), criteria: z.array(CriterionOut) })),
    }),
  ),
  thresholds: Thresholds,
  limits: Limits,
});
type ReferentielOut = z.infer<typeof ReferentielOut>;

/** The imported file is validated by the handler, which reports JSON paths (`domains[2].code`). */
const ReferentielImport = z.object({
  document: z.record(z.string(), z.unknown(), { error: 'le fichier doit contenir un objet JSON' }),
});

const ReferentielSettingsUpdate = z.object({
  version: Version,
  thresholds: Thresholds.optional(),
  limits: Limits.optional(),
});
type ReferentielSettingsUpdate = z.infer<typeof ReferentielSettingsUpdate>;

const ReferentielPublish = z.object({ version: Version });

export {
  ReferentielImport,
  ReferentielOut,
  ReferentielPublish,
  ReferentielSettingsUpdate,
  ReferentielStatus,
  ReferentielSummary,
};
