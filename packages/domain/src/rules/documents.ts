/**
 * Documents produced from the record (SPEC §5): a skills portfolio follows a validated evaluation,
 * a jury's minutes a closed session.
 */
import { allow, refuse } from './verdict.ts';
import type { Verdict } from './verdict.ts';
import type { DocumentRuleCode } from './ruleCodes.ts';

const canIssuePortfolio = (dossier: { lastEvaluatedOn?: string | null }): Verdict<DocumentRuleCode> =>
  dossier.lastEvaluatedOn
    ? allow()
    : refuse('not_evaluated', "le portefeuille suit une évaluation validée : aucune n'a encore eu lieu");

const canIssueMinutes = (session: { status: string }): Verdict<DocumentRuleCode> =>
  session.status === 'closed'
    ? allow()
    : refuse('session_not_closed', 'le procès-verbal est disponible une fois la session close');

export { canIssueMinutes, canIssuePortfolio };
