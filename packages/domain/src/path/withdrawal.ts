/**
 * Withdrawing a dossier (SPEC §3, `withdrawn`): the candidate stops. A dossier on a session's
 * agenda belongs to the jury until the secretary takes it off; one waiting in the region's
 * pipeline leaves it with the withdrawal (same transaction, in the data layer).
 */
import { WITHDRAWABLE } from '../dossierStateMachine.ts';
import type { DossierStatus } from '../dossierStateMachine.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

interface CanWithdrawOptions {
  status: DossierStatus;
  /** The session whose agenda holds the dossier, as its pipeline entry says (if any). */
  agendaSessionId?: string;
}

/**
 * Refuses a withdrawal while the dossier is on a jury agenda; other states the state machine does
 * not allow stay its `invalid_transition`.
 */
const canWithdraw = ({ status, agendaSessionId }: CanWithdrawOptions): Verdict<PathRuleCode> => {
  if (status === 'on_jury_agenda' || agendaSessionId !== undefined) {
    return refuse(
      'on_jury_agenda',
      "le dossier est inscrit à l'ordre du jour d'une session du jury : demandez au secrétariat du jury de le retirer de l'ordre du jour avant d'enregistrer l'abandon",
    );
  }
  return allow();
};

/** Whether the state machine lets a dossier in this state be withdrawn at all (for the UI). */
const isWithdrawable = (status: DossierStatus) => WITHDRAWABLE.includes(status);

export type { CanWithdrawOptions };
export { canWithdraw, isWithdrawable };
