/**
 * Accounts of staff and jury users: a login in the table and an account in the identity directory
 * (Cognito), made together or not at all.
 */
import { refuse } from './verdict.ts';
import type { Refused } from './verdict.ts';

const ACCOUNT_RULE_CODES = ['invitation_not_sent', 'email_in_network', 'email_unavailable'] as const;
type AccountRuleCode = (typeof ACCOUNT_RULE_CODES)[number];

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
export { ACCOUNT_RULE_CODES, emailRefusal, invitationNotSent };
