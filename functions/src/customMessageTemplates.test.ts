import { describe, expect, it } from 'vitest';
import { customMessageOf } from './customMessageTemplates.ts';
import type { MessageInput } from './customMessageTemplates.ts';

const OPAQUE_ID = '01JDEMOUSER0000000000000000';

const input = (triggerSource: string, extra: Partial<MessageInput> = {}): MessageInput => ({
  triggerSource,
  codeParameter: '{####}',
  usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
  userAttributes: {
    email: 'claire.martin@reseau-a.fr',
    given_name: 'Claire',
    family_name: 'Martin',
    sub: 'b1c2',
  },
  ...extra,
});

/** What a mail client shows: the text, without tags and comments. */
const visibleText = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('Function: customMessageOf', () => {
  describe('invitation (CustomMessage_AdminCreateUser)', () => {
    it('is in French, greets the person, shows the email as the sign-in and the temporary password', () => {
      const message = customMessageOf(
        input('CustomMessage_AdminCreateUser', { siteUrl: 'https://socle.example.fr' }),
      );
      expect(message?.emailSubject).toBe('Votre accès à Socle');
      const text = visibleText(message?.emailMessage ?? '');
      expect(text).toContain('Bonjour Claire Martin,');
      expect(text).toContain('claire.martin@reseau-a.fr');
      expect(text).toContain('mot de passe provisoire : {####}');
      expect(message?.emailMessage).toContain('href="https://socle.example.fr"');
    });

    it('keeps both placeholders Cognito requires, the user name out of sight', () => {
      const message = customMessageOf(input('CustomMessage_AdminCreateUser'));
      expect(message?.emailMessage).toContain('{####}');
      expect(message?.emailMessage).toContain('{username}');
      expect(visibleText(message?.emailMessage ?? '')).not.toContain('{username}');
    });

    it('never shows an opaque id, even where Cognito would put one', () => {
      const message = customMessageOf(
        input('CustomMessage_AdminCreateUser', { usernameParameter: OPAQUE_ID }),
      );
      expect(visibleText(message?.emailMessage ?? '')).not.toContain(OPAQUE_ID);
      expect(visibleText(message?.emailMessage ?? '')).not.toMatch(/\b[0-9A-Z]{26}\b/);
    });

    it('escapes what comes from the attributes', () => {
      const message = customMessageOf(
        input('CustomMessage_AdminCreateUser', {
          userAttributes: { email: 'a@b.fr', given_name: '<script>x</script>', family_name: "O'Neil" },
        }),
      );
      expect(message?.emailMessage).not.toContain('<script>');
      expect(message?.emailMessage).toContain('&lt;script&gt;');
    });

    it('greets without a name when there is none, and without a link when the site is unknown', () => {
      const message = customMessageOf(
        input('CustomMessage_AdminCreateUser', { userAttributes: { email: 'a@b.fr' } }),
      );
      expect(visibleText(message?.emailMessage ?? '')).toContain('Bonjour,');
      expect(message?.emailMessage).not.toContain('href=');
      expect(visibleText(message?.emailMessage ?? '')).toContain(
        'Connectez-vous sur Socle avec votre adresse e-mail a@b.fr',
      );
    });
  });

  it('password reset (CustomMessage_ForgotPassword): French, with the code placeholder', () => {
    const message = customMessageOf(input('CustomMessage_ForgotPassword'));
    expect(message?.emailSubject).toBe('Réinitialisation de votre mot de passe Socle');
    const text = visibleText(message?.emailMessage ?? '');
    expect(text).toContain('Votre code de vérification : {####}');
    expect(text).toContain('votre mot de passe reste inchangé');
  });

  it.each([
    'CustomMessage_ResendCode',
    'CustomMessage_SignUp',
    'CustomMessage_UpdateUserAttribute',
    'CustomMessage_VerifyUserAttribute',
  ])('verification codes (%s): French, with the code placeholder', (source) => {
    const message = customMessageOf(input(source));
    expect(message?.emailSubject).toBe('Votre code de vérification Socle');
    expect(visibleText(message?.emailMessage ?? '')).toContain('{####}');
  });

  it('sign-in code (CustomMessage_Authentication): French, with the code placeholder', () => {
    const message = customMessageOf(input('CustomMessage_Authentication'));
    expect(message?.emailSubject).toBe('Votre code de connexion Socle');
    expect(message?.emailMessage).toContain('{####}');
  });

  it('leaves an unknown event to Cognito', () => {
    expect(customMessageOf(input('CustomMessage_Something'))).toBeUndefined();
  });

  it.each([
    'CustomMessage_AdminCreateUser',
    'CustomMessage_ForgotPassword',
    'CustomMessage_VerifyUserAttribute',
    'CustomMessage_Authentication',
  ])("%s stays under Cognito's 20,000 characters and has no English word of Cognito's defaults", (source) => {
    const message = customMessageOf(input(source));
    expect(message?.emailMessage.length).toBeLessThan(20_000);
    expect(visibleText(message?.emailMessage ?? '')).not.toMatch(
      /\b(Your|password is|username is|verification code is)\b/i,
    );
  });
});
