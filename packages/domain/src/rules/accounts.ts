/**
 * Accounts of staff and jury users: a login in the table and an account in the identity directory
 * (Cognito), made together or not at all.
 */
import { allow, refuse } from './verdict.ts';
import type { Refused, Verdict } from './verdict.ts';
import { ACCOUNT_RULE_CODES } from './ruleCodes.ts';
import type { AccountRuleCode } from './ruleCodes.ts';

/** The directory refused to create the account: what was written was withdrawn, the request can be sent again. */
const invitationNotSent = (): Refused<AccountRuleCode> =>
  refuse(
    'invitation_not_sent',
    "l'invitation n'a pas pu être envoyée (service de connexion indisponible) : rien n'a été enregistré, réessayez dans quelques instants",
  );

/**
 * An invitation whose email cannot be used. Within the caller's own network it says so (the
 * network's users are theirs to see); otherwise one generic answer, the same whether the address
 * has an account elsewhere on the platform or the directory refused it: a network admin never
 * learns who has an account in another network.
 */
const emailRefusal = ({ sameNetwork }: { sameNetwork: boolean }): Refused<AccountRuleCode> =>
  sameNetwork
    ? refuse(
        'email_in_network',
        'cette adresse e-mail est déjà celle d’un utilisateur de votre réseau',
        'email',
      )
    : refuse(
        'email_unavailable',
        'cette adresse e-mail ne peut pas recevoir d’invitation : vérifiez-la, ou demandez à la personne une autre adresse',
        'email',
      );

export type { AccountRuleCode };
/**
 * A network admin changing their own account keeps it enabled and keeps the admin role: a network
 * never loses its last way in by a slip of its own admin (another admin does it).
 */
const canChangeOwnAccount = (change: {
  self: boolean;
  status: string;
  roles: readonly string[];
}): Verdict<AccountRuleCode> =>
  change.self && (change.status === 'disabled' || !change.roles.includes('network_admin'))
    ? refuse('self_lockout', 'vous ne pouvez pas retirer vos propres droits d’administration')
    : allow();

export { ACCOUNT_RULE_CODES, canChangeOwnAccount, emailRefusal, invitationNotSent };
