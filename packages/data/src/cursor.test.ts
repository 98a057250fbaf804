import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

const partition = { attribute: 'gsi1pk', value: 'T#T1#DOSSIERS' };
const key = { gsi1pk: 'T#T1#DOSSIERS', gsi1sk: 'X', pk: 'p', sk: 's' };

afterEach(() => {
  delete process.env.CURSOR_SIGNING_KEY;
});

describe('Function: decodeCursor (signed cursors)', () => {
  it('refuses an unsigned cursor of the right partition', () => {
    const unsigned = Buffer.from(JSON.stringify(key)).toString('base64url');
    expect(() => decodeCursor(unsigned, partition)).toThrow(/cursor/);
  });

  it('refuses a cursor whose payload was changed after signing', () => {
    const [, signature] = (encodeCursor(key) as string).split('.');
    const payload = Buffer.from(JSON.stringify({ ...key, gsi1sk: 'Y' })).toString('base64url');
    expect(() => decodeCursor(`${payload}.${signature}`, partition)).toThrow(/cursor/);
  });

  it('refuses a cursor signed with another key', () => {
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    const forged = `${payload}.${createHmac('sha256', 'guessed').update(payload).digest('base64url')}`;
    expect(() => decodeCursor(forged, partition)).toThrow(/cursor/);
  });

  it('signs with the configured key: a cursor of the development key is refused then', () => {
    const devCursor = encodeCursor(key);
    process.env.CURSOR_SIGNING_KEY = 'the-stage-secret';
    expect(() => decodeCursor(devCursor, partition)).toThrow(/cursor/);
    expect(decodeCursor(encodeCursor(key), partition)).toEqual(key);
  });
});
