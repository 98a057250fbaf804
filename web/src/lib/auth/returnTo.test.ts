import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './returnTo.ts';

describe('Function: safeReturnTo', () => {
  it.each([
    '/',
    '/dossiers',
    '/dossiers/01JABCDEF?onglet=jury#decision',
    '/certificats?annee=2026&page=2',
    '/recherche?q=caf%C3%A9',
    '/dossiers/a%20b',
  ])('keeps the path of this site %s', (value) => {
    expect(safeReturnTo(value)).toBe(value);
  });

  it.each([
    ['another site, absolute', 'https://evil.example/dossiers'],
    ['another scheme', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/dossiers'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a backslash further on', '/dossiers\\..\\\\evil.example'],
    ['a tab the URL parser strips', '/\t/evil.example'],
    ['a newline the URL parser strips', '/\n/evil.example'],
    ['an encoded tab', '/%09/example.org'],
    ['an encoded newline', '/%0a/example.org'],
    ['an encoded carriage return', '/%0D/example.org'],
    ['an encoded slash', '/%2F/evil.example'],
    ['an encoded slash, lower case', '/%2f%2fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a double-encoded slash', '/%252F%252Fevil.example'],
    ['a NUL byte', '/\u0000/evil.example'],
    ['no leading slash', 'dossiers'],
    ['an empty value', ''],
  ])('refuses %s: back to /', (_, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('refuses a missing value', () => {
    expect(safeReturnTo(null)).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});
