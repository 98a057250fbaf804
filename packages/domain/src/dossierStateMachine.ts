/**
 * The dossier state machine (SPEC §3). One table of allowed transitions; every state change
 * on the server goes through `nextStatus`, so an illegal move can never be written.
 */
import { InvalidTransitionError } from './errors.ts';

const DossierStatus = {
  OPENED: 'opened',
  PRELIMINARY_EVALUATION: 'preliminary_evaluation',
  ELIGIBLE: 'eligible',
  IN_TRAINING: 'in_training',
  FINAL_EVALUATION: 'final_evaluation',
  ON_JURY_AGENDA: 'on_jury_agenda',
  CERTIFIED: 'certified',
  ADJOURNED: 'adjourned',
  EXPIRED: 'expired',
  WITHDRAWN: 'withdrawn',
} as const;
type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];
const dossierStatuses = Object.values(DossierStatus) as [DossierStatus, ...DossierStatus[]];

const DossierAction = {
  START_PRELIMINARY: 'start_preliminary',
  COMPLETE_PRELIMINARY: 'complete_preliminary',
  START_FINAL: 'start_final',
  COMPLETE_FINAL: 'complete_final',
  RESUME_TRAINING: 'resume_training',
  ADD_TO_AGENDA: 'add_to_agenda',
  REMOVE_FROM_AGENDA: 'remove_from_agenda',
  CERTIFY: 'certify',
  ADJOURN: 'adjourn',
  EXPIRE: 'expire',
  RESTART: 'restart',
  WITHDRAW: 'withdraw',
  REOPEN: 'reopen',
} as const;
type DossierAction = (typeof DossierAction)[keyof typeof DossierAction];

const S = DossierStatus;
const A = DossierAction;

/** States a candidate can withdraw from; `reopen` returns to the state held before withdrawal. */
const WITHDRAWABLE: readonly DossierStatus[] = [
  S.OPENED,
  S.PRELIMINARY_EVALUATION,
  S.ELIGIBLE,
  S.IN_TRAINING,
  S.FINAL_EVALUATION,
  S.ADJOURNED,
];

/** States in which the 5-year deadline (from the preliminary evaluation) still has to be met. */
const EXPIRABLE: readonly DossierStatus[] = [S.IN_TRAINING, S.FINAL_EVALUATION, S.ADJOURNED];

interface Transition {
  action: DossierAction;
  from: DossierStatus;
  to: DossierStatus;
}

const transitions: readonly Transition[] = [
  { action: A.START_PRELIMINARY, from: S.OPENED, to: S.PRELIMINARY_EVALUATION },
  { action: A.COMPLETE_PRELIMINARY, from: S.PRELIMINARY_EVALUATION, to: S.ELIGIBLE },
  { action: A.COMPLETE_PRELIMINARY, from: S.PRELIMINARY_EVALUATION, to: S.IN_TRAINING },
  { action: A.START_FINAL, from: S.IN_TRAINING, to: S.FINAL_EVALUATION },
  { action: A.COMPLETE_FINAL, from: S.FINAL_EVALUATION, to: S.ELIGIBLE },
  { action: A.COMPLETE_FINAL, from: S.FINAL_EVALUATION, to: S.IN_TRAINING },
  { action: A.ADD_TO_AGENDA, from: S.ELIGIBLE, to: S.ON_JURY_AGENDA },
  { action: A.ADD_TO_AGENDA, from: S.ADJOURNED, to: S.ON_JURY_AGENDA },
  { action: A.REMOVE_FROM_AGENDA, from: S.ON_JURY_AGENDA, to: S.ELIGIBLE },
  { action: A.CERTIFY, from: S.ON_JURY_AGENDA, to: S.CERTIFIED },
  { action: A.ADJOURN, from: S.ON_JURY_AGENDA, to: S.ADJOURNED },
  { action: A.RESUME_TRAINING, from: S.ADJOURNED, to: S.IN_TRAINING },
  ...EXPIRABLE.map((from) => ({ action: A.EXPIRE, from, to: S.EXPIRED })),
  { action: A.RESTART, from: S.EXPIRED, to: S.PRELIMINARY_EVALUATION },
  ...WITHDRAWABLE.map((from) => ({ action: A.WITHDRAW, from, to: S.WITHDRAWN })),
  ...WITHDRAWABLE.map((to) => ({ action: A.REOPEN, from: S.WITHDRAWN, to })),
];

interface NextStatusOptions {
  current: DossierStatus;
  action: DossierAction;
  /** Required when the action has several possible targets (an outcome, or the state to reopen to). */
  target?: DossierStatus;
}

/** Targets an action may lead to from a state; empty when the action is not allowed there. */
const allowedTargets = (current: DossierStatus, action: DossierAction): DossierStatus[] =>
  transitions.filter((t) => t.from === current && t.action === action).map((t) => t.to);

/**
 * Returns the status a dossier moves to, or throws `InvalidTransitionError` naming the current state.
 * @example nextStatus({ current: 'opened', action: 'start_preliminary' }) // 'preliminary_evaluation'
 */
const nextStatus = ({ current, action, target }: NextStatusOptions): DossierStatus => {
  const targets = allowedTargets(current, action);
  const chosen = target ?? (targets.length === 1 ? targets[0] : undefined);
  if (chosen === undefined || !targets.includes(chosen)) {
    throw new InvalidTransitionError(current, action);
  }
  return chosen;
};

/** Actions available from a state (used by the UI to show only the buttons that will work). */
const availableActions = (current: DossierStatus): DossierAction[] => [
  ...new Set(transitions.filter((t) => t.from === current).map((t) => t.action)),
];

export type { NextStatusOptions, Transition };
export {
  DossierAction,
  DossierStatus,
  EXPIRABLE,
  WITHDRAWABLE,
  allowedTargets,
  availableActions,
  dossierStatuses,
  nextStatus,
  transitions,
};
