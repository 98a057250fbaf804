import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_KEYS_PLACEHOLDER } from '../lib/StatefulStack.ts';
import type { StatefulStack } from '../lib/StatefulStack.ts';
import { emailConfigOf } from '../bin/stages.ts';
import { logicalId, socleApp } from './fixtures.ts';

describe('Class: StatefulStack', () => {
  let stack: StatefulStack;
  let template: Template;

  beforeAll(() => {
    stack = socleApp({ stage: 'prod' }).stateful;
    template = Template.fromStack(stack);
  });

  describe('Table', () => {
    it('keeps its logical ID (a new ID is a new, empty table)', () => {
      expect(logicalId(stack.table)).toBe('TableCD117FA1');
    });

    it('is retained in prod', () => {
      expect(template).toHaveResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    });
  });

  describe('User pool', () => {
    it('keeps its logical ID (a new ID is a new pool without users)', () => {
      expect(logicalId(stack.userPool)).toBe('UserPool6BA7E5F2');
    });

    it('disables self sign-up', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      });
    });

    it('signs in with the email as an alias of the Socle user id', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        AliasAttributes: ['email'],
        UsernameAttributes: Match.absent(),
        UsernameConfiguration: { CaseSensitive: false },
      });
    });

    it('offers optional TOTP MFA only', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      });
    });

    it('requires strong passwords', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      });
    });

    it('is on the Plus plan with threat protection enforced in prod', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
    });

    it('calls the pre-token-generation trigger with the V2_0 event', () => {
      const functionId = logicalId(stack.node.findChild('PreTokenGeneration'));
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: {
          PreTokenGenerationConfig: {
            LambdaArn: { 'Fn::GetAtt': [functionId, 'Arn'] },
            LambdaVersion: 'V2_0',
          },
        },
      });
    });

    it('has a hosted domain with the stage prefix and the account id (prefixes are unique across AWS)', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: { 'Fn::Join': ['', ['socle-', { Ref: 'AWS::AccountId' }]] },
      });
    });

    it('calls the custom message trigger for its emails', () => {
      const functionId = logicalId(stack.node.findChild('CustomMessage'));
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: Match.objectLike({ CustomMessage: { 'Fn::GetAtt': [functionId, 'Arn'] } }),
      });
      expect(template).toHaveResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId(stack.userPool), 'Arn'] },
      });
    });

    it("sends with Cognito's own sender until the stage says its SES domain is verified", () => {
      const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0];
      expect(pool?.Properties.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT').toBe(
        'COGNITO_DEFAULT',
      );
    });

    it('is protected against deletion in prod', () => {
      expect(template).toHaveResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      });
    });
  });

  describe('Pre-token-generation function', () => {
    it('may only GetItem login items', () => {
      const roleId = logicalId(stack.node.findChild('PreTokenGenerationRole'));
      const policies = template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: roleId }] },
      });
      const dynamoStatements = Object.values(policies)
        .flatMap(
          (policy) =>
            policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Effect: string }[],
        )
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:')))
        .filter((statement) => statement.Effect === 'Allow');
      expect(dynamoStatements).toEqual([
        {
          Action: 'dynamodb:GetItem',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] },
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LOGIN#*'] } },
        },
      ]);
    });

    it('may read users of its own pool (their MFA methods), nothing else of Cognito', () => {
      const roleId = logicalId(stack.node.findChild('PreTokenGenerationRole'));
      const cognito = Object.values(
        template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
      )
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')));
      expect(cognito).toEqual([
        {
          Action: 'cognito-idp:AdminGetUser',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [logicalId(stack.userPool), 'Arn'] },
        },
      ]);
    });

    it('may never change nor delete an audit event, nor write with PartiQL', () => {
      const roleId = logicalId(stack.node.findChild('PreTokenGenerationRole'));
      const statements = Object.values(
        template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
      ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Effect: string }[]);
      expect(statements.filter((statement) => statement.Effect === 'Deny')).toEqual([
        expect.objectContaining({
          Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
          Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        }),
        expect.objectContaining({
          Action: ['dynamodb:PartiQLDelete', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
        }),
      ]);
    });

    it('gets the table name', () => {
      expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ TABLE_NAME: { Ref: logicalId(stack.table) } }) },
      });
    });
  });

  describe('Email (Amazon SES)', () => {
    it("verifies the stage's domain with Easy DKIM, sending through the configuration set", () => {
      expect(template).toHaveResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'socle.certifpro.fr',
        DkimAttributes: { SigningEnabled: true },
        ConfigurationSetAttributes: {
          ConfigurationSetName: { Ref: logicalId(stack.email.configurationSet) },
        },
      });
    });

    it('suppresses addresses that bounce or complain, requires TLS, keeps reputation metrics', () => {
      expect(template).toHaveResourceProperties('AWS::SES::ConfigurationSet', {
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
        ReputationOptions: { ReputationMetricsEnabled: true },
        SendingOptions: { SendingEnabled: true },
      });
    });

    it("outputs the three DKIM records to create in the domain's DNS", () => {
      const outputs = Object.keys(template.findOutputs('*')).filter((name) => name.includes('DkimRecord'));
      expect(outputs).toHaveLength(3);
    });
  });

  describe('Custom message function', () => {
    it('has no grant beyond its logs and traces (least privilege: it reads and writes nothing)', () => {
      const roleId = logicalId(stack.node.findChild('CustomMessageRole'));
      const actions = Object.values(
        template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
      )
        .flatMap(
          (policy) =>
            policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[] }[],
        )
        .filter((statement) => statement.Effect === 'Allow')
        .flatMap((statement) => [statement.Action].flat());
      expect(actions.filter((action) => !/^(logs|xray):/.test(action))).toEqual([]);
      const fn = template.toJSON().Resources[logicalId(stack.node.findChild('CustomMessage'))];
      expect(Object.keys(fn.Properties.Environment.Variables).filter((v) => /TABLE|SECRET/.test(v))).toEqual(
        [],
      );
    });
  });

  describe('Credential signing keys', () => {
    it('are kept here, retained, created with the valid JSON placeholder the functions report as not configured', () => {
      // Prepare
      const secrets = template.findResources('AWS::SecretsManager::Secret');
      const keys = secrets[logicalId(stack.credentialKeys)];
      // Assess: JSON (the functions parse it), never a generated password string.
      expect(keys).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      expect(keys?.Properties.GenerateSecretString).toBeUndefined();
      expect(JSON.parse(keys?.Properties.SecretString)).toEqual({ status: 'not_configured' });
      expect(CREDENTIAL_KEYS_PLACEHOLDER).toBe('{"status":"not_configured"}');
    });

    it('keep their logical ID (a new ID is a new, empty secret: credentials issued no longer verify)', () => {
      expect(logicalId(stack.credentialKeys)).toMatch(/^CredentialSigningKeys[0-9A-F]{8}$/);
    });

    it('are retained in dev too', () => {
      const dev = Template.fromStack(socleApp({ stage: 'dev' }).stateful);
      expect(dev).toHaveResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    });

    it('give the operator their ARN', () => {
      expect(template).toHaveOutput('CredentialSigningKeysArn', {
        Value: { Ref: logicalId(stack.credentialKeys) },
      });
    });
  });

  describe('Outputs', () => {
    it('exposes the user pool id', () => {
      expect(template).toHaveOutput('UserPoolId', { Value: { Ref: logicalId(stack.userPool) } });
    });
  });
});

describe('Class: StatefulStack (Cognito sending through SES)', () => {
  it('sends from ne-pas-repondre@ the verified domain, as Socle, through the configuration set', () => {
    // Prepare
    const { stateful } = socleApp({
      stage: 'prod',
      config: { email: { domain: 'socle.certifpro.fr', cognitoSendsWithSes: true } },
    });
    // Act
    const template = Template.fromStack(stateful);
    // Assess
    expect(template).toHaveResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'Socle <ne-pas-repondre@socle.certifpro.fr>',
        SourceArn: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':identity/socle\\.certifpro\\.fr$')])],
        },
        ConfigurationSet: { Ref: logicalId(stateful.email.configurationSet) },
      },
    });
  });
});

describe('Function: emailConfigOf (cdk.json context socle:email)', () => {
  it("reads each stage's domain from cdk.json", () => {
    for (const stage of ['dev', 'staging', 'prod'] as const) {
      expect(socleApp({ stage }).stateful.email.domain).toMatch(/\.fr$/);
    }
  });

  it.each([
    ['no entry', undefined, /socle:email\.prod\.domain/],
    [
      'not a domain',
      { prod: { domain: 'https://x', cognitoSendsWithSes: false } },
      /socle:email\.prod\.domain/,
    ],
    ['no sending switch', { prod: { domain: 'mail.example.fr' } }, /cognitoSendsWithSes/],
  ])('refuses %s, naming the key', (_, context, message) => {
    expect(() => emailConfigOf('prod', context)).toThrow(message);
  });
});

describe('Class: StatefulStack (dev)', () => {
  it('lets disposable data go: the table is deleted with the stack', () => {
    // Prepare
    const { stateful } = socleApp({ stage: 'dev' });
    // Act
    const template = Template.fromStack(stateful);
    // Assess
    expect(template).toHaveResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });

  it('does not protect against deletion a table it deletes (cdk destroy would fail on it)', () => {
    const template = Template.fromStack(socleApp({ stage: 'dev' }).stateful);
    expect(template).toHaveResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('Class: StatefulStack (after a point-in-time restore)', () => {
  const restored = 'socle-prod-restored-20261120';
  let stacks: ReturnType<typeof socleApp>;
  let stateful: Template;

  beforeAll(() => {
    stacks = socleApp({ stage: 'prod', restoredTableName: restored });
    stateful = Template.fromStack(stacks.stateful);
  });

  it('keeps its own table, retained and under the same logical ID', () => {
    expect(logicalId(stacks.stateful.table)).toBe(logicalId(socleApp({ stage: 'prod' }).stateful.table));
    expect(stateful).toHaveResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('points the token trigger and every API function at the restored table', () => {
    expect(stateful).toHaveResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: restored }) },
    });
    expect(stateful).toHaveOutput('TableName', { Value: restored });
    const stateless = Template.fromStack(stacks.stateless);
    for (const fn of Object.values(stacks.stateless.functions)) {
      const variables = stateless.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
      expect(variables.TABLE_NAME).toBe(restored);
    }
  });

  it('grants on the restored table and its indexes, with the audit denies', () => {
    const statements = Object.values(
      Template.fromStack(stacks.stateless).findResources('AWS::IAM::Policy'),
    ).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Effect: string; Resource: unknown }[],
    );
    const dynamo = JSON.stringify(statements.filter((s) => JSON.stringify(s).includes('dynamodb:')));
    expect(dynamo).toContain(`table/${restored}/index/gsi1`);
    expect(dynamo).not.toContain('TableCD117FA1');
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
      }),
    );
  });
});
