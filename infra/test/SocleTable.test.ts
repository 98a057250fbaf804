import { tableDefinition } from '@socle/data/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SocleTable } from '../lib/constructs/SocleTable.ts';
import { bareStack } from './fixtures.ts';

describe('Class: SocleTable', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare
    const stack = bareStack();
    // Act
    new SocleTable(stack, 'Table', { removalPolicy: RemovalPolicy.RETAIN });
    template = Template.fromStack(stack);
  });

  it('uses the key schema of tableDefinition', () => {
    // Assess
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
      ],
    });
  });

  it('creates exactly the global secondary indexes of tableDefinition', () => {
    // Assess
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes = (table?.Properties.GlobalSecondaryIndexes ?? []) as unknown[];
    expect(indexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('has the 4 indexes of the definition, gsi4 being the deadlines index the expiry sweep queries', () => {
    // Assess
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes = (table?.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
    expect(indexes.map((index) => index.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4']);
    expect(indexes[3]).toEqual({
      IndexName: 'gsi4',
      KeySchema: [
        { AttributeName: 'gsi4pk', KeyType: 'HASH' },
        { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
  });

  it('declares every key attribute as a string', () => {
    // Assess
    const names = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ].map((key) => key.name);
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', {
      AttributeDefinitions: names.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    });
  });

  it('bills on demand', () => {
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' });
  });

  it('turns on point-in-time recovery', () => {
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('turns on deletion protection', () => {
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
  });

  it('encrypts at rest with KMS', () => {
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('expires items on the TTL attribute of tableDefinition', () => {
    expect(template).toHaveResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('applies the given removal policy', () => {
    expect(template).toHaveResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.anyValue(),
    });
  });
});
