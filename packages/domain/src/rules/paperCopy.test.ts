import { describe, expect, it } from 'vitest';
import type { PaperCopyAction, PaperCopyState } from './paperCopy.ts';
import { PAPER_COPY_RULE_CODES, paperCopyTarget, paperCopyTransition } from './paperCopy.ts';

const states: (PaperCopyState | undefined)[] = [undefined, 'requested', 'printed', 'sent'];
const actions: PaperCopyAction[] = ['request', 'print', 'unprint', 'send'];

/** The whole table: the only allowed moves. */
const allowed = new Set([
  'undefined:request',
  'sent:request',
  'requested:print',
  'printed:unprint',
  'printed:send',
]);

describe('paperCopyTransition', () => {
  for (const from of states) {
    for (const action of actions) {
      const key = `${from}:${action}`;
      it(`${allowed.has(key) ? 'allows' : 'refuses'} ${action} from ${from ?? 'no copy'}`, () => {
        const verdict = paperCopyTransition(from, action);
        expect(verdict.ok).toBe(allowed.has(key));
        if (!verdict.ok) {
          expect(PAPER_COPY_RULE_CODES).toContain(verdict.code);
          expect(verdict.code).toBe(action === 'request' ? 'paper_copy_pending' : 'paper_copy_state');
          // French, no internal state name.
          expect(verdict.message).not.toMatch(/requested|printed|sent|undefined/);
        }
      });
    }
  }

  it('undoing "printed" leads back to requested; printing and sending lead forward', () => {
    expect(paperCopyTarget('unprint')).toBe('requested');
    expect(paperCopyTarget('print')).toBe('printed');
    expect(paperCopyTarget('send')).toBe('sent');
  });

  it('says why a sent copy cannot be unprinted', () => {
    const verdict = paperCopyTransition('sent', 'unprint');
    expect(verdict.ok ? '' : verdict.message).toContain('déjà envoyé');
  });
});
