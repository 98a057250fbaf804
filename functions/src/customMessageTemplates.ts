/**
 * The French emails Cognito sends (invitation, password reset, verification codes), built by the
 * custom message trigger (lambdas/customMessage.ts). Pure: the trigger passes the event's
 * placeholders, which Cognito replaces after the trigger (the code, the user name).
 *
 * Cognito requires an invitation to contain the user name placeholder, but Socle's Cognito user
 * name is an opaque id (identityDirectory.ts) that people never use: they sign in with their email.
 * The placeholder is kept in an HTML comment (present for Cognito, invisible to the reader) and the
 * email is what the message shows.
 */

type CustomMessageSource =
  | 'CustomMessage_AdminCreateUser'
  | 'CustomMessage_ForgotPassword'
  | 'CustomMessage_ResendCode'
  | 'CustomMessage_SignUp'
  | 'CustomMessage_UpdateUserAttribute'
  | 'CustomMessage_VerifyUserAttribute'
  | 'CustomMessage_Authentication';

interface MessageInput {
  readonly triggerSource: string;
  /** Cognito's placeholder for the code or temporary password (`{####}`). */
  readonly codeParameter: string;
  /** Cognito's placeholder for the user name (`{username}`), invitations only. */
  readonly usernameParameter?: string | null;
  /** The user's attributes: `email`, `given_name`, `family_name`. */
  readonly userAttributes: Readonly<Record<string, string | undefined>>;
  /** The site's address, for the link of the invitation. @default - no link */
  readonly siteUrl?: string;
}

interface EmailMessage {
  readonly emailSubject: string;
  readonly emailMessage: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const greeting = (attributes: MessageInput['userAttributes']) => {
  const name = [attributes.given_name, attributes.family_name].filter(Boolean).join(' ').trim();
  return name ? `Bonjour ${escapeHtml(name)},` : 'Bonjour,';
};

const layout = (paragraphs: readonly string[]) =>
  `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e;line-height:1.5">${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join(
      '',
    )}<p>L'équipe Socle</p><p style="color:#666;font-size:.9em">Message automatique : merci de ne pas y répondre.</p></body></html>`;

/** The code as it must appear: exactly Cognito's placeholder, in bold. */
const code = (input: MessageInput) => `<strong>${input.codeParameter}</strong>`;

const invitation = (input: MessageInput): EmailMessage => {
  const email = escapeHtml(input.userAttributes.email ?? '');
  const link = input.siteUrl
    ? `Connectez-vous sur <a href="${escapeHtml(input.siteUrl)}">${escapeHtml(input.siteUrl)}</a>`
    : 'Connectez-vous sur Socle';
  return {
    emailSubject: 'Votre accès à Socle',
    emailMessage: `${layout([
      greeting(input.userAttributes),
      'Un compte Socle vient d’être créé pour vous.',
      `${link} avec votre adresse e-mail <strong>${email}</strong> et ce mot de passe provisoire : ${code(input)}`,
      'Il est valable 7 jours. Vous choisirez ensuite votre propre mot de passe.',
      'Si vous n’attendiez pas ce message, ignorez-le : aucun accès ne sera ouvert sans ce mot de passe.',
    ])}<!-- ${input.usernameParameter ?? ''} -->`,
  };
};

const passwordReset = (input: MessageInput): EmailMessage => ({
  emailSubject: 'Réinitialisation de votre mot de passe Socle',
  emailMessage: layout([
    greeting(input.userAttributes),
    `Vous avez demandé à réinitialiser votre mot de passe Socle. Votre code de vérification : ${code(input)}`,
    'Saisissez-le sur la page de réinitialisation, puis choisissez un nouveau mot de passe.',
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
  ]),
});

const verification = (input: MessageInput): EmailMessage => ({
  emailSubject: 'Votre code de vérification Socle',
  emailMessage: layout([greeting(input.userAttributes), `Votre code de vérification : ${code(input)}`]),
});

const signInCode = (input: MessageInput): EmailMessage => ({
  emailSubject: 'Votre code de connexion Socle',
  emailMessage: layout([
    greeting(input.userAttributes),
    `Votre code de connexion à Socle : ${code(input)}`,
    'Si vous n’êtes pas en train de vous connecter, changez votre mot de passe.',
  ]),
});

/** The French message for a Cognito event; undefined for an event Socle does not know (Cognito's own then). */
const customMessageOf = (input: MessageInput): EmailMessage | undefined => {
  switch (input.triggerSource as CustomMessageSource) {
    case 'CustomMessage_AdminCreateUser':
      return invitation(input);
    case 'CustomMessage_ForgotPassword':
      return passwordReset(input);
    case 'CustomMessage_ResendCode':
    case 'CustomMessage_SignUp':
    case 'CustomMessage_UpdateUserAttribute':
    case 'CustomMessage_VerifyUserAttribute':
      return verification(input);
    case 'CustomMessage_Authentication':
      return signInCode(input);
    default:
      return undefined;
  }
};

export type { CustomMessageSource, EmailMessage, MessageInput };
export { customMessageOf };
