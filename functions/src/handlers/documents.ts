/**
 * Documents (PDF). A Lambda of its own: pdf-lib, fontkit and the font stay out of the API bundles.
 */
import {
  getCertificateFor,
  getOrganism,
  getRestitution,
  getSession,
  getTenant,
  holderOf,
  listAgenda,
  listJuryMembers,
  recordPortfolioIssued,
  usageStatement,
} from '@socle/data';
import {
  minutesInputFrom,
  renderCertificatePdf,
  renderMinutesPdf,
  renderPortfolioPdf,
  renderUsageStatement,
} from '@socle/documents';
import { canIssueMinutes, canIssuePortfolio, enforce, foldForSearch, regionOf } from '@socle/domain';
import type { CriterionStatus } from '@socle/domain';
import { certificateCodeOf } from '../certificateCodeOf.ts';
import { routeOf } from '@socle/contract/routeOf/documents';
import { defineRoute } from '../http.ts';
import type { BinaryBody } from '../http.ts';
import { subjectAccessPdfHandlers } from './subjectAccessPdf.ts';
import { printingPdfHandlers } from './printingPdf.ts';

const statementPdf = async (tenantId: string, month: string, now: Date): Promise<BinaryBody> => {
  const statement = await usageStatement(tenantId, month, now);
  return { bytes: await renderUsageStatement(statement), fileName: `releve-${month}.pdf` };
};

const documentHandlers = {
  ...subjectAccessPdfHandlers,
  ...printingPdfHandlers,
  getOwnStatementPdf: defineRoute(routeOf('getOwnStatementPdf'), ({ params, actor }) =>
    statementPdf(actor.scope.tenantId, params.month, actor.clock.instant()),
  ),
  getNetworkStatementPdf: defineRoute(routeOf('getNetworkStatementPdf'), ({ params, actor }) =>
    statementPdf(params.tenantId, params.month, actor.clock.instant()),
  ),
  getCertificatePdf: defineRoute(
    routeOf('getCertificatePdf'),
    async ({ principal, params }): Promise<BinaryBody> => {
      const certificate = await getCertificateFor(principal, certificateCodeOf(params.code));
      const bytes = await renderCertificatePdf({
        code: certificate.code,
        certification: certificate.certification as 'clea' | 'clea-numerique',
        holder: holderOf(certificate),
        issuedOn: certificate.issuedOn,
        region: regionOf(certificate.region),
        status: certificate.status,
        revokedOn: certificate.revokedOn ?? null,
        // The QR code opens the public verification page of the web app.
        verifyBaseUrl: process.env.PUBLIC_WEB_URL ?? 'http://localhost:5173',
      });
      return { bytes, fileName: `certificat-${certificate.code}.pdf` };
    },
  ),
  getPortfolioPdf: defineRoute(routeOf('getPortfolioPdf'), async ({ actor, params }): Promise<BinaryBody> => {
    const restitution = await getRestitution(actor, params.dossierId);
    const { dossier, candidate, mastery, criteria, referentiel } = restitution;
    enforce(canIssuePortfolio(dossier));
    const [tenant, organism] = await Promise.all([
      getTenant(actor.scope.tenantId),
      getOrganism(actor.scope, dossier.organismId),
    ]);
    const bytes = await renderPortfolioPdf({
      certification: dossier.certification,
      referentiel: { version: referentiel.label, title: referentiel.title },
      candidate: { ...candidate, birthDate: dossier.candidate.birthDate },
      network: { name: tenant.name },
      organism: { name: organism.name, city: organism.city },
      evaluatedOn: dossier.lastEvaluatedOn as string, // enforced by canIssuePortfolio above
      issuedOn: actor.clock.now().slice(0, 10),
      mastery,
      criteria: Object.fromEntries(
        Object.entries(criteria).map(([code, c]) => [
          code,
          { text: c.text, status: c.status as CriterionStatus },
        ]),
      ),
    });
    // The first download of a portfolio is its issuance: audited and counted (SPEC §6).
    await recordPortfolioIssued(actor, dossier.id);
    return { bytes, fileName: `portefeuille-${foldForSearch(candidate.lastName).replace(/ /g, '-')}.pdf` };
  }),
  getJuryMinutesPdf: defineRoute(
    routeOf('getJuryMinutesPdf'),
    async ({ actor, principal, params }): Promise<BinaryBody> => {
      // Not found outside the caller's region, or for a member who does not sit on the session.
      const session = await getSession(principal, params.sessionId);
      enforce(canIssueMinutes(session));
      const [agenda, members] = await Promise.all([listAgenda(session.id), listJuryMembers(session.region)]);
      const bytes = await renderMinutesPdf(
        minutesInputFrom({ session, agenda, members, today: actor.clock.now().slice(0, 10) }),
      );
      return { bytes, fileName: `proces-verbal-${session.region}-${session.date}.pdf` };
    },
  ),
};

export { documentHandlers };
