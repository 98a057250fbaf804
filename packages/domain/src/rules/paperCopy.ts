/**
 * A paper copy's journey (SPEC §5): the network requests it, the national body prints it, then sends
 * it. "Printed" can be undone (a misprint, a jammed sheet) until the copy is sent: it goes back to
 * requested, audited. A new request is possible once the previous copy was sent (a lost letter).
 */
import { allow, refuse } from './verdict.ts';
import type { Refused, Verdict } from './verdict.ts';
import { PAPER_COPY_RULE_CODES } from './ruleCodes.ts';
import type { PaperCopyRuleCode } from './ruleCodes.ts';
import { ofName } from '../labels.ts';

type PaperCopyState = 'requested' | 'printed' | 'sent';
type PaperCopyAction = 'request' | 'print' | 'unprint' | 'send';

const stateLabels: Record<PaperCopyState, string> = {
  requested: 'à imprimer',
  printed: 'imprimé',
  sent: 'envoyé',
};

/** Where each action starts from, and where it leads. */
const moves: Record<PaperCopyAction, { from: readonly (PaperCopyState | undefined)[]; to: PaperCopyState }> =
  {
    request: { from: [undefined, 'sent'], to: 'requested' },
    print: { from: ['requested'], to: 'printed' },
    unprint: { from: ['printed'], to: 'requested' },
    send: { from: ['printed'], to: 'sent' },
  };

const actionLabels: Record<PaperCopyAction, string> = {
  request: 'demander',
  print: 'marquer comme imprimé',
  unprint: "annuler l'impression",
  send: 'marquer comme envoyé',
};

/** Written at write time: a copy is already on its way (the request raced another). */
const paperCopyPending: Refused<PaperCopyRuleCode> = refuse(
  'paper_copy_pending',
  'un exemplaire papier est déjà en cours pour ce certificat',
);
/** Written at write time: the copy moved on between the read and the write. */
const paperCopyChanged: Refused<PaperCopyRuleCode> = refuse(
  'paper_copy_state',
  'exemplaire papier modifié entre-temps : rechargez',
);

/** The state an action leads to. */
const paperCopyTarget = (action: PaperCopyAction): PaperCopyState => moves[action].to;

/** May `action` apply to a copy in state `from` (undefined: no copy yet)? */
const paperCopyTransition = (
  from: PaperCopyState | undefined,
  action: PaperCopyAction,
): Verdict<PaperCopyRuleCode> => {
  if (moves[action].from.includes(from)) return allow();
  if (action === 'request') return paperCopyPending;
  if (action === 'unprint' && from === 'sent')
    return refuse(
      'paper_copy_state',
      "l'exemplaire est déjà envoyé : l'impression ne peut plus être annulée",
    );
  return refuse(
    'paper_copy_state',
    from
      ? `exemplaire papier ${stateLabels[from]} : impossible ${ofName(actionLabels[action])}`
      : `aucun exemplaire papier demandé : impossible ${ofName(actionLabels[action])}`,
  );
};

export type { PaperCopyAction, PaperCopyRuleCode, PaperCopyState };
export { PAPER_COPY_RULE_CODES, paperCopyChanged, paperCopyPending, paperCopyTarget, paperCopyTransition };
