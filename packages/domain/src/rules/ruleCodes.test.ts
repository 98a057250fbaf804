import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErasureBlockerCode } from '../schemas/dataProtection.ts';
import { RULE_CODES, RULE_CODE_LISTS } from './ruleCodes.ts';

describe('rule codes', () => {
  it('belong to one context each', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [context, codes] of Object.entries(RULE_CODE_LISTS)) {
      for (const code of codes) {
        if (seen.has(code)) twice.push(`${code}: ${seen.get(code)} and ${context}`);
        seen.set(code, context);
      }
    }
    expect(twice).toEqual([]);
    expect(RULE_CODES).toHaveLength(seen.size);
  });

  it('are snake_case words', () => {
    for (const code of RULE_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('include every reason an erasure waits for (sent as the refusal’s code)', () => {
    for (const code of ErasureBlockerCode.options) expect(RULE_CODES).toContain(code);
  });

  /**
   * docs/architecture.md lists every code once, by context, between two markers: the table must be
   * the union exactly, so it cannot drift from the code.
   */
  it('are listed once each, by context, in docs/architecture.md', () => {
    const doc = readFileSync(new URL('../../../../docs/architecture.md', import.meta.url), 'utf8');
    const table = doc.split('<!-- rule-codes:start -->')[1]?.split('<!-- rule-codes:end -->')[0] ?? '';
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const listed = Object.fromEntries(
      rows.map((cells) => [
        cells[1]?.replaceAll('`', ''),
        [...(cells[3] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]),
      ]),
    );
    expect(listed).toEqual(Object.fromEntries(Object.entries(RULE_CODE_LISTS).map(([k, v]) => [k, [...v]])));
  });
});
