/**
 * A référentiel as data: domains → sub-domains → criteria. Versions are imported by the national
 * admin as JSON and validated here, with the JSON path of every problem, so a corrected référentiel
 * (the public sources disagree between 106 and 108 criteria) needs no code change.
 */
import * as z from 'zod';
import { certifications } from '../constants.ts';

const Code = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)*$/, { error: 'code attendu sous la forme 1, 1.2 ou 1.2.3' });

const Criterion = z.object({ code: Code, text: z.string().trim().min(1).max(500) });
const Subdomain = z.object({
  code: Code,
  title: z.string().trim().min(1).max(300),
  criteria: z.array(Criterion),
});
const Domain = z.object({
  code: Code,
  title: z.string().trim().min(1).max(300),
  subdomains: z.array(Subdomain),
});

/** Shape rules: unique codes, each code nested under its parent's, and CléA's official counts. */
const structureRules = (
  doc: { id: string; domains: z.infer<typeof Domain>[] },
  ctx: z.RefinementCtx,
  requireCriteria: boolean,
) => {
  const seen = new Set<string>();
  const unique = (code: string, path: PropertyKey[]) => {
    if (seen.has(code))
      ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `code ${code} en double` });
    seen.add(code);
  };
  doc.domains.forEach((domain, d) => {
    unique(domain.code, ['domains', d]);
    if (requireCriteria && domain.subdomains.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains', d, 'subdomains'],
        message: 'au moins un sous-domaine',
      });
    }
    domain.subdomains.forEach((sub, s) => {
      const subPath = ['domains', d, 'subdomains', s];
      unique(sub.code, subPath);
      if (!sub.code.startsWith(`${domain.code}.`)) {
        ctx.addIssue({
          code: 'custom',
          path: [...subPath, 'code'],
          message: `doit commencer par ${domain.code}.`,
        });
      }
      if (requireCriteria && sub.criteria.length === 0) {
        ctx.addIssue({ code: 'custom', path: [...subPath, 'criteria'], message: 'au moins un critère' });
      }
      sub.criteria.forEach((criterion, c) => {
        unique(criterion.code, [...subPath, 'criteria', c]);
        if (!criterion.code.startsWith(`${sub.code}.`)) {
          ctx.addIssue({
            code: 'custom',
            path: [...subPath, 'criteria', c, 'code'],
            message: `doit commencer par ${sub.code}.`,
          });
        }
      });
    });
  });
  if (doc.id === 'clea' && requireCriteria) {
    const subdomains = doc.domains.flatMap((d) => d.subdomains);
    const criteria = subdomains.flatMap((s) => s.criteria);
    if (doc.domains.length !== 7) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains'],
        message: `CléA compte 7 domaines (${doc.domains.length} reçus)`,
      });
    }
    if (subdomains.length !== 28) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains'],
        message: `CléA compte 28 sous-domaines (${subdomains.length} reçus)`,
      });
    }
    if (criteria.length < 106) {
      ctx.addIssue({
        code: 'custom',
        path: ['domains'],
        message: `CléA compte au moins 106 critères (${criteria.length} reçus)`,
      });
    }
  }
};

const documentFields = {
  id: z.enum(certifications, { error: 'certification inconnue (clea ou clea-numerique)' }),
  version: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  domains: z.array(Domain).min(1, { error: 'au moins un domaine' }),
};

/** A référentiel ready for evaluations: every domain has sub-domains and every sub-domain criteria. */
const ReferentielDocument = z
  .object(documentFields)
  .superRefine((doc, ctx) => structureRules(doc, ctx, true));

/** A draft may lack criteria (CléA numérique ships with its 4 competence titles only). */
const ReferentielDraftDocument = z
  .object(documentFields)
  .superRefine((doc, ctx) => structureRules(doc, ctx, false));

type ReferentielDocument = z.infer<typeof ReferentielDocument>;
type ReferentielDomain = z.infer<typeof Domain>;
type ReferentielSubdomain = z.infer<typeof Subdomain>;
type ReferentielCriterion = z.infer<typeof Criterion>;

/** `domains[2].subdomains[0].criteria[3].code`: the path a person finds in their JSON file. */
const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );

const allCriteria = (doc: Pick<ReferentielDocument, 'domains'>): ReferentielCriterion[] =>
  doc.domains.flatMap((d) => d.subdomains.flatMap((s) => s.criteria));

export type { ReferentielCriterion, ReferentielDomain, ReferentielSubdomain };
export { ReferentielDocument, ReferentielDraftDocument, allCriteria, jsonPath };
