/**
 * Documents (PDF). A Lambda of its own: pdf-lib, fontkit and the font stay out of the API bundles.
 */
import { getOrganism, getRestitution, getTenant } from '@socle/data';
import { renderPortfolioPdf } from '@socle/documents';
import { RuleViolationError, foldForSearch, organismRestriction, todayIso } from '@socle/domain';
import type { CriterionStatus } from '@socle/domain';
import { routeOf } from '../dispatcher.ts';
import { defineRoute } from '../http.ts';
import type { BinaryBody } from '../http.ts';

const documentHandlers = {
  getPortfolioPdf: defineRoute(
    routeOf('getPortfolioPdf'),
    async ({ scope, principal, params }): Promise<BinaryBody> => {
      const restitution = await getRestitution(scope, params.dossierId, organismRestriction(principal));
      const { dossier, candidate, mastery, criteria, referentiel } = restitution;
      if (!dossier.lastEvaluatedOn) {
        throw new RuleViolationError(
          'not_evaluated',
          "le portefeuille suit une évaluation validée : aucune n'a encore eu lieu",
        );
      }
      const [tenant, organism] = await Promise.all([
        getTenant(scope.tenantId),
        getOrganism(scope, dossier.organismId),
      ]);
      const bytes = await renderPortfolioPdf({
        certification: dossier.certification,
        referentiel: { version: referentiel.label, title: referentiel.title },
        candidate: { ...candidate, birthDate: dossier.candidate.birthDate },
        network: { name: tenant.name },
        organism: { name: organism.name, city: organism.city },
        evaluatedOn: dossier.lastEvaluatedOn,
        issuedOn: todayIso(),
        mastery,
        criteria: Object.fromEntries(
          Object.entries(criteria).map(([code, c]) => [
            code,
            { text: c.text, status: c.status as CriterionStatus },
          ]),
        ),
      });
      return { bytes, fileName: `portefeuille-${foldForSearch(candidate.lastName).replace(/ /g, '-')}.pdf` };
    },
  ),
};

export { documentHandlers };
