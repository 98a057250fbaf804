export type { DeliveryOptions, DeliveryReport } from './delivery.ts';
export { deliverPendingMessages } from './delivery.ts';
export type { EmailSender, OutgoingEmail } from './emailSender.ts';
export { fromAddressFromEnv, renderOptionsFromEnv } from './config.ts';
export { localSender } from './localSender.ts';
export type { SesEventReport } from './sesEvents.ts';
export { recordSesEvent } from './sesEvents.ts';
export type { SesSenderOptions } from './sesSender.ts';
export { sendEmailInput, sesSender } from './sesSender.ts';
