/**
 * The rules of the outbox (SPEC §5b): one closed list of codes, which the API sends with a refusal
 * and the web maps to its own French text (web/src/lib/api/ruleMessages.ts).
 */
const NOTIFICATION_RULE_CODES = [
  'message_already_queued',
  'message_delivered',
  'message_closed',
  'message_claimed',
  'recipient_suppressed',
] as const;
type NotificationRuleCode = (typeof NOTIFICATION_RULE_CODES)[number];

export type { NotificationRuleCode };
export { NOTIFICATION_RULE_CODES };
