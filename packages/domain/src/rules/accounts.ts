/**
 * Accounts of staff and jury users: a login in the table and an account in the identity directory
 * (Cognito), made together or not at all.
 */
import { refuse } from './verdict.ts';
import type { Refused } from './verdict.ts';

const ACCOUNT_RULE_CODES = ['invitation_not_sent'] as const;
type AccountRuleCode = (typeof ACCOUNT_RULE_CODES)[number];

/** The directory refused to create the account: what was written was withdrawn, the request can be sent again. */
const invitationNotSent = (): Refused<AccountRuleCode> =>
  refuse(
    'invitation_not_sent',
    "l'invitation n'a pas pu être envoyée (service de connexion indisponible) : rien n'a été enregistré, réessayez dans quelques instants",
  );

export type { AccountRuleCode };
export { ACCOUNT_RULE_CODES, invitationNotSent };
