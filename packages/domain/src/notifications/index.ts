export type { IcsPerson, JuryEventOptions } from './ics.ts';
export { IcsMethod, escapeText, foldLine, juryEventIcs, sessionUid } from './ics.ts';
export { frenchDate, frenchDay, frenchTime } from './format.ts';
export {
  MessageContent,
  NotificationTemplate,
  Recipient,
  RecipientKind,
  SessionSlot,
  recipientKindOf,
  recipientKinds,
} from './messages.ts';
export type { DeliveryState, NotificationRuleCode, ReminderOptions, ReminderThreshold } from './rules.ts';
export {
  DEADLINE_REMINDER_MONTHS,
  DELIVERY_LIMITS,
  MessageStatus,
  NOTIFICATION_RULE_CODES,
  REMINDER_GRACE_DAYS,
  checkDelivery,
  dueDeadlineReminder,
  messageAlreadyQueued,
  reminderWindow,
  staleClaimBefore,
} from './rules.ts';
export type { EmailAttachment, RenderOptions, RenderedEmail } from './templates.ts';
export { renderMessage } from './templates.ts';
