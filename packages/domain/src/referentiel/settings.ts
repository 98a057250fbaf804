/**
 * What the national admin sets on a draft version: per sub-domain thresholds (mastery rule) and the
 * time limits. Both are frozen with the version when it is published.
 */
import * as z from 'zod';
import type { ReferentielDocument } from './document.ts';

const SubdomainThreshold = z.object({
  minAcquired: z.number().int().min(0),
  mandatory: z.array(z.string()),
});
type SubdomainThreshold = z.infer<typeof SubdomainThreshold>;

const Thresholds = z.record(z.string(), SubdomainThreshold);
type Thresholds = z.infer<typeof Thresholds>;

const Limits = z.object({
  /** Preliminary evaluation: total of its sequences (SPEC: ≤ 7 h). */
  preliminaryMaxMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
  /** Final evaluation: total of its sequences (SPEC: ≤ 3 h). */
  finalMaxMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
  /** From the preliminary evaluation to the end of the final evaluation (SPEC: ≤ 5 years). */
  deadlineYears: z.number().int().min(1).max(10),
  /** How long before the deadline lists and dossiers start warning. */
  warningMonths: z.number().int().min(1).max(24),
});
type Limits = z.infer<typeof Limits>;

const DEFAULT_LIMITS: Limits = {
  preliminaryMaxMinutes: 7 * 60,
  finalMaxMinutes: 3 * 60,
  deadlineYears: 5,
  warningMonths: 6,
};

/** Default mastery rule: at least ceil(75 %) of the sub-domain's criteria, no mandatory criterion. */
const defaultThresholds = (doc: Pick<ReferentielDocument, 'domains'>): Thresholds =>
  Object.fromEntries(
    doc.domains.flatMap((d) =>
      d.subdomains.map((s) => [s.code, { minAcquired: Math.ceil(0.75 * s.criteria.length), mandatory: [] }]),
    ),
  );

/** Thresholds must name existing sub-domains and criteria of that sub-domain, and be reachable. */
const thresholdIssues = (doc: Pick<ReferentielDocument, 'domains'>, thresholds: Thresholds) => {
  const issues: { path: string; message: string }[] = [];
  const subdomains = new Map(doc.domains.flatMap((d) => d.subdomains.map((s) => [s.code, s] as const)));
  for (const [code, threshold] of Object.entries(thresholds)) {
    const sub = subdomains.get(code);
    if (!sub) {
      issues.push({ path: `thresholds.${code}`, message: 'sous-domaine inconnu' });
      continue;
    }
    if (threshold.minAcquired > sub.criteria.length) {
      issues.push({
        path: `thresholds.${code}.minAcquired`,
        message: `au plus ${sub.criteria.length} (nombre de critères du sous-domaine)`,
      });
    }
    const codes = new Set(sub.criteria.map((c) => c.code));
    threshold.mandatory.forEach((m, i) => {
      if (!codes.has(m))
        issues.push({
          path: `thresholds.${code}.mandatory.${i}`,
          message: `critère ${m} hors du sous-domaine`,
        });
    });
  }
  return issues;
};

export { DEFAULT_LIMITS, Limits, SubdomainThreshold, Thresholds, defaultThresholds, thresholdIssues };
