/**
 * Where to land after sign-in: only a path of this site. The value comes from the URL
 * (`/connexion?retour=…`), so anyone can craft it; an open redirect would send a user who has just
 * signed in to a look-alike site.
 */

/**
 * What a browser could read as another host, or as a path it rewrites: `//host`, `/\host` (WHATWG
 * URL parsing treats `\` as `/`), tabs and newlines (stripped by the parser: `/\t/host` is
 * `//host`), other control characters, and their percent-encoded forms (`%2F`, `%5C`, `%09`…), which
 * a later decoding step (a router, a redirect) could turn into the raw character. `%25` too: a
 * double-encoded `%252F` is one decoding away from `%2F`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const UNSAFE = /[\\\u0000-\u001f\u007f]|%(?:0[0-9a-f]|1[0-9a-f]|2f|5c|7f|25)/i;

/** A base that is never a real origin: a value that resolves elsewhere is not a path of this site. */
const BASE = 'https://socle.invalid';

/** `value` when it is a path of this site (`/dossiers?statut=x#y`), otherwise `/`. */
const safeReturnTo = (value: string | null | undefined): string => {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) {
    return '/';
  }
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE ? value : '/';
  } catch {
    return '/';
  }
};

export { safeReturnTo };
