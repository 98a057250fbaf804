import { ErasureBlockerCode, RULE_CODES } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './ruleMessages.ts';

describe('rule messages', () => {
  it('words every rule code of the domain, and no other', () => {
    expect(Object.keys(ruleMessages).sort()).toEqual([...new Set(RULE_CODES)].sort());
  });

  it('says each in French to a person: a sentence, no code or English left in it', () => {
    for (const [code, message] of Object.entries(ruleMessages)) {
      expect(message, code).toMatch(/^[A-ZÀ-Ý].*[.!]$/s);
      expect(message, code).not.toMatch(/_|\b(the|already|error|id|collision)\b/i);
    }
  });

  it('words each reason an erasure can wait for (the API sends the first as its code)', () => {
    for (const code of ErasureBlockerCode.options) expect(ruleMessages).toHaveProperty(code);
  });
});
