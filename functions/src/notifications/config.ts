/**
 * What delivery needs from the environment, read when a run starts (modules import cleanly in
 * tests). In AWS: `NOTIFICATIONS_FROM` (a verified SES identity), `SES_CONFIGURATION_SET`,
 * `PUBLIC_WEB_URL`; locally the local mailbox is used and the addresses default to the dev ones.
 */
import type { RenderOptions } from '@socle/domain/notifications';

const renderOptionsFromEnv = (): Omit<RenderOptions, 'now'> => ({
  siteUrl: process.env.PUBLIC_WEB_URL ?? 'http://localhost:5173',
  juryOrganizer: {
    name: 'Secrétariat des jurys CléA',
    email:
      process.env.JURY_ORGANIZER_EMAIL ?? process.env.NOTIFICATIONS_FROM_ADDRESS ?? 'jurys@socle.localhost',
  },
});

/** `Socle <notifications@…>` as SES wants it. */
const fromAddressFromEnv = (): string => {
  const from = process.env.NOTIFICATIONS_FROM_ADDRESS;
  if (!from) throw new Error('NOTIFICATIONS_FROM_ADDRESS is not set');
  return `Socle <${from}>`;
};

export { fromAddressFromEnv, renderOptionsFromEnv };
