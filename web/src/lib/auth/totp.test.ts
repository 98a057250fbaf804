import { describe, expect, it } from 'vitest';
import {
  CognitoError,
  cognitoRegionOf,
  cognitoRequest,
  groupedSecret,
  signInScope,
  totpErrorMessage,
  totpUri,
  withheldRolesOf,
} from './totp';

const jwtWith = (claims: Record<string, unknown>) =>
  `e30.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.sig`;

describe('Function: cognitoRegionOf', () => {
  it('reads the region of a Cognito issuer', () => {
    expect(cognitoRegionOf('https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbC123')).toBe('eu-west-3');
  });
  it('has none for the local dev issuer or a look-alike', () => {
    expect(cognitoRegionOf('http://localhost:3000/dev-auth')).toBeUndefined();
    expect(cognitoRegionOf('https://cognito-idp.eu-west-3.amazonaws.com.example.org/pool')).toBeUndefined();
  });
});

describe('Function: signInScope', () => {
  it('asks Cognito for its user scope, and the dev issuer for the OIDC scopes only', () => {
    expect(signInScope('https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbC123')).toBe(
      'openid email profile aws.cognito.signin.user.admin',
    );
    expect(signInScope('http://localhost:3000/dev-auth')).toBe('openid email profile');
  });
});

describe('Function: totpUri', () => {
  it('names the issuer and the account, as authenticator apps expect', () => {
    expect(totpUri({ secret: 'JBSWY3DPEHPK3PXP', account: 'admin@alpha.fr' })).toBe(
      'otpauth://totp/Socle:admin%40alpha.fr?secret=JBSWY3DPEHPK3PXP&issuer=Socle&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('Function: groupedSecret', () => {
  it('groups the secret by four characters', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });
});

describe('Function: withheldRolesOf', () => {
  it('reads the roles the token trigger withheld', () => {
    expect(withheldRolesOf(jwtWith({ roles: [], withheld_roles: ['network_admin'] }))).toEqual([
      'network_admin',
    ]);
  });
  it('has none without the claim, a token or a readable payload', () => {
    expect(withheldRolesOf(jwtWith({ roles: ['advisor'] }))).toEqual([]);
    expect(withheldRolesOf(undefined)).toEqual([]);
    expect(withheldRolesOf('not.a-jwt!')).toEqual([]);
  });
});

describe('Function: cognitoRequest', () => {
  it("calls the region's Cognito endpoint with the operation as target", () => {
    const { url, init } = cognitoRequest('eu-west-3', 'VerifySoftwareToken', {
      AccessToken: 't',
      UserCode: '123456',
    });
    expect(url).toBe('https://cognito-idp.eu-west-3.amazonaws.com/');
    expect(init.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.VerifySoftwareToken');
    expect(init.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(init.body)).toEqual({ AccessToken: 't', UserCode: '123456' });
  });
});

describe('Function: totpErrorMessage', () => {
  it('says in French that a code was refused', () => {
    expect(totpErrorMessage(new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch'))).toMatch(
      /^Code refusé/,
    );
  });
  it('has a French message for anything else', () => {
    expect(totpErrorMessage(new Error('network'))).toMatch(/n’a pas pu être configurée/);
  });
});
